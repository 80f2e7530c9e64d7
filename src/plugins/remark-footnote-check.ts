// For the content check: GFM shows a footnote reference with no definition as
// written ("GPUs.[^hardware]") and drops a definition nothing refers to, so a
// footnote renamed on one side only loses its text without a word. Both are
// reported, as is a footnote defined twice (the second is dropped).
import type { FootnoteDefinition, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { didYouMeanOrWhich } from "../lib/did-you-mean.ts";
import { placeOf, report, SOURCE } from "./messages.ts";

/** A footnote reference that GFM left as text, for want of a definition. */
const LITERAL_REFERENCE = /\[\^[^\]\s]+\]/g;

export default function remarkFootnoteCheck() {
  return (tree: Root, file: VFile) => {
    const referenced = new Set<string>();
    const defined = new Map<string, FootnoteDefinition>();
    visit(tree, (node) => {
      if (node.type === "footnoteReference") referenced.add(node.identifier);
      if (node.type !== "footnoteDefinition") return;
      const first = defined.get(node.identifier);
      if (first) report(file, node, `footnote [^${node.label ?? node.identifier}] is defined twice, and this definition is not shown; the first is on line ${first.position?.start.line}`);
      else defined.set(node.identifier, node);
    });
    const unused = [...defined.values()].filter((definition) => !referenced.has(definition.identifier));
    const source = String(file.value);
    visit(tree, "text", (node) => {
      const seen = new Map<string, number>();
      for (const [written] of node.value.matchAll(LITERAL_REFERENCE)) {
        const nth = seen.get(written) ?? 0;
        seen.set(written, nth + 1);
        const place = placeOf(file, node, written, nth);
        // \[^x] shows as written on purpose.
        if (place?.offset !== undefined && source[place.offset - 1] === "\\") continue;
        const others = didYouMeanOrWhich(written, unused.map((definition) => `[^${definition.label ?? definition.identifier}]`), "the footnotes no text refers to are");
        const reason = `footnote ${written} has no definition, so it shows as written: define it on a line of its own ("${written}: …"), or write \\${written} to show it as is${others}`;
        file.message(reason, { place: place ?? node.position, source: SOURCE, ruleId: "content" });
      }
    });
    for (const definition of unused) {
      const label = definition.label ?? definition.identifier;
      report(file, definition, `footnote [^${label}] is defined but no text refers to it, so it is not shown; refer to it with [^${label}], or remove it`);
    }
  };
}
