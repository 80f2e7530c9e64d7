// Turns $\eqref{eq:x}$ / $\ref{eq:x}$ into links to equations, on this page or
// on another paper's page ($\eqref{slug/eq:x}$), and embeds build-time previews
// of the equations of other pages.
import type { Link, Paragraph, Root } from "mdast";
import type { Node, Parent } from "unist";
import { visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";
import { didYouMean, didYouMeanOrWhich, namesThere } from "../lib/did-you-mean.ts";
import { displayPath } from "../lib/content-check-results.ts";
import { anchorForLabel, findEquationRefs, numberedAsWritten, refNumber, replaceEquationRefs, texText, type EquationRef } from "../lib/equations.ts";
import { mathNodeData, setMathTex, type MathNode } from "../lib/mdast-math.ts";
import { paperPagePath, type IndexedEquation, type IndexedPaper } from "../lib/paper-index.ts";
import { slugFromPath } from "../lib/paper-files.ts";
import { tagHasTex, tagText } from "../lib/tag-text.ts";
import { titleLang } from "../lib/ui-strings.ts";
import { noPaperNamed, pageLang, report } from "./messages.ts";
import { katexProblem } from "./remark-katex-check.ts";
import type { PageEquations, PageLabels } from "./remark-equation-numbers.ts";

declare module "vfile" {
  interface DataMap {
    /** Inline formulas whose references became links, or whose definitions were taken out (remark-math-macros): the TeX KaTeX renders, and the TeX as written. */
    inlineTexAsWritten: globalThis.Map<string, string>; // (vfile has a Map type of its own)
  }
}

export interface SiteLinkOptions {
  /**
   * Called once per page: a lookup of the site's papers by slug (each one's
   * entry in the site-wide index). Plugins see other papers only through it:
   * the build cache records which papers each note read, and renders the note
   * again only when one of them changed.
   */
  papers: () => (slug: string) => IndexedPaper | undefined;
  /**
   * Whether a paper missing from the index has a file that could not be read:
   * its own problems are reported there, and a link to it is not one more.
   */
  unreadable?: (slug: string) => boolean;
  /** The slugs of all papers, for a "did you mean" when a note names one that is not there. */
  slugs?: () => Iterable<string>;
  /** The published papers' tags, for links to /tags/<tag>/ (a note that asks reads every paper). */
  tags?: () => ReadonlySet<string>;
  /** Base path of the site, with leading and trailing slash. */
  base: string;
}

/** The labels among these equations. */
const labelsOf = (equations: Iterable<{ label?: string }>): string[] => [...equations].flatMap((eq) => (eq.label === undefined ? [] : [eq.label]));

/** For a reference written by number (\eqref{eq:4}, \eqref{dpo/4}): which label equation (4) has, if any. */
function labelForNumber(ref: EquationRef, equations: Iterable<{ number?: string; label?: string }>): string | undefined {
  const found = numberedAsWritten(ref.label, equations);
  if (!found?.equation) return undefined;
  const { number, equation } = found;
  if (equation.label === undefined) return `; equation (${number}) has no \\label to name it by: give it one, as \\label{eq:…}`;
  return `; did you mean \\${ref.kind}{${ref.slug ? `${ref.slug}/` : ""}${equation.label}}? (a reference names an equation by its label: equation (${number}) is \\label{${equation.label}})`;
}

interface ResolvedRef {
  href: string;
  /** Another paper's short title, before the number. */
  title?: string;
  /** "(3)" for \eqref, "3" for \ref; a \tag's TeX as written ("($\star$)"). */
  number: string;
  /** Key of a build-time preview, for references to other pages. */
  preview?: { key: string; paper: IndexedPaper; equation: IndexedEquation };
}

/**
 * For a reference to this page that names no equation of it: the other paper's
 * equation it likely meant, as a reference to it is written. Either the paper is
 * named another way (wuerstchen#eq:x, wuerstchen:eq:x, /papers/wuerstchen/#eq-x),
 * or the label is another paper's, its slug left out. Papers are read only here,
 * for a reference that fails.
 */
function anotherPapersEquation(ref: EquationRef, here: string, options: SiteLinkOptions, paperOf: (slug: string) => IndexedPaper | undefined): string {
  const published = (slug: string) => {
    const paper = slug === here ? undefined : paperOf(slug);
    return paper?.draft === false ? paper : undefined;
  };
  const written = /^(?:\/?papers\/)?([a-z0-9-]+)\/?[#:](.+)$/.exec(ref.label);
  const named = written && published(written[1]!)?.equations.find((eq) => eq.label !== undefined && (eq.label === written[2] || eq.anchor === written[2]));
  if (named) return `; another paper's equation is written with a / after its slug: \\${ref.kind}{${written[1]}/${named.label}}`;
  const having = [...(options.slugs?.() ?? [])].filter((slug) => published(slug)?.equations.some((eq) => eq.label === ref.label)).sort();
  if (having.length === 1) return `; paper "${having[0]}" has it: write \\${ref.kind}{${having[0]}/${ref.label}}`;
  if (having.length > 1) return `${namesThere(having.map((slug) => `"${slug}"`), "papers that have it:")}; put one's slug before it, as \\${ref.kind}{${having[0]}/${ref.label}}`;
  return "";
}

export default function remarkEquationRefs(options: SiteLinkOptions) {
  return (tree: Root, file: VFile) => {
    const slug = slugFromPath(file.path);
    const paperOf = options.papers();
    const here = (file.data.pageEquations as PageEquations | undefined) ?? new Map();
    const labelsHere = (file.data.pageLabels as PageLabels | undefined) ?? new Set();
    const previews = new Map<string, NonNullable<ResolvedRef["preview"]>>();

    const resolve = (ref: EquationRef, node: MathNode): ResolvedRef | undefined => {
      const command = refAsWritten(ref);
      // Where in the formula the reference is: a display may run over many lines.
      const at = command.slice(command.indexOf("{"));
      if (!ref.slug || ref.slug === slug) {
        if (ref.label === "") return void report(file, node, `${command} names no equation: write its label between the braces, as \\${ref.kind}{eq:name}`, at);
        const eq = here.get(anchorForLabel(ref.label));
        // Its anchor is another label's too: remark-equation-numbers reports that, and it is the one problem.
        if (eq?.label !== ref.label && labelsHere.has(ref.label)) return;
        // \eqref{ddpm}: a paper's slug, without the label of one of its equations.
        const named = eq?.label !== ref.label && !ref.slug && ref.label !== slug ? paperOf(ref.label) : undefined;
        if (named) return void report(file, node, `${command}: "${ref.label}" names a paper, not an equation; write \\${ref.kind}{${ref.label}/eq:…}${namesThere(labelsOf(named.equations), "its labels are")}`, at);
        if (!eq || eq.label !== ref.label) {
          const meant = labelForNumber(ref, here.values()) ?? (didYouMean(ref.label, labelsHere) || anotherPapersEquation(ref, slug, options, paperOf) || namesThere([...labelsHere], "its labels are"));
          return void report(file, node, `${command}: no equation on this page has \\label{${ref.label}}${meant}`, at);
        }
        if (eq.number === undefined) return void report(file, node, `${command}: equation \\label{${ref.label}} is unnumbered (\\notag), so it has no number to show`, at);
        return { href: `#${eq.anchor}`, number: refNumber(ref.kind, eq.number) };
      }
      const paper = paperOf(ref.slug);
      if (!paper && options.unreadable?.(ref.slug)) return;
      if (!paper) return void report(file, node, `${command}: ${noPaperNamed(ref.slug, file, options.slugs?.() ?? [])}`, at);
      if (paper.draft) return void report(file, node, `${command}: paper "${ref.slug}" (${displayPath(paper.path)}) is a draft, which is not published`, at);
      const eq = paper.equations.find((e) => e.label === ref.label);
      if (!eq) return void report(file, node, `${command}: paper "${ref.slug}" has no equation with \\label{${ref.label}}${labelForNumber(ref, paper.equations) ?? didYouMeanOrWhich(ref.label, labelsOf(paper.equations), "its labels are")}`, at);
      if (eq.number === undefined) return void report(file, node, `${command}: equation \\label{${ref.label}} of "${ref.slug}" is unnumbered`, at);
      const key = `${paper.slug}#${eq.anchor}`;
      const number = refNumber(ref.kind, eq.number);
      // TeX that KaTeX rejects is reported in its own note, once: here it gets no preview (no red text).
      const preview = katexProblem(eq.previewTex, true) === null ? { key, paper, equation: eq } : undefined;
      return { href: `${options.base}${paperPagePath(paper.slug)}#${eq.anchor}`, title: paper.shortTitle, number, preview };
    };

    visitParents(tree, ["inlineMath", "math"], (node: Node, ancestors: Parent[]) => {
      const math = node as MathNode;
      const refs = findEquationRefs(math.value);
      if (refs.length === 0) return;
      // A reference is a link: in a link's text it would make a link inside a link, which browsers split apart.
      if (ancestors.some((ancestor) => ancestor.type === "link" || ancestor.type === "linkReference")) {
        const ref = refs[0]!;
        report(file, math, `${refAsWritten(ref)} is a link, and it is in the text of a link [..](..): a link cannot hold another; put the \\${ref.kind} after the link`);
      }
      const parent = ancestors.at(-1);
      const position = parent?.children.indexOf(math as never);
      const resolved = refs.map((ref) => resolve(ref, math));
      for (const r of resolved) if (r?.preview) previews.set(r.preview.key, r.preview);
      const only = refs[0]!;
      // $\eqref{x}$ alone becomes an ordinary link: selectable text, no KaTeX needed.
      if (math.type === "inlineMath" && refs.length === 1 && math.value.trim() === math.value.substr(only.start, only.length).trim() && parent && position !== undefined) {
        const target = resolved[0];
        if (!target) return void setMathTex(math, String.raw`\text{(?)}`);
        const link: Link = {
          type: "link",
          url: target.href,
          children: linkContent(target),
          // data-tex: a selection copied with the link in it gives the reference as written (papernotes.js), not its number.
          data: { hProperties: { className: ["eqref"], dataPreview: target.preview?.key, dataTex: math.value.slice(only.start, only.start + only.length) } },
          position: math.position,
        };
        parent.children.splice(position, 1, link as never);
        return;
      }
      // Inside a larger formula the reference becomes a KaTeX link.
      const tex = replaceEquationRefs(math.value, (_, i) => {
        const target = resolved[i];
        // The title is plain text; the number is digits or the author's \tag TeX.
        const shown = target && (target.title === undefined ? target.number : `${texText(target.title)} ${target.number}`);
        return target ? String.raw`\href{${target.href}}{\text{${shown}}}` : String.raw`\text{(?)}`;
      });
      const written = math.data?.originalTex ?? math.value;
      setMathTex(math, tex);
      // KaTeX's annotation, which a copied selection gives, shows the formula as written, not its \href (rehype-katex-source).
      if (math.type === "inlineMath") (file.data.inlineTexAsWritten ??= new Map()).set(math.value, written);
    });

    if (previews.size > 0) tree.children.push(previewContainer([...previews.values()], pageLang(file)));
  };
}

/** The reference as its note writes it: \\eqref{eq:x}, \\ref{slug/eq:x}. */
function refAsWritten(ref: EquationRef): string {
  return `\\${ref.kind}{${ref.slug ? ref.slug + "/" : ""}${ref.label}}`;
}

/** A link's text; a number with TeX in it (\tag{$\star$}) is rendered by KaTeX, as the equation shows it, if KaTeX takes it. */
function linkContent({ title, number }: ResolvedRef): Link["children"] {
  // A no-break space: the number stays with the title's last word, and a long title wraps (on a phone it ran off the page).
  const prefix = title === undefined ? "" : `${title}\u00a0`;
  const tex = String.raw`\text{${number}}`;
  if (!tagHasTex(number) || katexProblem(tex, false) !== null) return [{ type: "text", value: prefix + tagText(number) }];
  const math: MathNode = { type: "inlineMath", value: "" };
  setMathTex(math, tex);
  return [...(prefix ? [{ type: "text" as const, value: prefix }] : []), math as never];
}

/** Hidden, pre-rendered copies of equations from other pages, for hover previews. */
function previewContainer(previews: NonNullable<ResolvedRef["preview"]>[], lang: string | undefined): Paragraph {
  return {
    type: "paragraph",
    data: { hName: "div", hProperties: { className: ["equation-previews"], hidden: true } },
    children: previews.map(({ key, paper, equation }) => ({
      type: "paragraph",
      // The preview shows the paper's title: an English one among Chinese is read as English.
      data: { hName: "div", hProperties: { className: ["equation-preview"], dataPreviewFor: key, dataPaper: paper.title, lang: titleLang(paper.title, lang) } },
      children: [
        {
          type: "math",
          value: equation.previewTex,
          data: mathNodeData(equation.previewTex, true),
        } as never,
      ],
    })) as never,
  };
}
