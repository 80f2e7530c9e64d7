// For the content check of a .md note: an HTML block such as <details> runs
// on to the next blank line (CommonMark), so Markdown written right after
// <summary>…</summary> is HTML too. It ships raw (**bold**, $x$ as typed) and
// is left out of search. Allowed, but the author hears where it is.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { pointAt, SOURCE } from "./messages.ts";

/** Text after </summary>, up to the end of the HTML block, that is not itself a tag: on the same line, or at the start of a later one. */
const TEXT_AFTER_SUMMARY = /<\/summary>[ \t]*(?:\r?\n[ \t]*)*(?=[^<\s])/gi;

export default function remarkDetailsMarkdown() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    // MDX reads Markdown inside HTML (and an .mdx note read as Markdown after a syntax error would mislead).
    if (!/\.md$/i.test(file.path ?? "") || !/<\/summary>/i.test(text)) return;
    visit(tree, "html", (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      for (const match of text.slice(start, end).matchAll(TEXT_AFTER_SUMMARY)) {
        const place = pointAt(file, node, start + match.index + match[0].length);
        file.info("add a blank line after <summary>…</summary> so the Markdown inside is read; without one, the lines up to the next blank line are raw HTML, shown as typed and left out of search", { place, source: SOURCE, ruleId: "details-markdown" });
      }
    });
  };
}
