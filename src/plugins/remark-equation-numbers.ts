// Numbers display equations in page order and gives each an anchor and tools.
// KaTeX then renders the number as real text (\tag), not as a CSS counter.
import type { Root } from "mdast";
import type { Point } from "unist";
import type { VFile } from "vfile";
import { texForRendering, type NumberedEquation } from "../lib/equations.ts";
import { mathElement } from "../lib/mdast-math.ts";
import { headingIds, numberDisplays } from "../lib/paper-index.ts";
import { tagText } from "../lib/tag-text.ts";
import { ui } from "../lib/ui-strings.ts";
import { pageLang, placeOf, report, SOURCE } from "./messages.ts";

/** Anchors of this page's numbered equations, for remark-equation-refs. */
export type PageEquations = Map<string, NumberedEquation>;
/** Every label on this page: of two that share an anchor, PageEquations keeps one. */
export type PageLabels = Set<string>;

export default function remarkEquationNumbers() {
  return (tree: Root, file: VFile) => {
    const strings = ui(pageLang(file));
    const headings = headingIds(tree);
    const byAnchor: PageEquations = new Map();
    /** The line of each anchor's first equation, and the place of its label if it has one, for the message about a second. */
    const firsts = new Map<string, { line?: number; place?: Point }>();
    const labels: PageLabels = new Set();
    /** Where each number shown is, and its \tag if it has one, for a number shown twice. */
    const shown = new Map<string, { line: number; tag?: Point }>();
    for (const { node, parsed, equations } of numberDisplays(tree)) {
      for (const problem of parsed.problems) report(file, node, problem.reason, problem.at);
      for (const [row, eq] of equations.entries()) {
        if (eq.number !== undefined) {
          // A row's own \tag, found only for a tagged row: the nth of its display with that tag.
          const written = parsed.rows[row]?.tagAsWritten;
          const tag = written === undefined ? undefined : placeOf(file, node, written, parsed.rows.slice(0, row).filter((before) => before.tagAsWritten === written).length);
          const here = { line: tag?.line ?? node.position?.start.line ?? 0, tag };
          const first = shown.get(eq.number);
          // Allowed, but seldom meant: the reader sees one number twice. Told at the \tag, as numbers that count never repeat.
          const at = first && (here.tag ?? first.tag);
          if (at) {
            const lines = [...new Set([first!.line, here.line])].sort((a, b) => a - b);
            file.info(`\\tag{${eq.number}}: (${eq.number}) is shown twice, ${lines.length > 1 ? `on lines ${lines.join(" and ")}` : `on line ${lines[0]}`}: give this equation another tag`, { place: at, source: SOURCE, ruleId: "repeated-number" });
          }
          if (!first) shown.set(eq.number, here);
        }
        if (!eq.anchor) continue;
        const labelText = eq.label !== undefined ? `{${eq.label}}` : undefined;
        // The label's own place: a row of an align may repeat the row before's.
        const nth = labelText === undefined ? 0 : equations.slice(0, equations.indexOf(eq)).filter((before) => before.label === eq.label).length;
        const brace = labelText !== undefined ? placeOf(file, node, labelText, nth) : undefined;
        // At the label's name, just inside its brace.
        const place = brace && { ...brace, column: brace.column + 1, offset: brace.offset! + 1 };
        const line = place?.line || node.position?.start.line;
        const other = byAnchor.get(eq.anchor);
        // \label{eq:3} and the third equation, unlabelled: told at the label, as the label must change.
        const [labelled, unlabelled] = other?.label === undefined ? [eq, other] : [other, eq];
        if (other && labelled.label !== undefined && unlabelled?.label === undefined && unlabelled?.number !== undefined) {
          report(file, node, `\\label{${labelled.label}} gives the anchor #${eq.anchor}, which equation (${tagText(unlabelled.number)}) has without a label; choose another label`, labelled === eq ? place : firsts.get(eq.anchor)?.place);
        } else if (other) {
          const first = firsts.get(eq.anchor)?.line;
          // Two labels that differ (eq:loss.total, eq:loss-total): both named, or it reads as one label used twice.
          const twoLabels = eq.label !== undefined && other.label !== undefined && other.label !== eq.label;
          if (twoLabels) report(file, node, `labels ${other.label}${first !== undefined ? ` (line ${first})` : ""} and ${eq.label} give one anchor, #${eq.anchor}, as an anchor keeps only letters, digits and -: rename one`, place);
          else report(file, node, `two equations on this page have the anchor #${eq.anchor}` + (eq.label ? ` (label ${eq.label})` : "") + (first !== undefined ? `; the first is on line ${first}` : ""), place);
        }
        else if (headings.has(eq.anchor)) report(file, node, `equation anchor #${eq.anchor} is also the id of a heading; rename ${eq.label !== undefined ? "the label or " : ""}the heading`, place);
        byAnchor.set(eq.anchor, eq);
        if (eq.label !== undefined) labels.add(eq.label);
        if (!firsts.has(eq.anchor)) firsts.set(eq.anchor, { line, place });
      }
      const rowAnchors = parsed.rowEnvironment !== undefined;
      const tex = texForRendering(parsed, equations);
      const linked = equations.filter((eq) => eq.number !== undefined && eq.anchor);
      // Names and titles are plain text: a \tag{$\star$} is named ⋆.
      const label = linked.map((eq) => tagText(eq.number!)).join(", ");
      const copyTexLabel = label ? strings.copyTex(label) : strings.copyTexUnnumbered;
      // As written: remark-math-macros has taken the formula's own definitions out of its value.
      const written = node.data?.originalTex ?? node.value;
      const macros = node.data?.macros;
      const copyMacros = node.data?.copyMacros;
      node.data = {
        originalTex: written,
        macros,
        copyMacros,
        hName: "div",
        hProperties: {
          className: ["equation"],
          id: rowAnchors ? undefined : equations[0]?.anchor,
          dataEquation: label || undefined,
        },
        hChildren: [
          // Its place, for a problem only KaTeX's render step finds (rehype-katex names the element's).
          { ...mathElement(tex, true, macros), position: node.position },
          {
            type: "element",
            tagName: "span",
            properties: { className: ["equation-tools"] },
            children: [
              ...linked.map((eq) => ({
                type: "element",
                tagName: "a",
                properties: { className: ["equation-link"], href: `#${eq.anchor}`, ariaLabel: strings.equationLink(tagText(eq.number!)), title: strings.equationLink(tagText(eq.number!)) },
                children: [{ type: "text", value: rowAnchors ? `¶ (${tagText(eq.number!)})` : "¶" }],
              })),
              {
                type: "element",
                tagName: "button",
                // The definitions it uses go before the TeX it copies (papernotes.js): without them it renders nowhere else.
                properties: { type: "button", className: ["equation-copy-tex"], dataTex: written.trim(), dataMacros: copyMacros, ariaLabel: copyTexLabel, title: copyTexLabel },
                children: [{ type: "text", value: strings.copyTexShort }],
              },
            ],
          },
        ],
      };
      node.value = tex;
    }
    file.data.pageEquations = byAnchor;
    file.data.pageLabels = labels;
  };
}
