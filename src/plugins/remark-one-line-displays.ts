// For the content check: `$$ x $$` on one line is inline math to remark-math,
// set small and without a number, where the writer most likely meant a display.
// Allowed, but the author hears where it is.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { SOURCE } from "./messages.ts";

export default function remarkOneLineDisplays() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    visit(tree, "inlineMath", (node) => {
      const start = node.position?.start.offset;
      if (start === undefined || !text.startsWith("$$", start)) return;
      file.info("$$…$$ on one line is inline math, without a number; for a numbered display, put each $$ on a line of its own", { place: node.position, source: SOURCE, ruleId: "one-line-display" });
    });
  };
}
