// Footnotes speak the note's language, on both paths (the content check's fast
// path for Markdown notes, and Astro's MDX path).
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { runMdxPipeline } from "../support/mdx-pipeline.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const body = `Faster[^speed] and smaller[^size], again faster[^speed].

[^speed]: On one GPU.
[^size]: In parameters.
`;
const notes = { "zh-note": `${frontmatter({ lang: "zh" })}\n${body}`, "en-note": `${frontmatter()}\n${body}` };

async function bothPaths(slug: keyof typeof notes): Promise<string[]> {
  const { papersDir } = writePapers(notes);
  const check = await checkContent(papersDir, "/", { render: true });
  const fast = new TextDecoder().decode(check.rendered.get(slug)!.htmlBytes);
  const mdx = unified().use(rehypeStringify).stringify(runMdxPipeline(papersDir, slug, notes[slug], check.index));
  return [fast, mdx];
}

/** The heading's text, followed by its anchor link. */
const heading = (html: string) => /<h2[^>]*id="footnote-label"[^>]*>([^<]*)<\/h2><a [^>]*class="heading-anchor"/.exec(html)?.[1];
const backLabels = (html: string) => [...html.matchAll(/<a [^>]*data-footnote-backref[^>]*aria-label="([^"]*)"/g)].map((m) => m[1]);

describe("footnotes", () => {
  it("are titled and linked back in Chinese on a Chinese note", async () => {
    for (const html of await bothPaths("zh-note")) {
      expect(heading(html)).toBe("脚注");
      expect(backLabels(html)).toEqual(["返回脚注 1 的引用", "返回脚注 1 的第 2 处引用", "返回脚注 2 的引用"]);
    }
  });

  it("keep remark-rehype's English on an English note", async () => {
    for (const html of await bothPaths("en-note")) {
      expect(heading(html)).toBe("Footnotes");
      expect(backLabels(html)).toEqual(["Back to reference 1", "Back to reference 1-2", "Back to reference 2"]);
    }
  });

  it("show their heading: no sr-only class, which the site's CSS does not define", async () => {
    for (const html of await bothPaths("en-note")) {
      const tag = /<h2[^>]*id="footnote-label"[^>]*>/.exec(html)?.[0];
      expect(tag).toBeDefined();
      expect(tag).not.toMatch(/class=/);
    }
  });
});
