import { defineCollection } from "astro:content";
import { glob, type Loader } from "astro/loaders";
import { paperLoader } from "./lib/paper-loader.ts";
import { mdxNotesAsTheyChange } from "./lib/mdx-paper-loader.ts";
import { listPaperFiles } from "./lib/paper-files.ts";
import { mdxPaperFiles } from "./lib/rendered-papers.ts";
import { paperSchema } from "./lib/paper-schema.ts";
import { basePath, isDevServer, papersDir } from "./site.config.ts";

// Plain-Markdown notes, rendered by our own pass (fast, no JS modules).
const papers = defineCollection({ loader: paperLoader(papersDir, basePath), schema: paperSchema });

// Notes that import components or use JSX: compiled by @astrojs/mdx. The dev
// server reads every .mdx note as it changes, as a note may start to need MDX.
function mdxPapersLoader(): Loader {
  if (isDevServer && listPaperFiles(papersDir).some((path) => path.endsWith(".mdx"))) return mdxNotesAsTheyChange(papersDir);
  const mdxFiles = mdxPaperFiles(papersDir, basePath);
  // glob() warns when nothing matches; with no MDX notes there is nothing to load.
  return mdxFiles.length > 0 ? glob({ pattern: mdxFiles, base: papersDir }) : { name: "papernotes:no-mdx-papers", load: async ({ store }) => store.clear() };
}
const mdxPapers = defineCollection({ loader: mdxPapersLoader(), schema: paperSchema });

export const collections = { papers, mdxPapers };
