// For the content check: a display indented 4 spaces or more (as if to line it
// up with a list) is a code block to Markdown: its TeX shows as code, and its
// \label names no equation. Allowed, but the author hears where it is.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { SOURCE } from "./messages.ts";

/** An indented code block's first line: $$, alone or with the formula after it. */
const OPENS_DISPLAY = /^\$\$/;

export default function remarkIndentedDisplays() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    // Walked only in a note with a $$ after some indent (a walk of every note's tree costs the build).
    if (!/^[ \t>]+\$\$/m.test(text)) return;
    visit(tree, "code", (node) => {
      const start = node.position?.start.offset;
      // Indented, not fenced: no ``` or ~~~ where the block starts.
      if (start === undefined || /^[ \t]*(?:`{3}|~{3})/.test(text.slice(start, start + 40)) || !OPENS_DISPLAY.test(node.value)) return;
      file.info("this $$ is indented 4 spaces or more, so Markdown reads the display as a code block, not math: indent its lines less than 4 spaces (in a list, as far as the item's text)", { place: node.position?.start, source: SOURCE, ruleId: "indented-display" });
    });
  };
}
