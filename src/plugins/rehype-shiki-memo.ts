// Astro's rehypeShiki, run once per distinct code block: the same snippet
// (a prompt template, a sampling loop) recurs across notes, and tokenizing it
// again is the costly part. Each block is highlighted on its own, as Astro
// would, and later blocks with the same language, meta and code share its
// highlighted spans. Blocks highlighted by an earlier build can come from
// `kept` (the build cache): a rebuild after an edit then loads no highlighter.
import { rehypeShiki } from "@astrojs/markdown-remark";
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import { unified } from "unified";
import { SKIP, visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";
import { boundedMap } from "../lib/bounded-memo.ts";

type ShikiConfig = Parameters<typeof rehypeShiki>[0];

/** Highlighted blocks kept between runs, by key (language, meta and code). */
export interface HighlightedBlocks {
  get(key: string): Element | undefined;
  set(key: string, block: Element): void;
}

declare module "vfile" {
  interface DataMap {
    /** The keys of the note's code blocks, in order (see HighlightedBlocks). */
    codeBlockKeys: string[];
  }
}

/**
 * Highlighted blocks kept (boundedMap), as renderMath's memo is: a
 * 20-line block keeps about 80 KB of tree, and a big site of real notes has a
 * few different blocks a note. The synthetic corpus has 2 in all.
 */
const HIGHLIGHTED_KEPT = 1024;

export default function rehypeShikiMemo(config: ShikiConfig, kept?: HighlightedBlocks) {
  const shiki = unified().use(rehypeShiki, config);
  const highlighted = boundedMap<Element>(HIGHLIGHTED_KEPT);
  return async (tree: Root, file: VFile) => {
    const blocks: { pre: Element; parent: Element | Root; key: string }[] = [];
    visitParents(tree, "element", (pre, ancestors) => {
      if (pre.tagName === "p") return SKIP; // no code block is inside a paragraph
      if (pre.tagName !== "pre" || pre.children.length !== 1) return;
      const code = pre.children[0]!;
      if (code.type !== "element" || code.tagName !== "code") return;
      const key = JSON.stringify([code.properties.className, code.data ?? null, code.properties.metastring ?? null, toText(code, { whitespace: "pre" })]);
      blocks.push({ pre, parent: ancestors.at(-1) as Element | Root, key });
      return SKIP;
    });
    file.data.codeBlockKeys = blocks.map((block) => block.key);
    for (const { pre, parent, key } of blocks) {
      let result = highlighted.get(key);
      if (!result) {
        result = kept?.get(key);
        if (!result) {
          const single: Root = { type: "root", children: [pre] };
          await shiki.run(single, file);
          result = single.children[0] as Element;
          kept?.set(key, result);
        }
        // Only once highlighted: a block Shiki failed on is not kept.
        highlighted.set(key, deepFreeze(result));
      }
      // The token spans are shared by every note with this block, frozen: a later
      // plugin that changed one would throw, not change them all. The block's own
      // element is a copy, as rehype-code-blocks sets its classes. (A deep copy
      // for each note took 0.35 s at 1,000 papers.)
      parent.children[parent.children.indexOf(pre)] = { ...result, properties: { ...result.properties } };
    }
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child !== null && typeof child === "object" && !Object.isFrozen(child)) deepFreeze(child);
  return Object.freeze(value);
}
