// GFM footnotes in the note's language: remark-rehype titles them "Footnotes"
// and names each way back "Back to reference 1", whatever the page's language.
// Its title is shown: the note's contents list it.
import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { ui } from "../lib/ui-strings.ts";
import { pageLang } from "./messages.ts";

export default function rehypeFootnoteLanguage() {
  return (tree: Root, file: VFile) => {
    const strings = ui(pageLang(file));
    // remark-rehype appends the footnotes as the root's last section: no walk needed.
    const section = tree.children.findLast((node): node is Element => node.type === "element" && node.tagName === "section" && node.properties.dataFootnotes !== undefined);
    if (!section) return;
    for (const child of section.children) {
      if (child.type !== "element") continue;
      if (child.properties.id === "footnote-label") {
        child.children = [{ type: "text", value: strings.footnotes }];
        // remark-rehype marks it sr-only (hidden but read); here it is shown, as the contents list it.
        delete child.properties.className;
      }
      if (child.tagName === "ol") child.children.filter(isElement).forEach((item, n) => nameBackReferences(item, n + 1, strings.footnoteBack));
    }
  };
}

const isElement = (node: Root["children"][number] | Element["children"][number]): node is Element => node.type === "element";

/** Each way back from footnote `number`, in order: the second is to its second reference. */
function nameBackReferences(node: Element, number: number, label: (footnote: number, reference: number) => string, seen = { count: 0 }): void {
  for (const child of node.children.filter(isElement)) {
    if (child.properties.dataFootnoteBackref !== undefined) child.properties.ariaLabel = label(number, ++seen.count);
    else nameBackReferences(child, number, label, seen);
  }
}
