// For the content check: remark-math reads text after an opening $$ as the
// fence's info string (as ```python), not as TeX, so "$$ x = 1" followed by
// more lines silently lost "x = 1" and left the display empty or short.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { placeOf, SOURCE } from "./messages.ts";

export default function remarkDisplayOpeningText() {
  return (tree: Root, file: VFile) => {
    visit(tree, "math", (node) => {
      const text = node.meta?.trim();
      if (!text) return;
      const shown = text.length > 40 ? `${text.slice(0, 30)}…` : text;
      const reason = `text on the opening $$ line is not part of the formula, and is dropped: put ${shown} on the next line, so that $$ stands alone`;
      file.message(reason, { place: placeOf(file, node, text) ?? node.position, source: SOURCE, ruleId: "content" });
    });
  };
}
