// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import katexAssets from "./src/integrations/katex-assets.ts";
import { takeRenderedContent } from "./src/lib/build-handoff.ts";
import { loadPaperIndex, publishedTags } from "./src/lib/paper-index.ts";
import { sitePipeline } from "./src/plugins/index.ts";
import { basePath, cacheDirFor, isDevServer, papersDir, shikiConfig, siteUrl, siteUrlProblem } from "./src/site.config.ts";

// Only notes that use MDX components need the index here, so it is read lazily:
// from the build's own pass when there is one; the dev server re-reads it so
// edits to labels show up.
/** @type {import("./src/lib/paper-index.ts").PaperIndex | undefined} */
let paperIndex;
const index = () => {
  if (isDevServer || !paperIndex) paperIndex = takeRenderedContent(papersDir, basePath)?.index ?? loadPaperIndex(papersDir);
  return paperIndex;
};

// Said plainly here, rather than as Astro's check of its `site` option.
const siteProblem = siteUrlProblem();
if (siteProblem) throw new Error(siteProblem);

export default defineConfig({
  // One content cache per content folder: Astro's data store otherwise keeps
  // entries from the folder built before (tests and benches build several).
  cacheDir: cacheDirFor(papersDir),
  site: siteUrl,
  base: basePath,
  trailingSlash: "always",
  outDir: process.env.PAPERNOTES_OUT_DIR ?? "dist",
  markdown: {
    processor: unified(
      sitePipeline({
        papers: () => {
          const papers = index();
          return (slug) => papers.get(slug);
        },
        slugs: () => index().keys(),
        tags: () => publishedTags(index()),
        base: basePath,
      }),
    ),
    shikiConfig,
  },
  // Astro's own log, but for a list of problems that the dev server already printed (see there).
  logger: { entrypoint: "./src/integrations/problems-logged-once.ts" },
  integrations: [katexAssets(), mdx({ optimize: true }), sitemap({ filter: (page) => !page.endsWith("/404/") })],
  build: { inlineStylesheets: "never" },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every .mdx module logs this harmless notice (see ASTRO7-NOTES.md).
          if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
          warn(warning);
        },
      },
    },
  },
});
