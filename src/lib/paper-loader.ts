// The content loader for plain-Markdown notes: their HTML comes from the content
// check's own pass (one remark/rehype run, each formula rendered once), so Astro
// never turns them into JS modules. Notes that need MDX go through glob + MDX.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Loader } from "astro/loaders";
import { needsMdxCompiler } from "./body-text.ts";
import { takeRenderedContent } from "./build-handoff.ts";
import { checkContent, formatProblem, type RenderedPaper } from "./content-check.ts";
import { listPaperFiles } from "./paper-index.ts";

export function paperLoader(papersDir: string, base: string): Loader {
  return {
    name: "papernotes:papers",
    load: async ({ store, parseData, generateDigest, logger }) => {
      let result = takeRenderedContent(papersDir, base);
      if (!result) {
        // `astro dev` or a bare `astro build`: do the pass here.
        result = await checkContent(papersDir, base, { render: true });
        for (const warning of result.warnings) logger.warn(formatProblem(warning));
        if (result.problems.length > 0) throw new Error(`${result.problems.length} problem(s) in the papers:\n${result.problems.map(formatProblem).join("\n")}`);
      }
      store.clear();
      // The HTML goes to files, not into Astro's data store: Astro bundles the
      // store into the build, and 1,000 notes of KaTeX markup made it 180 MB.
      const dir = renderedDir(papersDir);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const paper of result.rendered.values()) {
        const data = await parseData({ id: paper.slug, data: paper.frontmatter });
        writeFileSync(join(dir, `${paper.slug}.json`), JSON.stringify({ html: paper.html, headings: paper.headings } satisfies RenderedHtml));
        store.set({ id: paper.slug, data, body: paper.body, digest: generateDigest(paper.html) });
      }
    },
  };
}

/** File names of the notes that need Astro's MDX compiler (usually none). */
export function mdxPaperFiles(papersDir: string): string[] {
  return listPaperFiles(papersDir)
    .filter((path) => needsMdxCompiler(readFileSync(path, "utf8").replace(/^---[\s\S]*?\n---/, "")))
    .map((path) => path.slice(papersDir.length + 1));
}

type RenderedHtml = Pick<RenderedPaper, "html" | "headings">;

/** Where the loader leaves each note's HTML, one folder per content folder. */
function renderedDir(papersDir: string): string {
  return join(process.cwd(), "node_modules", ".astro", "papernotes-html", createHash("sha256").update(papersDir).digest("hex").slice(0, 12));
}

/** The HTML and headings of a plain-Markdown note, as the loader rendered them. */
export function readRenderedPaper(papersDir: string, slug: string): RenderedHtml {
  return JSON.parse(readFileSync(join(renderedDir(papersDir), `${slug}.json`), "utf8")) as RenderedHtml;
}
