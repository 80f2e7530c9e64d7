import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { paperLoader } from "./lib/paper-loader.ts";
import { mdxPaperFiles } from "./lib/rendered-papers.ts";
import { paperSchema } from "./lib/paper-schema.ts";
import { basePath, papersDir } from "./site.config.ts";

// Plain-Markdown notes, rendered by our own pass (fast, no JS modules).
const papers = defineCollection({ loader: paperLoader(papersDir, basePath), schema: paperSchema });

// Notes that import components or use JSX: compiled by @astrojs/mdx.
const mdxFiles = mdxPaperFiles(papersDir, basePath);
const mdxPapers = defineCollection({
  // glob() warns when nothing matches; with no MDX notes there is nothing to load.
  loader: mdxFiles.length > 0 ? glob({ pattern: mdxFiles, base: papersDir }) : { name: "papernotes:no-mdx-papers", load: async ({ store }) => store.clear() },
  schema: paperSchema,
});

export const collections = { papers, mdxPapers };
