// The site-wide table of papers and their equation anchors, read before any page
// is rendered, so that \eqref and links can cross papers.
import { readFileSync } from "node:fs";
import Slugger from "github-slugger";
import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { needsMdxCompiler, proseOf } from "./body-text.ts";
import { smartened } from "../plugins/remark-smartypants-where-needed.ts";
import { copiedMacros } from "../plugins/remark-math-macros.ts";
import { SKIP, visit } from "unist-util-visit";
import { equationName, spellingsIn } from "./equation-names.ts";
import { isoDate } from "./format.ts";
import { findEquationRefs, numberRows, refNumber, replaceEquationRefs, parseDisplayTex, rowTexAsWritten, rowTexForRendering, texForRendering, type NumberedEquation, type ParsedDisplay } from "./equations.ts";
import type { MathNode } from "./mdast-math.ts";
import { headingFormulaText, sluggableHeadingText } from "./tag-text.ts";
import { isMarkdownNote, listPaperFiles } from "./paper-files.ts";
import { ISO_DAY } from "./paper-schema.ts";
import { shortTitle } from "./format.ts";
import { parseNote, readPaperSource, type PaperSource } from "./paper-source.ts";

export interface IndexedEquation extends NumberedEquation {
  anchor: string;
  /** A labelled equation's name, from its label's words as the note spells them (equation-names.ts). */
  name?: string;
  /** The author's TeX, as written: the whole display, for a row of several too. */
  tex: string;
  /** A row of a display of several (align): that row alone, as written (rowTexAsWritten), which the formula list copies. */
  rowTex?: string;
  /** TeX for a preview elsewhere (hover, formula list): numbered, without ids or links; of a row of several, that row alone. */
  previewTex: string;
  /** The note's definitions that the TeX uses, a line each, which its TeX button copies before it (remark-math-macros). */
  copyMacros?: string;
}

/** The TeX the formula list gives for an equation (its TeX button, a copied selection): a row of an align is its own formula. */
export function listedTex(eq: Pick<IndexedEquation, "tex" | "rowTex">): string {
  return (eq.rowTex ?? eq.tex).trim();
}

export interface IndexedPaper {
  slug: string;
  path: string;
  title: string;
  /** What references and search call the paper: its `short:`, or its title before a colon (format.ts). */
  shortTitle: string;
  lang: string;
  draft: boolean;
  /** The note needs Astro's MDX compiler (see needsMdxCompiler); drafts are told too. */
  mdx: boolean;
  equations: IndexedEquation[];
  headingIds: Set<string>;
  /** A heading with a formula: the id its TeX would slug to, to the id it has (headingIdsByTex). */
  headingIdsByTex: Map<string, string>;
  /** As the frontmatter lists them (a link to /tags/<tag>/ is checked against the published papers'). */
  tags: string[];
  /** For search, beside the note: authors, venue, arXiv id, summary and tags, in one line. */
  about: string;
  /** As written, if it is a string (the content check tells of any other). */
  arxiv?: string;
  /** The frontmatter's date as 2024-03-15, if it is one. */
  day?: string;
}

export type PaperIndex = Map<string, IndexedPaper>;

/** The tags of the published papers: each has its page at /tags/<tag>/. */
export function publishedTags(index: PaperIndex): Set<string> {
  return new Set([...index.values()].filter((paper) => !paper.draft).flatMap((paper) => paper.tags));
}

/** The equations that the formula list shows: labelled and numbered. */
export function listedEquations(paper: IndexedPaper): IndexedEquation[] {
  return paper.equations.filter((eq) => eq.label && eq.number);
}

/** Where a paper's page sits inside the site, like "papers/x/" (links add the base path). */
export function paperPagePath(slug: string): string {
  return `papers/${slug}/`;
}

export interface NumberedDisplay {
  node: MathNode;
  parsed: ParsedDisplay;
  equations: NumberedEquation[];
}

/** Numbers every display equation of a page, in page order. */
export function numberDisplays(tree: Root): NumberedDisplay[] {
  const displays: NumberedDisplay[] = [];
  let counter = 0;
  // Display math is a block, never inside a paragraph, whose phrasing is most of a tree.
  visit(tree, ["math", "paragraph"], (node) => {
    if (node.type !== "math") return SKIP;
    const parsed = parseDisplayTex(node.value);
    const numbered = numberRows(parsed.rows, counter);
    counter = numbered.counter;
    displays.push({ node: node as MathNode, parsed, equations: numbered.equations });
  });
  const equations = displays.flatMap((display) => display.equations);
  resolveRefsInTags(equations);
  distinguishRepeatedTags(equations);
  return displays;
}

/**
 * A \tag shown twice is allowed, as in LaTeX (the check tells of it), but two
 * anchors must differ: the second unlabelled \tag{A} is #eq-tag-A-2.
 */
function distinguishRepeatedTags(equations: NumberedEquation[]): void {
  const seen = new Map<string, number>();
  for (const eq of equations) {
    if (eq.label !== undefined || !eq.anchor?.startsWith("eq-tag-")) continue;
    const times = (seen.get(eq.anchor) ?? 0) + 1;
    seen.set(eq.anchor, times);
    if (times > 1) eq.anchor += `-${times}`;
  }
}

/**
 * \tag{\ref{eq:loss}$'$}, LaTeX's way to number a variant "(3′)": the number
 * it refers to (of this page) goes into the tag's text, which links and lists show.
 */
function resolveRefsInTags(equations: NumberedEquation[]): void {
  const tagged = equations.filter((eq) => eq.number !== undefined && /\\(?:eq)?ref(?![A-Za-z])/.test(eq.number));
  if (tagged.length === 0) return;
  const numberOf = new Map(equations.flatMap((eq) => (eq.label !== undefined && eq.number !== undefined ? [[eq.label, eq.number] as const] : [])));
  for (const eq of tagged) {
    eq.number = replaceEquationRefs(eq.number!, (ref) => {
      const number = ref.slug === undefined ? numberOf.get(ref.label) : undefined;
      return number !== undefined && !number.includes("\\") ? refNumber(ref.kind, number) : undefined;
    });
  }
}

/** Ids every paper page has besides its headings and equations: the main text, the status read to screen readers, the search box and its list, GFM's footnotes. */
export const LAYOUT_IDS = /^(?:main|page-status|site-search-input|site-search-results|site-search-options|footnote-label|user-content-fn(?:ref)?-.+)$/;

/** Each heading with its id, as rehype-heading-ids will make it. */
export function headingSlugs(tree: Root): { heading: Heading; id: string }[] {
  const slugger = new Slugger();
  const slugs: { heading: Heading; id: string }[] = [];
  let numbers: Map<string, number> | undefined;
  // Headings hold no headings, and no paragraph holds one.
  visit(tree, ["heading", "paragraph"], (node) => {
    // rehype-heading-ids reads the page's text: after SmartyPants ("--" becomes a dash, which slugs drop), without images' alt text.
    if (node.type === "heading") slugs.push({ heading: node, id: slugger.slug(sluggableHeadingText(headingText(smartened(node), () => (numbers ??= footnoteNumbers(tree))))) });
    return SKIP;
  });
  return slugs;
}

/**
 * A heading's text on the page: a footnote reference in it is its number ("Results[^b]" reads "Results2"),
 * a formula the text KaTeX shows ("α", as rehype-heading-ids reads it).
 */
function headingText(heading: Heading, numbers: () => Map<string, number>): string {
  const text = (node: Heading) => toString(node, { includeImageAlt: false });
  let shownOtherwise = false;
  visit(heading, ["footnoteReference", "inlineMath"], () => void (shownOtherwise = true));
  if (!shownOtherwise) return text(heading);
  const copy = structuredClone(heading);
  visit(copy, ["footnoteReference", "inlineMath"], (node, index, parent) => {
    const value = node.type === "footnoteReference" ? String(numbers().get(node.identifier.toUpperCase()) ?? "") : headingFormulaText((node as MathNode).value, (node as MathNode).data?.macros);
    parent!.children[index!] = { type: "text", value };
  });
  return text(copy);
}

/** Footnotes by identifier, numbered as mdast-util-to-hast numbers them: by first reference in the text. */
function footnoteNumbers(tree: Root): Map<string, number> {
  const numbers = new Map<string, number>();
  visit(tree, (node) => {
    if (node.type === "footnoteDefinition") return SKIP; // shown after the text
    if (node.type === "footnoteReference" && !numbers.has(node.identifier.toUpperCase())) numbers.set(node.identifier.toUpperCase(), numbers.size + 1);
  });
  return numbers;
}

export function headingIds(tree: Root, slugs = headingSlugs(tree)): Set<string> {
  return new Set(slugs.map((slug) => slug.id));
}

/**
 * Each heading with a formula: the id its TeX as written slugs to
 * (#why-mathcall_textdpo-works, as GitHub makes it, and this site did), to the
 * id it has (#why-ldpo-works), so that the check can tell a link written so.
 */
export function headingIdsByTex(tree: Root, slugs = headingSlugs(tree)): Map<string, string> {
  const ids = new Map<string, string>();
  const holdsFormula = (heading: Heading) => {
    let found = false;
    visit(heading, "inlineMath", () => void (found = true));
    return found;
  };
  // Most notes have no formula in a heading: nothing to slug again.
  const withFormula = new Set(slugs.filter(({ heading }) => holdsFormula(heading)));
  if (withFormula.size === 0) return ids;
  // Every heading is slugged, as a repeated one's id counts those before it.
  const slugger = new Slugger();
  for (const slug of slugs) {
    const texId = slugger.slug(toString(smartened(slug.heading), { includeImageAlt: false }));
    if (withFormula.has(slug) && texId !== slug.id) ids.set(texId, slug.id);
  }
  return ids;
}

/** Replaces \eqref / \ref with plain text, for previews shown away from their page. */
function withoutRefs(tex: string): string {
  return replaceEquationRefs(tex, () => String.raw`\text{(…)}`);
}

export function indexPaper(source: PaperSource, tree: Root): IndexedPaper {
  const short = typeof source.frontmatter.short === "string" ? source.frontmatter.short : undefined;
  const equations: IndexedEquation[] = [];
  for (const { node, parsed, equations: numbered } of numberDisplays(tree)) {
    const macros = node.data?.macros ?? "";
    const tex = node.data?.originalTex ?? node.value;
    const copied = (copyMacros: string | undefined) => (copyMacros ? { copyMacros } : {});
    // Each row of an align is an equation of its own: its preview is that row, not the rows around it; its copy, that row and the definitions it uses.
    const env = parsed.rowEnvironment;
    if (env) {
      numbered.forEach((eq, row) => {
        if (!eq.anchor) return;
        const previewTex = macros + withoutRefs(rowTexForRendering(parsed, row, { number: eq.number, bare: eq.bare }));
        equations.push({ ...eq, anchor: eq.anchor, tex, rowTex: rowTexAsWritten(parsed, row, tex), previewTex, ...copied(copiedMacros(node, ...env.rowPlaces[row]!)) });
      });
      continue;
    }
    const eq = numbered[0];
    if (eq?.anchor) equations.push({ ...eq, anchor: eq.anchor, tex, previewTex: macros + withoutRefs(texForRendering(parsed, [{ number: eq.number, bare: eq.bare }])), ...copied(node.data?.copyMacros) });
  }
  const labelled = equations.filter((eq) => eq.label);
  if (labelled.length > 0) {
    // The paper's short name as its author gave it ("DPO") too, which the prose may say only in math.
    const spellings = spellingsIn(`${proseOf(source.body)}\n\n${short ?? ""}`, labelled.flatMap((eq) => equationName(eq.label!).split(" ")));
    for (const eq of labelled) eq.name = equationName(eq.label!, spellings);
  }
  const title = String(source.frontmatter.title ?? source.slug);
  const headings = headingSlugs(tree);
  return {
    slug: source.slug,
    path: source.path,
    title,
    shortTitle: shortTitle(title, short),
    lang: String(source.frontmatter.lang ?? "en"),
    draft: source.frontmatter.draft === true,
    // A .md note is Markdown, HTML and all: the fast path renders it.
    mdx: !isMarkdownNote(source.path) && needsMdxCompiler(source.body),
    equations,
    headingIds: headingIds(tree, headings),
    headingIdsByTex: headingIdsByTex(tree, headings),
    tags: Array.isArray(source.frontmatter.tags) ? source.frontmatter.tags.map(String) : [],
    about: aboutLine(source.frontmatter),
    arxiv: typeof source.frontmatter.arxiv === "string" ? source.frontmatter.arxiv : undefined,
    day: isoDay(source.frontmatter.date),
  };
}

/** YAML reads 2024-03-15 as a Date, "2024-03-15" as a string. */
function isoDay(date: unknown): string | undefined {
  if (date instanceof Date) return Number.isNaN(date.getTime()) ? undefined : isoDate(date);
  return typeof date === "string" && ISO_DAY.test(date) ? date : undefined;
}

/** A reader searches for a paper by its authors, arXiv id, a word of its summary or a tag (one the note's text may never say), too. */
function aboutLine(frontmatter: Record<string, unknown>): string {
  const authors = Array.isArray(frontmatter.authors) ? frontmatter.authors.map(String).join(", ") : "";
  const arxiv = frontmatter.arxiv ? `arXiv ${String(frontmatter.arxiv)}` : "";
  const tags = Array.isArray(frontmatter.tags) ? frontmatter.tags.map((tag) => `#${String(tag)}`).join(" ") : "";
  return [authors, frontmatter.venue, arxiv, frontmatter.summary, tags].filter(Boolean).map(String).join(" · ").replace(/\s+/g, " ");
}

/** Indexes every paper that parses; the content check reports the ones that do not. */
export function loadPaperIndex(papersDir: string): PaperIndex {
  const index: PaperIndex = new Map();
  for (const path of listPaperFiles(papersDir)) {
    try {
      const source = readPaperSource(path, readFileSync(path, "utf8"));
      const { tree } = parseNote(source);
      index.set(source.slug, indexPaper(source, tree));
    } catch {
      // Unreadable files are reported, with their place, by the content check.
    }
  }
  return index;
}
