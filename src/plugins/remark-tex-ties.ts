// LaTeX's tie: `Eq.~(1)`, `Fig.~3`, `Eq.~$\eqref{eq:x}$` are written by anyone
// who converts a paper, and mean a non-breaking space. Markdown has no tie, and
// GFM would take two single tildes in a paragraph as strikethrough ("Fig.~3
// and Table~2" struck "3 and Table" through), so the parsers read only `~~`
// as strikethrough (gfmOptions) and this plugin turns each tie into U+00A0.
import type { Parent, Root, Text } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** remark-gfm's options for every parser of notes: one `~` is a tie, not strikethrough. */
export const gfmOptions = { singleTilde: false } as const;

/**
 * A tie: a `~` right after a letter or a full stop, before anything but a
 * space. A `~` after a space or a digit stays as typed: "~3x faster", and ranges
 * as Chinese text writes them ("1~3 天").
 */
const TIE = /(?<=[\p{L}.])~(?=\S)/gu;
const TIE_AT_END = /[\p{L}.]~$/u;

export default function remarkTexTies() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    // Most notes have no tilde: no walk of their tree.
    if (!source.includes("~")) return;
    visit(tree, (node, index, parent) => {
      // A link's text (a URL, often) stays as written.
      if (node.type === "link") return SKIP;
      if (node.type !== "text" || !node.value.includes("~")) return;
      // `\~` asks for the tilde itself.
      const { start, end } = node.position ?? {};
      if (start && end && source.slice(start.offset, end.offset).includes("\\~")) return;
      node.value = tiesToSpaces(node, parent, index);
    });
  };
}

function tiesToSpaces(node: Text, parent: Parent | undefined, index: number | undefined): string {
  let value = node.value.replace(TIE, "\u00a0");
  // `Eq.~$\eqref{x}$`: the tie ends this text, and the formula follows.
  const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
  if (next && !(next.type === "text" && /^\s/.test(next.value)) && TIE_AT_END.test(value)) value = value.slice(0, -1) + "\u00a0";
  return value;
}
