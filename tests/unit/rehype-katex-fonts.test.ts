// A note's page samples each KaTeX font that only its display math uses, so
// that the screen loads it with the page (a printout has no other chance), in
// both the fast path and the MDX path.
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { katexFacesOf } from "../../src/integrations/katex-assets.ts";
import { checkContent } from "../../src/lib/content-check.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { runMdxPipeline } from "../support/mdx-pipeline.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const notes = {
  // 𝔼 (AMS) and brackets of size 2 around a display fraction; x (Math italic) inline as well.
  sampled: `${frontmatter()}\nInline $x$ here.\n\n$$\n\\mathbb{E}\\left[\\frac{x}{2}\\right] \\label{eq:e}\n$$\n`,
  // Its display uses no font its inline math does not.
  unsampled: `${frontmatter()}\nInline $x + \\mathbb{E}$ here.\n\n$$\nx \\label{eq:x}\n$$\n`,
};
const samples = (html: string) => /<span class="katex-fonts visually-hidden" aria-hidden="true">((?:<span style="[^"]*">\(<\/span>)*)<\/span>/.exec(html)?.[1]?.match(/font-family:[\w ;:-]+/g) ?? [];

describe("rehype-katex-fonts", () => {
  const { papersDir } = writePapers(notes);

  it("samples the display-only fonts in the fast path", async () => {
    const check = await checkContent(papersDir, "/", { render: true });
    expect(samples(paperHtml(check.rendered.get("sampled")!)).sort()).toEqual(["font-family:KaTeX_AMS", "font-family:KaTeX_Size2"]);
    expect(paperHtml(check.rendered.get("unsampled")!)).not.toContain("katex-fonts");
  });

  it("samples the same fonts in the MDX path", async () => {
    const check = await checkContent(papersDir, "/", { render: false });
    const html = (slug: keyof typeof notes) => unified().use(rehypeStringify).stringify(runMdxPipeline(papersDir, slug, notes[slug], check.index));
    expect(samples(html("sampled")).sort()).toEqual(["font-family:KaTeX_AMS", "font-family:KaTeX_Size2"]);
    expect(html("unsampled")).not.toContain("katex-fonts");
  });

  it("reads the faces from KaTeX's own rules, bold and italic too", () => {
    const names = (classes: string[]) => katexFacesOf(new Set(classes)).map((face) => `${face.family} ${face.weight} ${face.style}`);
    expect(names(["mathnormal", "delimsizing", "size2"])).toEqual(["KaTeX_Main normal normal", "KaTeX_Math normal italic", "KaTeX_Size2 normal normal"]);
    expect(names(["mathbf"])).toEqual(["KaTeX_Main normal normal", "KaTeX_Main bold normal"]);
    expect(names(["textrm", "textbf", "textit"])).toEqual(["KaTeX_Main normal normal", "KaTeX_Main bold normal", "KaTeX_Main normal italic", "KaTeX_Main bold italic"]);
  });
});
