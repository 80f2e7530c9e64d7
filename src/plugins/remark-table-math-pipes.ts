// For the content check: in a GFM table a | ends the cell, also inside $…$
// and code. `| $|x|$ | 2 |` becomes the cells "$", "x" and "$": the formula is
// lost without a word. A row is read as written, and such spans reported.
import type { Root } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { placeOf, SOURCE } from "./messages.ts";
import { readAsMathByPandoc } from "./remark-dollar-signs.ts";

/**
 * $…$ spans and code spans of a table row's source that hold a |. As Pandoc
 * reads math, the opening $ is followed by a non-space, and the closing one
 * follows a non-space and is not followed by a digit, so prices in two cells
 * ("| $5 | $10 |", "|$5|$10|") are not a span. `\$` is a dollar sign.
 */
export function spansWithPipes(row: string): { start: number; text: string; kind: "math" | "code" }[] {
  const spans: { start: number; text: string; kind: "math" | "code" }[] = [];
  const code = /(`+)[^`]*?\1/g;
  for (const match of row.matchAll(code)) if (/(^|[^\\])\|/.test(match[0])) spans.push({ start: match.index, text: match[0], kind: "code" });
  const masked = row.replace(code, (span) => " ".repeat(span.length)); // code spans keep their $
  const dollars: number[] = [];
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] === "\\") i++;
    else if (masked[i] === "$") dollars.push(i);
  }
  for (let k = 0; k + 1 < dollars.length; k++) {
    const open = dollars[k]!;
    const close = dollars[k + 1]!;
    const inner = masked.slice(open + 1, close);
    if (!readAsMathByPandoc(inner, masked[close + 1] ?? "")) continue;
    if (/(^|[^\\])\|/.test(inner)) spans.push({ start: open, text: row.slice(open, close + 1), kind: "math" });
    k++; // a pair is used up
  }
  return spans.sort((a, b) => a.start - b.start);
}

export default function remarkTableMathPipes() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    visit(tree, ["tableRow", "paragraph"], (node) => {
      if (node.type !== "tableRow") return node.type === "paragraph" ? SKIP : undefined;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return SKIP;
      for (const span of spansWithPipes(text.slice(start, end))) {
        const place = placeOf(file, node, span.text) ?? node.position;
        const instead = span.kind === "math" ? "write \\vert or \\mid instead (\\lvert x \\rvert for |x|)" : "write \\| for a | in code";
        file.message(`${span.text} in a table: a | ends the cell, also inside ${span.kind}; ${instead}`, { place, source: SOURCE, ruleId: "content" });
      }
      return SKIP;
    });
  };
}
