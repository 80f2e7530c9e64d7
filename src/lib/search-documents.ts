// What search finds, the records given to Pagefind: one per section of a paper,
// deep-linked to its heading, and one per labelled equation, deep-linked to its
// anchor. KaTeX's glyph markup is left out. Plain-Markdown notes are read from
// the content pass's tree (so indexing can start before Astro runs); MDX notes
// from their built pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Parent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";
import { authorTex } from "../plugins/rehype-katex-source.ts";
import { findElement, hasClass } from "./hast-class.ts";
import { tagText } from "./tag-text.ts";
import { listedTex, paperPagePath, type IndexedPaper, type PaperIndex } from "./paper-index.ts";
import { htmlLang } from "./ui-strings.ts";

export interface SearchDocument {
  id: string;
  /** Folder of the page inside the site, e.g. "papers/wuerstchen/". */
  page: string;
  /** Anchor inside the page, or "". */
  hash: string;
  title: string;
  /** The paper's short name (IndexedPaper.shortTitle). */
  short: string;
  heading: string;
  text: string;
  kind: "section" | "equation";
  lang: string;
}

/** Subtrees whose text is not prose: rendered math, code block labels, buttons, hidden previews, navigation. */
const SKIPPED_CLASSES = /\b(katex|equation-tools|equation-previews|code-block-bar|toc|paper-meta|paper-links|tag-list)\b/;
const SKIPPED_TAGS = new Set(["script", "style", "nav", "button", "template"]);

/** What the fast path's math plugin keeps on each raw KaTeX node (see rehype-katex-cached). */
export interface MathNodeData {
  tex: string;
  displayMode: boolean;
  /** The TeX as written, where KaTeX was given other TeX: with macro definitions before it, or references made links (rehype-katex-source). */
  written?: string;
}

/** A formula in a section's text as its author wrote it, between dollar signs: an excerpt shows where it starts and ends. */
const inlineMath = (tex: string) => `$${tex.trim()}$`;
const displayMath = (tex: string) => `$$${tex.trim()}$$`;

/**
 * A note body's sections: the paper's about line (authors and the like) and
 * the text before the first h2/h3, then one per h2/h3
 * with an id. Inline formulas are read as their TeX source, $…$ (from the fast
 * path's raw nodes, or KaTeX's annotation in MDX pages), and so are display
 * equations, $$…$$, but those in `recorded` (TeX as written), which have records of their own.
 */
function sectionsOf(body: Parent, page: string, paper: IndexedPaper, lang: string, recorded: Set<string>): SearchDocument[] {
  const { title, shortTitle: short, about } = paper;
  const section = (hash: string, heading: string): SearchDocument => ({ id: `${page}#${hash}`, page, hash, title, short, heading, text: "", kind: "section", lang });
  const sections = [section("", "")];
  const collect = (node: RootContent, add: (text: string) => void): void => {
    if (node.type === "text") return add(node.value);
    if (node.type === "raw") {
      const math = node.data as MathNodeData | undefined;
      if (math && !math.displayMode) add(` ${inlineMath(math.written ?? math.tex)} `);
      return;
    }
    if (node.type !== "element") return;
    const classes = Array.isArray(node.properties.className) ? node.properties.className.join(" ") : "";
    if (classes === "equation") {
      // A display equation with a record of its own is found there; any other, in its section.
      const tex = authorTex(node);
      if (tex !== undefined && !recorded.has(tex)) add(` ${displayMath(tex)} `);
      return;
    }
    if (classes === "katex") {
      const annotation = findElement(node, (e) => e.tagName === "annotation");
      if (annotation) add(` ${inlineMath(toText(annotation))} `);
      return;
    }
    if (SKIPPED_TAGS.has(node.tagName) || SKIPPED_CLASSES.test(classes) || node.properties.hidden) return;
    // A footnote's number and its way back ("faster1", "GPU. ↩") are not words of the note.
    if (node.tagName === "a" && (node.properties.dataFootnoteRef !== undefined || node.properties.dataFootnoteBackref !== undefined)) return;
    if ((node.tagName === "h2" || node.tagName === "h3") && typeof node.properties.id === "string") {
      let heading = "";
      for (const child of node.children) collect(child, (text) => void (heading += text));
      sections.push(section(node.properties.id, heading.replace(/\s+/g, " ").trim()));
      return;
    }
    for (const child of node.children) collect(child, add);
  };
  for (const child of body.children) collect(child, (text) => void (sections.at(-1)!.text += text));
  for (const s of sections) s.text = s.text.replace(/\s+/g, " ").trim();
  if (about) sections[0]!.text = [about, sections[0]!.text].filter(Boolean).join(" · ");
  return sections.filter((s) => s.text || s.heading);
}

const LABEL = /\\label\{[^}]*\}/g;
/** The word the result list puts before an equation's name (search.js), in either language: "equation 4" finds equation (4). */
const EQUATION_WORDS = "equation 公式";

/** A paper's records, from its note body: its sections, then its labelled equations. */
export function paperDocuments(paper: IndexedPaper, body: Parent): SearchDocument[] {
  const page = paperPagePath(paper.slug);
  const lang = htmlLang(paper.lang);
  const recordedEquations = paper.equations.filter((eq) => eq.label && eq.number !== undefined);
  const documents = sectionsOf(body, page, paper, lang, new Set(recordedEquations.map((eq) => eq.tex.trim())));
  for (const eq of recordedEquations) {
    const name = eq.name!;
    // Its TeX too, so that "softmax" finds the formula (a row of an align, its own row's); the label is there already.
    const tex = listedTex(eq).replace(LABEL, " ").replace(/\s+/g, " ").trim();
    documents.push({ id: `${page}#${eq.anchor}`, page, hash: eq.anchor, title: paper.title, short: paper.shortTitle, heading: `(${tagText(eq.number!)}) ${name}`, text: `${EQUATION_WORDS} ${name} ${eq.label} ${tex}`, kind: "equation", lang });
  }
  return documents;
}

/** The records of the given papers, read from the note body (.prose) of their built pages. */
export function builtPaperDocuments(siteDir: string, index: PaperIndex, slugs: Iterable<string>): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const slug of slugs) {
    const page = fromHtml(readFileSync(join(siteDir, paperPagePath(slug), "index.html"), "utf8"));
    const prose = findElement(page, (e) => hasClass(e, "prose"));
    if (prose) documents.push(...paperDocuments(index.get(slug)!, prose));
  }
  return documents;
}
