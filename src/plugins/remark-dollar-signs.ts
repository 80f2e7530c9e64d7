// For the content check: "it cost $5 and then $10" is inline math to
// remark-math ("5 and then " in italics). Math as writers type it has no space
// just inside its dollars, and no digit right after the closing one, as Pandoc
// requires ("$5-$10"); a span that breaks either is most likely two dollar
// signs. Allowed, but the author hears where it is.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { SOURCE } from "./messages.ts";

/**
 * Whether Pandoc reads `$inner$`, followed by `after`, as math: no space just
 * inside the dollars, and no digit right after the closing one.
 */
export function readAsMathByPandoc(inner: string, after: string): boolean {
  return inner !== "" && !/^\s|\s$/.test(inner) && !/\d/.test(after);
}

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
  };
}
