// For the content check: "it cost $5 and then $10" is inline math to
// remark-math ("5 and then " in italics). Math as writers type it has no space
// just inside its dollars, and no digit right after the closing one, as Pandoc
// requires ("$5-$10"); a span that breaks either is most likely two dollar
// signs. Allowed, but the author hears where it is; as of a $ left unpaired
// before a letter or a command ("$x + y and more"), most likely a formula never closed.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { pointAt, SOURCE } from "./messages.ts";

/**
 * Whether Pandoc reads `$inner$`, followed by `after`, as math: no space just
 * inside the dollars, and no digit right after the closing one.
 */
export function readAsMathByPandoc(inner: string, after: string): boolean {
  return inner !== "" && !/^\s|\s$/.test(inner) && !/\d/.test(after);
}

/** A $ not escaped, before a letter or a TeX command (its first few characters are kept). */
const UNPAIRED_BEFORE_TEX = /(?<!\\)\$((?:\\[A-Za-z]+|[A-Za-z])[^\s$]{0,8})/g;

export default function remarkDollarSigns() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    visit(tree, "inlineMath", (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || text.startsWith("$$", start)) return;
      const source = text.slice(start, end);
      if (readAsMathByPandoc(source.slice(1, -1), text[end] ?? "")) return;
      file.info(`${source.replace(/\s+/g, " ")} is read as math; if these are dollar signs, write \\$ (as in \\$5)`, { place: node.position, source: SOURCE, ruleId: "dollar-signs" });
    });
    // A $ that remark-math left as text, before a letter or a command: most likely a formula never closed.
    visit(tree, "text", (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      for (const unpaired of text.slice(start, end).matchAll(UNPAIRED_BEFORE_TEX)) {
        const place = pointAt(file, node, start + unpaired.index);
        file.info(`an unpaired $ before "${unpaired[1]}": if a formula starts here, close it with a $; if it is a dollar sign, write \\$`, { place, source: SOURCE, ruleId: "dollar-signs" });
      }
    });
  };
}
