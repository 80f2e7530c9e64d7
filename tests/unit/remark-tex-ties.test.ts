// LaTeX ties (`Fig.~3`, `Eq.~$\eqref{x}$`) become non-breaking spaces, and one `~` never starts strikethrough, in every parser of notes.
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/lib/paper-source.ts";
import remarkTexTies from "../../src/plugins/remark-tex-ties.ts";

const NBSP = "\u00a0";

/** The note as parseNote reads it (.md or .mdx; with a URL, the parser that looks for autolink literals), then the ties plugin. */
function tied(body: string, path = "note.mdx"): Root {
  const { tree } = parseNote({ path, slug: "note", frontmatter: {}, body, keyLines: new Map() });
  unified().use(remarkTexTies).runSync(tree, new VFile({ path, value: body }));
  return tree;
}

const struck = (tree: Root) => {
  const found: string[] = [];
  visit(tree, "delete", (node) => void found.push(toString(node)));
  return found;
};

describe("remark-tex-ties", () => {
  for (const [path, extra] of [["note.mdx", ""], ["note.md", ""], ["note.mdx", " See https://example.org."], ["note.md", " See https://example.org."]] as const) {
    it(`turns ties into non-breaking spaces and strikes nothing through (${path}${extra ? ", with a URL" : ""})`, () => {
      const tree = tied(`Fig.~3 and Table~2 show it, as Eq.~$\\eqref{eq:a}$ and Eq.~$\\eqref{eq:b}$ do; Smith et~al. agree.${extra}`, path);
      expect(struck(tree)).toEqual([]);
      expect(toString(tree)).toContain(`Fig.${NBSP}3 and Table${NBSP}2 show it, as Eq.${NBSP}`);
      expect(toString(tree)).toContain(`et${NBSP}al.`);
      const before: string[] = [];
      visit(tree, "inlineMath", (_node, index, parent) => void before.push((parent!.children[index! - 1] as { value: string }).value.slice(-4)));
      expect(before).toEqual([`Eq.${NBSP}`, `Eq.${NBSP}`]);
    });
  }

  it("keeps a ~ after a space or a digit, an escaped one, and one in a link's text; ~~ still strikes through", () => {
    const tree = tied("About ~3x faster, over 1~3 天, a literal a\\~b, at https://example.org/a~b, and ~~gone~~ text.");
    expect(toString(tree)).toBe("About ~3x faster, over 1~3 天, a literal a~b, at https://example.org/a~b, and gone text.");
    expect(struck(tree)).toEqual(["gone"]);
  });

  it("keeps only the escaped ~ of a text that also has ties, one before a formula too", () => {
    expect(toString(tied("See Fig.~3 (a\\~b below), and Eq.~$x$."))).toBe(`See Fig.${NBSP}3 (a~b below), and Eq.${NBSP}x.`);
    expect(toString(tied("Table~2 ends in a literal a\\~$x$."))).toBe(`Table${NBSP}2 ends in a literal a~x.`);
  });
});
