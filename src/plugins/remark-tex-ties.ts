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
const TIE = /(?<=[\p{L}.])~(?=\S)/uy;
const TIE_AT_END = /[\p{L}.]~$/u;

function tieAt(text: string, at: number): boolean {
  TIE.lastIndex = at;
  return TIE.test(text);
}

export default function remarkTexTies() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    // Most notes have no tilde: no walk of their tree.
    if (!source.includes("~")) return;
    visit(tree, (node, index, parent) => {
      // A link's text (a URL, often) stays as written.
      if (node.type === "link") return SKIP;
      if (node.type !== "text" || !node.value.includes("~")) return;
      const escaped = escapedTildes(node, source);
      if (escaped) node.value = tiesToSpaces(node, escaped, parent, index);
    });
  };
}

/**
 * Which of the text's tildes were typed `\~`, which asks for the tilde itself;
 * in their order. None when its source cannot tell (no place, or a tilde
 * written as a character reference): the text then stays as typed.
 */
function escapedTildes(node: Text, source: string): boolean[] | undefined {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const written = source.slice(start.offset, end.offset);
  // An escaped backslash before a tilde (`\\~`) does not escape it.
  const escaped = [...written.matchAll(/\\[\\~]|~/g)].filter((match) => match[0] !== "\\\\").map((tilde) => tilde[0] === "\\~");
  return escaped.length === node.value.split("~").length - 1 ? escaped : undefined;
}

function tiesToSpaces(node: Text, escaped: boolean[], parent: Parent | undefined, index: number | undefined): string {
  let nth = -1;
  let value = node.value.replace(/~/g, (tilde, at: number) => {
    nth++;
    return !escaped[nth] && tieAt(node.value, at) ? "\u00a0" : tilde;
  });
  // `Eq.~$\eqref{x}$`: the tie ends this text, and the formula follows.
  const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
  if (next && !(next.type === "text" && /^\s/.test(next.value)) && !escaped.at(-1) && TIE_AT_END.test(value)) value = value.slice(0, -1) + "\u00a0";
  return value;
}
