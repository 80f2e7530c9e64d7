// Reading HTML start tags and their attributes with regular expressions rather
// than a parser: the dist guard reads every built page (tens of thousands of
// KaTeX spans, of which only a few tags matter), the plugins a .md note's raw HTML.
import { decodeHTMLAttribute } from "entities";

/** A start tag; quoted attribute values may hold ">". */
export const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The HTML with its comments blanked out, newlines kept: a tag in a comment is none, and offsets and lines still match. */
export function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, " "));
}

/** A start tag's attributes (its text after the name), by lower-case name, the first of each, decoded. */
export function attributesOf(raw: string, fromPage: (raw: string) => string = (text) => text): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, double, single, bare] of raw.matchAll(ATTRIBUTE)) attributes[name!.toLowerCase()] ??= decodeHTMLAttribute(fromPage(double ?? single ?? bare ?? ""));
  return attributes;
}
