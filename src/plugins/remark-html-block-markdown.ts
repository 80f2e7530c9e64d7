// For the content check of a .md note: an HTML block such as <details> or
// <div> runs on to the next blank line (CommonMark), so Markdown written on the
// lines right after its tags is HTML too. It ships raw (**bold**, $x$ as typed)
// and is left out of search. Allowed, but the author hears where it is.
import type { Html, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { pointAt, SOURCE } from "./messages.ts";

/** Text after </summary>, up to the end of the HTML block, that is not itself a tag: on the same line, or at the start of a later one. */
const TEXT_AFTER_SUMMARY = /<\/summary>[ \t]*(?:\r?\n[ \t]*)*(?=[^<\s])/gi;
/** A later line of the block that starts with text, not a tag. */
const TEXT_LINE = /\n([ \t>]*)(?=[^<>\s])/; // ">": the block is in a quote
/** Markdown that would show as typed: emphasis, code, math, links and images, or a heading, list or quote line. */
const MARKDOWN = /[*_`$[\]]|^[ \t>]*(?:#{1,6}\s|[-+*]\s|\d+[.)]\s)/m;
/**
 * A <summary> and its text. Found first, then searched for Markdown: one pattern
 * for both took quadratic time on a long line (8 s at 240,000 characters); [^<>]
 * in the tag keeps a run of "<summary" without a ">" linear too.
 */
const SUMMARY = /(<summary[^<>]*>)([^<]*)<\/summary>/gi;
/** Math, strong emphasis or code, which HTML shows as typed. */
const SUMMARY_MARKDOWN = /\$[^$<]+\$|\*\*[^*<]+\*\*|`[^`<]+`/;
/**
 * HTML blocks whose lines are not Markdown in any reading: comments, <pre>,
 * <script>, <style>, <textarea> (each ends at its own closing tag), and <?…>, <!…>.
 */
const NOT_MARKDOWN = /^[ \t]*<(?:!|\?|(?:pre|script|style|textarea)[\s>])/i;
/** Where HTML blocks can be (an `html` node in a paragraph or heading is inline HTML). */
const BLOCK_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

export default function remarkHtmlBlockMarkdown() {
  return (tree: Root, file: VFile) => {
    // MDX reads Markdown inside HTML (and an .mdx note read as Markdown after a syntax error would mislead).
    const text = String(file.value);
    if (!/\.md$/i.test(file.path ?? "") || !/<[A-Za-z/]/.test(text)) return;
    visit(tree, "html", (node: Html, _index, parent) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !parent || !BLOCK_PARENTS.has(parent.type)) return;
      const block = text.slice(start, end);
      if (NOT_MARKDOWN.test(block)) return;
      for (const match of block.matchAll(SUMMARY)) {
        if (!SUMMARY_MARKDOWN.test(match[2]!)) continue;
        const place = pointAt(file, node, start + match.index + match[1]!.length);
        file.info("the text of <summary> is HTML in a .md note, so its Markdown ($…$, **…**) shows as typed: write it without, or rename the note .mdx, where it is read", { place, source: SOURCE, ruleId: "html-block-markdown" });
      }
      let summaryTold = false;
      for (const match of block.matchAll(TEXT_AFTER_SUMMARY)) {
        summaryTold = true;
        const place = pointAt(file, node, start + match.index + match[0].length);
        file.info("add a blank line after <summary>…</summary> so the Markdown inside is read; without one, the lines up to the next blank line are raw HTML, shown as typed and left out of search", { place, source: SOURCE, ruleId: "html-block-markdown" });
      }
      // After the opening tag, which may run over lines (its attributes), and only text with Markdown in it.
      const tag = /^[ \t]*(<\/?[A-Za-z][A-Za-z0-9-]*)?[^>]*>/.exec(block);
      const afterTag = tag?.[0].length ?? 0;
      const found = summaryTold ? null : TEXT_LINE.exec(block.slice(afterTag));
      const textLine = found && MARKDOWN.test(block.slice(afterTag + found.index)) ? { index: afterTag + found.index, indent: found[1]! } : undefined;
      if (!textLine) return;
      const opening = tag?.[1] ?? "<";
      const place = pointAt(file, node, start + textLine.index + 1 + textLine.indent.length);
      file.info(`add a blank line above this line so its Markdown is read; without one, it belongs to the HTML block that ${opening}> starts on line ${node.position!.start.line}: raw HTML up to the next blank line, shown as typed and left out of search`, { place, source: SOURCE, ruleId: "html-block-markdown" });
    });
  };
}
