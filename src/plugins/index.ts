// The content pipeline in one place: Astro's MDX build and the content check
// run exactly these plugins, in this order.
import type { RehypePlugins, RemarkPlugins } from "@astrojs/markdown-remark";
import rehypeAutolinkHeadings, { type Options as AutolinkOptions } from "rehype-autolink-headings";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { katexOptions } from "../lib/katex-options.ts";
import remarkMathMacros from "./remark-math-macros.ts";
import remarkStarredRowBreaks from "./remark-starred-row-breaks.ts";
import remarkEquationNumbers from "./remark-equation-numbers.ts";
import remarkEquationRefs, { type SiteLinkOptions } from "./remark-equation-refs.ts";
import remarkPaperLinks from "./remark-paper-links.ts";
import remarkImageSources from "./remark-image-sources.ts";
import remarkCodeLanguages from "./remark-code-languages.ts";
import remarkTexTies, { gfmOptions } from "./remark-tex-ties.ts";
import { smartypantsOptions } from "./remark-smartypants-where-needed.ts";
import { publicDir, shikiConfig } from "../site.config.ts";
import rehypeCodeBlocks from "./rehype-code-blocks.ts";
import rehypeKatexCached from "./rehype-katex-cached.ts";
import rehypeKatexFonts from "./rehype-katex-fonts.ts";
import rehypeKatexSource from "./rehype-katex-source.ts";
import rehypeKatexMarkup from "./rehype-katex-markup.ts";
import rehypeMathMacros from "./rehype-math-macros.ts";
import rehypeMathPunctuation from "./rehype-math-punctuation.ts";
import rehypeShikiMemo, { type HighlightedBlocks } from "./rehype-shiki-memo.ts";
import rehypeFailOnMessages from "./rehype-fail-on-messages.ts";
import rehypeFootnoteLanguage from "./rehype-footnote-language.ts";
import rehypeNoMathErrors from "./rehype-no-math-errors.ts";
import rehypeTableAlign from "./rehype-table-align.ts";
import rehypeTocMath from "./rehype-toc-math.ts";
import rehypeHeadingIds from "./rehype-heading-ids.ts";
import type { PluggableList } from "unified";
import type { Root as HastRoot } from "hast";
import type { VFile } from "vfile";
import { ui } from "../lib/ui-strings.ts";
import { pageLang } from "./messages.ts";

export type { SiteLinkOptions };

/** remark-math, remark-math-macros and remark-starred-row-breaks must come before; the content check runs them as it parses. */
export function paperRemarkPlugins(options: SiteLinkOptions): RemarkPlugins {
  return [remarkEquationNumbers, [remarkEquationRefs, options], [remarkPaperLinks, { ...options, publicDir }], [remarkImageSources, { publicDir, base: options.base }], [remarkCodeLanguages, { langAlias: shikiConfig.langAlias }], remarkTexTies];
}

// An empty anchor after the heading, outside it, so that the heading's name is
// its text alone (inside, screen readers read "Method Link to this section");
// a div holds the pair side by side, and CSS draws the "#". A tab stop, named
// in the page's language and described by its heading, shown on focus as on hover.
function headingLinks() {
  return (tree: HastRoot, file: VFile) => {
    const options: AutolinkOptions = {
      behavior: "after",
      group: { type: "element", tagName: "div", properties: { className: ["heading-group"] }, children: [] },
      properties: (heading) => ({ className: ["heading-anchor"], ariaLabel: ui(pageLang(file)).headingLink, ariaDescribedBy: [String(heading.properties.id)] }),
      content: [],
    };
    rehypeAutolinkHeadings(options)(tree);
  };
}

/** Astro's MDX pipeline (for notes that use MDX components); Astro runs Shiki itself. */
export function sitePipeline(options: SiteLinkOptions): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins; smartypants: typeof smartypantsOptions } {
  return {
    // Astro adds remark-gfm itself; used again here, it takes these options (unified merges them).
    remarkPlugins: [[remarkGfm, gfmOptions], remarkMath, remarkMathMacros, remarkStarredRowBreaks, ...paperRemarkPlugins(options)],
    // Heading ids are made before KaTeX renders the math in them (see rehype-heading-ids).
    rehypePlugins: [rehypeHeadingIds, rehypeMathMacros, [rehypeKatex, katexOptions], rehypeKatexMarkup, rehypeKatexSource, rehypeKatexFonts, rehypeMathPunctuation, rehypeFootnoteLanguage, headingLinks, rehypeCodeBlocks, rehypeTableAlign, rehypeTocMath, rehypeNoMathErrors, rehypeFailOnMessages],
    smartypants: smartypantsOptions,
  };
}

/**
 * The fast path for plain-Markdown notes, run by the content check itself: the
 * same plugins, but each distinct formula is rendered once and kept as raw HTML
 * (stringify with allowDangerousHtml), and each distinct code block is
 * highlighted once. Problems are reported by the check. Shiki comes late, just
 * before the code frames that need it: no plugin before it looks inside code,
 * and each would walk its token spans, about 40 % of a note's tree (1,000
 * papers: ~1 s less CPU). `highlighted` keeps code blocks between builds.
 */
export function fastRehypePlugins(highlighted?: HighlightedBlocks): PluggableList {
  return [rehypeHeadingIds, rehypeMathMacros, rehypeKatexCached, rehypeKatexSource, rehypeKatexFonts, rehypeMathPunctuation, rehypeFootnoteLanguage, headingLinks, rehypeTableAlign, [rehypeShikiMemo, shikiConfig, highlighted], rehypeCodeBlocks];
}
