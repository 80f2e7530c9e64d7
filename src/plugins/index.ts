// The content pipeline in one place: Astro's MDX build and the content check
// run exactly these plugins, in this order.
import type { RehypePlugins, RemarkPlugins } from "@astrojs/markdown-remark";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeKatex from "rehype-katex";
import rehypeSlug from "rehype-slug";
import remarkMath from "remark-math";
import { katexOptions } from "../lib/katex-options.ts";
import remarkEquationNumbers from "./remark-equation-numbers.ts";
import remarkEquationRefs, { type SiteLinkOptions } from "./remark-equation-refs.ts";
import remarkPaperLinks from "./remark-paper-links.ts";
import rehypeCodeBlocks from "./rehype-code-blocks.ts";
import rehypeFailOnMessages from "./rehype-fail-on-messages.ts";
import rehypeNoMathErrors from "./rehype-no-math-errors.ts";

export type { SiteLinkOptions };

/** remark-math must come before, and is part of the parser in the content check. */
export function paperRemarkPlugins(options: SiteLinkOptions): RemarkPlugins {
  return [remarkEquationNumbers, [remarkEquationRefs, options], [remarkPaperLinks, options]];
}

export function sitePipeline(options: SiteLinkOptions): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [remarkMath, ...paperRemarkPlugins(options)],
    rehypePlugins: [
      rehypeSlug,
      // An empty, aria-hidden anchor: CSS draws the "#", so heading text stays clean.
      [rehypeAutolinkHeadings, { behavior: "append", properties: { className: ["heading-anchor"], ariaHidden: "true", tabIndex: -1 }, content: [] }],
      [rehypeKatex, katexOptions],
      rehypeCodeBlocks,
      rehypeNoMathErrors,
      rehypeFailOnMessages,
    ],
  };
}
