// Keeps punctuation on the line of the inline formula it touches: "$x_0$-",
// "$M_1$，", "($t$)". A browser may break a line between a formula and the
// text beside it, and a line then began with a lone "-" or "，". The formula
// and that punctuation are wrapped in a span that does not wrap, which also
// forbids the breaks KaTeX allows inside a formula (after = or +): so only a
// formula drawn in one piece (one .katex-base), or a short one, is wrapped. CSS
// cannot forbid only the break after a formula: Chromium takes that break's
// rule from inside the formula.
import type { ElementContent, Parent, Root, Text } from "hast";
import { SKIP, visit } from "unist-util-visit";
import type { MathNodeData } from "../lib/search-documents.ts";
import { hasClass } from "../lib/hast-class.ts";

/** Closing marks, dashes and other punctuation: what must not start a line after a formula. */
const CLOSING = /^[\p{Pe}\p{Pf}\p{Po}\p{Pd}]+/u;
/** Opening marks, which must not end a line before one. */
const OPENING = /[\p{Ps}\p{Pi}]+$/u;
const BASE_CLASS = /class="katex-base"/g;
/** KaTeX's MathML symbols (identifiers, numbers, operators, text), which a formula's width follows. */
const SYMBOL_TAG = /<m(?:i|n|o|text)\b/g;
const SYMBOL_TAGS = new Set(["mi", "mn", "mo", "mtext"]);
/** A formula in more pieces and of more symbols than this keeps its breaks: unbroken, it could leave a wide gap at a line's end. */
const SHORT_FORMULA = 12;

export default function rehypeMathPunctuation() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      if (node.tagName === "pre" || node.tagName === "code" || hasClass(node, "equation") || hasClass(node, "katex") || hasClass(node, "math-nowrap")) return SKIP;
      if (node.children.some(isInlineMath)) keepPunctuationWithFormulas(node);
    });
  };
}

function keepPunctuationWithFormulas(parent: Parent): void {
  const children: ElementContent[] = [];
  const source = parent.children as ElementContent[];
  for (let i = 0; i < source.length; i++) {
    const child = source[i]!;
    const before = children.at(-1);
    const after = source[i + 1];
    const math = isInlineMath(child);
    const opening = math && before?.type === "text" ? OPENING.exec(before.value)?.[0] : undefined;
    const closing = math && after?.type === "text" ? CLOSING.exec(after.value)?.[0] : undefined;
    // Only a formula with punctuation beside it is measured (keepsWhole reads its markup).
    if ((opening === undefined && closing === undefined) || !keepsWhole(child)) {
      children.push(child);
      continue;
    }
    const kept: ElementContent[] = [child];
    if (opening !== undefined) {
      (before as Text).value = (before as Text).value.slice(0, -opening.length);
      if ((before as Text).value === "") children.pop();
      kept.unshift({ type: "text", value: opening });
    }
    if (closing !== undefined) {
      kept.push({ type: "text", value: closing });
      const rest = (after as Text).value.slice(closing.length);
      if (rest === "") i++;
      else source[i + 1] = { ...(after as Text), value: rest };
    }
    children.push({ type: "element", tagName: "span", properties: { className: ["math-nowrap"] }, children: kept });
  }
  parent.children = children;
}

/** Inline math: the fast path's raw node, or rehype-katex's span.katex. */
function isInlineMath(node: ElementContent | Root["children"][number]): boolean {
  if (node.type === "raw") {
    const math = node.data as MathNodeData | undefined;
    return math !== undefined && !math.displayMode;
  }
  return node.type === "element" && hasClass(node, "katex");
}

/** Whether inline math may be kept on one line: it is in one piece, or short. */
function keepsWhole(node: ElementContent): boolean {
  if (node.type === "raw") return (node.value.match(BASE_CLASS)?.length ?? 0) === 1 || (node.value.match(SYMBOL_TAG)?.length ?? 0) <= SHORT_FORMULA;
  let pieces = 0;
  let symbols = 0;
  visit(node, "element", (element) => {
    if (hasClass(element, "katex-base")) pieces++;
    else if (SYMBOL_TAGS.has(element.tagName)) symbols++;
  });
  return pieces === 1 || symbols <= SHORT_FORMULA;
}
