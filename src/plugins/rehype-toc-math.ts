// Astro lists an MDX note's headings by their text, which for a heading with a
// formula is KaTeX's MathML, TeX and glyphs run together ("The E\EE operator").
// This keeps each such heading's HTML in the note's frontmatter as Astro
// returns it (remarkPluginFrontmatter.headingHtml, by id), for the table of
// contents to show, as the fast path's headings do.
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import type { VFile } from "vfile";
import { holdsMath, tocContent, visitHeadings } from "../lib/toc-heading.ts";

export default function rehypeTocMath() {
  return (tree: Root, file: VFile) => {
    const html: Record<string, string> = {};
    visitHeadings(tree, (node, _depth, id) => {
      const content = tocContent(node);
      if (holdsMath(content)) html[id] = toHtml({ type: "root", children: content });
    });
    if (Object.keys(html).length === 0) return;
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    (astro.frontmatter ??= {}).headingHtml = html;
  };
}
