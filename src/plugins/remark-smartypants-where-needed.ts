// remark-smartypants, run only on the blocks it could change. It turns every
// text node into a natural-language tree, even in a block with no quote, dash or
// ellipsis; that was a third of the content pass. Each block starts fresh in
// remark-smartypants too, so leaving some out changes nothing in the others.
import type { Parent, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkSmartypants from "remark-smartypants";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";

/** What SmartyPants converts: straight quotes, backticks, `--` and `...`. */
const CONVERTIBLE = /["'`]|--|\.\s?\.\s?\./;
/** The blocks remark-smartypants treats as starting fresh. */
const BLOCKS = new Set(["paragraph", "heading", "tableCell"]);

/**
 * Dashes as in LaTeX, which most notes are converted from: `--` is an en dash
 * (pages 3--5), `---` an em dash. Astro's MDX pipeline gets the same options.
 */
export const smartypantsOptions: NonNullable<Parameters<typeof remarkSmartypants>[0]> = { dashes: "oldschool" };

const smartypants = unified().use(remarkSmartypants, smartypantsOptions);

/** A copy of a block as remark-smartypants will leave it (for heading ids, which come from that text). */
export function smartened<T extends Parent>(block: T): T {
  if (!CONVERTIBLE.test(toString(block))) return block;
  const copy = structuredClone(block);
  smartypants.runSync({ type: "root", children: [copy] } as Root);
  return copy;
}

export default function remarkSmartypantsWhereNeeded() {
  return (tree: Root) => {
    const blocks: Parent[] = [];
    visit(tree, (node) => {
      if (!BLOCKS.has(node.type)) return;
      if (CONVERTIBLE.test(toString(node))) blocks.push(node as Parent);
      return SKIP;
    });
    // The blocks stay where they are; this root only lists them.
    if (blocks.length > 0) smartypants.runSync({ type: "root", children: blocks } as Root);
  };
}
