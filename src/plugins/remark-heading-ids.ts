// For the content check: a heading whose id the page already uses for itself
// ("Main", "Footnote label") would make two elements with one id; its link and
// the table of contents would lead to the other one.
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { VFile } from "vfile";
import { headingSlugs, LAYOUT_IDS } from "../lib/paper-index.ts";
import { report } from "./messages.ts";

export default function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    for (const { heading, id } of headingSlugs(tree)) {
      if (LAYOUT_IDS.test(id)) report(file, heading, `heading "${toString(heading)}" would get the id #${id}, which the page itself uses; reword the heading`);
    }
  };
}
