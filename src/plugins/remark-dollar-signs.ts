// For the content check: "it cost $5 and then $10" is inline math to
// remark-math ("5 and then " in italics). Math as writers type it has no space
// just inside its dollars, as Pandoc requires; a span that does is most likely
// two dollar signs. Allowed, but the author hears where it is.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { SOURCE } from "./messages.ts";

export default function remarkDollarSigns() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    visit(tree, "inlineMath", (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || text.startsWith("$$", start)) return;
      const source = text.slice(start, end);
      if (!/^\$\s|\s\$$/.test(source)) return;
      file.info(`${source} is read as math; if these are dollar signs, write \\$ (as in \\$5)`, { place: node.position, source: SOURCE, ruleId: "dollar-signs" });
    });
  };
}
