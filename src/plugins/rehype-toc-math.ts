// Astro lists an MDX note's headings by their text, which for a heading with a
// formula is KaTeX's MathML, TeX and glyphs run together ("The E\EE operator").
// This keeps each such heading's HTML in the note's frontmatter as Astro
// returns it (remarkPluginFrontmatter.headingHtml, by id), for the table of
// contents to show, as the fast path's headings do.
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { holdsMath, tocContent } from "../lib/toc-heading.ts";

export default function rehypeTocMath() {
  return (tree: Root, file: VFile) => {
    const html: Record<string, string> = {};
    visit(tree, "element", (node) => {
      if (node.tagName === "p" || node.tagName === "pre") return SKIP;
      if (!/^h[1-6]$/.test(node.tagName) || typeof node.properties.id !== "string") return;
      const content = tocContent(node);
      if (holdsMath(content)) html[node.properties.id] = toHtml({ type: "root", children: content });
      return SKIP;
    });
    if (Object.keys(html).length === 0) return;
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    (astro.frontmatter ??= {}).headingHtml = html;
  };
}
