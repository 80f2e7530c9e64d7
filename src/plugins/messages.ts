// How our plugins report problems: as vfile messages with a place, collected
// and printed together by the content check or rehype-fail-on-messages.
import { dirname, join } from "node:path";
import type { Node, Point } from "unist";
import type { VFile } from "vfile";
import { displayPath } from "../lib/content-check-results.ts";
import { didYouMean } from "../lib/did-you-mean.ts";
import { slugFromPath } from "../lib/paper-files.ts";

export const SOURCE = "papernotes";

/** A blank line, which ends a paragraph (and LaTeX's display), with CRLF line ends too. */
export const BLANK_LINE = /\r?\n[ \t]*\r?\n/;

/** `there is no paper "x" (no content/papers/x.mdx or .md)`, for an \eqref or a link, and the paper most likely meant. */
export function noPaperNamed(slug: string, file: VFile, slugs: Iterable<string>): string {
  return `there is no paper "${slug}" (no ${displayPath(join(dirname(file.path), slug))}.mdx or .md)${didYouMean(slug, slugs, slugFromPath(file.path))}`;
}

/**
 * `at`: the text in the node's source that the problem is about (a label, a
 * command). When it is on a later line than the node's start, the message
 * points at it: in a display of twenty rows, at its row rather than at `$$`.
 */
export function report(file: VFile, node: Node | undefined, reason: string, at?: string | Point): void {
  const found = typeof at === "string" ? placeOf(file, node, at) : at;
  const place = found && found.line !== node?.position?.start.line ? found : node?.position;
  file.message(reason, { place, source: SOURCE, ruleId: "content" });
}

/** Where `text` first appears in the node's source (or its `nth` appearance, from 0), if it does. */
export function placeOf(file: VFile, node: Node | undefined, text: string, nth = 0): Point | undefined {
  const start = node?.position?.start;
  const end = node?.position?.end;
  if (start?.offset === undefined || end?.offset === undefined || text === "") return undefined;
  const source = String(file.value);
  let found = source.indexOf(text, start.offset);
  for (let n = 0; n < nth && found !== -1; n++) found = source.indexOf(text, found + text.length);
  if (found === -1 || found + text.length > end.offset) return undefined;
  return pointAt(file, node, found);
}

/** The line and column of `offset` in the file, found from the node's start (which must be at or before it). */
export function pointAt(file: VFile, node: Node | undefined, offset: number): Point | undefined {
  const start = node?.position?.start;
  if (start?.offset === undefined) return undefined;
  const lines = String(file.value).slice(start.offset, offset).split("\n");
  const column = lines.length > 1 ? lines[lines.length - 1]!.length + 1 : start.column + lines[0]!.length;
  return { line: start.line + lines.length - 1, column, offset };
}

/** Where `text`, found at `index` of `within` (the node's raw HTML, or its TeX), is in the file. */
export function placeOfFound(file: VFile, node: Node | undefined, text: string, within: string, index: number): Point | undefined {
  return placeOf(file, node, text, occurrences(within.slice(0, index), text));
}

/** How many times `of` occurs in `text`: which occurrence a place is (see placeOf's `nth`). */
export function occurrences(text: string, of: string): number {
  return text.split(of).length - 1;
}

/** The page language from the frontmatter Astro (or the content check) put on the file. */
export function pageLang(file: VFile): string | undefined {
  const astro = file.data.astro as { frontmatter?: { lang?: string } } | undefined;
  return astro?.frontmatter?.lang;
}
