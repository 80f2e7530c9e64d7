// The content loader for plain-Markdown notes: their HTML comes from the content
// check's own pass (one remark/rehype run, each formula rendered once), so Astro
// never turns them into JS modules. Notes that need MDX go through glob + MDX.
import { createHash } from "node:crypto";
import type { Loader } from "astro/loaders";
import { handOffRenderedContent, takeRenderedContent } from "./build-handoff.ts";
import { checkContent } from "./content-check.ts";
import { formatProblem } from "./content-check-results.ts";

export function paperLoader(papersDir: string, base: string): Loader {
  return {
    name: "papernotes:papers",
    load: async ({ store, parseData, logger }) => {
      let result = takeRenderedContent(papersDir, base);
      if (!result) {
        // `astro dev` or a bare `astro build`: do the pass here.
        result = await checkContent(papersDir, base, { render: true });
        for (const warning of result.warnings) logger.warn(formatProblem(warning));
        if (result.problems.length > 0) throw new Error(`${result.problems.length} problem(s) in the papers:\n${result.problems.map(formatProblem).join("\n")}`);
        handOffRenderedContent({ papersDir, base, result });
      }
      store.clear();
      // The HTML and the Markdown stay in memory, not in Astro's data store:
      // Astro bundles the store into the build. 1,000 notes of KaTeX markup made
      // it 180 MB; their Markdown alone (11 MB) cost 3 s. Pages are rendered in
      // this same process and read what they need from the hand-off.
      for (const paper of result.rendered.values()) {
        const data = await parseData({ id: paper.slug, data: paper.frontmatter });
        // A digest of the bytes (a built note's file is named by its own): Astro's
        // generateDigest would need the HTML decoded (1.3 s at 1,000 papers).
        const note = paper.htmlBytes ?? paper.builtNote!.file;
        store.set({ id: paper.slug, data, digest: createHash("sha256").update(note).update(JSON.stringify(paper.frontmatter)).digest("base64url") });
      }
    },
  };
}
