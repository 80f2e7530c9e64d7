// Punctuation touching an inline formula stays on its line, in both pipelines:
// the fast path (raw KaTeX HTML) and Astro's MDX path (KaTeX elements).
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { fastRehypePlugins, sitePipeline } from "../../src/plugins/index.ts";

const note = `A mix of $x_0$- and $\\epsilon$-prediction, with $M_1$'s weights ($t$), and $a = b + c$: a short one, and $L = \\mathbb{E}_{t,x_0,\\epsilon}\\lVert \\epsilon - \\epsilon_\\theta(x_t, t) \\rVert^2$: a long one.

图层 $M_1$，再看 $x$。
`;

async function fastPath(markdown: string): Promise<string> {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype, { allowDangerousHtml: true }).use(fastRehypePlugins()).use(rehypeStringify, { allowDangerousHtml: true });
  return String(await processor.process(fileOf(markdown)));
}

async function mdxPath(markdown: string): Promise<string> {
  const { remarkPlugins, rehypePlugins } = sitePipeline({ papers: () => () => undefined, base: "/" });
  const processor = unified().use(remarkParse).use(remarkPlugins as never).use(remarkRehype).use(rehypePlugins as never).use(rehypeStringify);
  return String(await processor.process(fileOf(markdown)));
}

function fileOf(markdown: string): VFile {
  const file = new VFile({ path: "/papers/note.md", value: markdown });
  file.data.astro = { frontmatter: { lang: "en" } };
  return file;
}

const isKatex = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes("katex");

/** Each span.math-nowrap as [the text before its formula, the formula's TeX, the text after it]. */
function keptTogether(html: string): [string, string, string][] {
  const found: [string, string, string][] = [];
  visit(fromHtml(html, { fragment: true }), "element", (node) => {
    if (!(Array.isArray(node.properties.className) && node.properties.className.includes("math-nowrap"))) return;
    const at = node.children.findIndex((child) => child.type === "element" && isKatex(child));
    const text = (from: number, to: number) => node.children.slice(from, to).map((child) => (child.type === "text" ? child.value : "?")).join("");
    let tex = "";
    visit(node.children[at]!, "element", (e) => {
      if (e.tagName === "annotation") tex = toText(e);
    });
    found.push([text(0, at), tex, text(at + 1, node.children.length)]);
  });
  return found;
}

describe("rehype-math-punctuation", () => {
  for (const [name, render] of [["fast path", fastPath], ["MDX path", mdxPath]] as const) {
    it(`keeps the punctuation touching a one-piece formula with it (${name})`, async () => {
      const html = await render(note);
      expect(keptTogether(html)).toEqual([
        ["", "x_0", "-"],
        ["", "\\epsilon", "-"],
        ["", "M_1", "'"],
        ["(", "t", "),"],
        ["", "a = b + c", ":"],
        ["", "M_1", "，"],
        ["", "x", "。"],
      ]);
      // The words around stay outside, and no text is lost or doubled.
      expect(toText(fromHtml(html, { fragment: true }))).toContain("- and ");
      expect(html).toContain("-</span>prediction, with ");
      expect(html).toContain("'</span>s weights ");
    });

    it(`leaves a long formula that KaTeX may break inside as it was (${name})`, async () => {
      const html = await render(note);
      // Pieces end after = and -: kept whole, it could leave a wide gap. Its colon stays outside.
      expect(keptTogether(html).map(([, tex]) => tex).filter((tex) => tex.startsWith("L ="))).toEqual([]);
      expect(html).toMatch(/<\/annotation>(?:(?!<annotation)[\s\S])*?<\/span><\/span>: a long one\./);
    });
  }

  it("gives both paths the same markup", async () => {
    expect(await fastPath(note)).toBe(await mdxPath(note));
  });
});
