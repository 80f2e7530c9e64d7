// Reading HTML start tags and their attributes with regular expressions rather
// than a parser: the dist guard reads every built page (tens of thousands of
// KaTeX spans, of which only a few tags matter), the plugins a .md note's raw HTML.
import { decodeHTMLAttribute, escapeAttribute } from "entities";

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

/** Where replaceAttributeValues found a value: its tag, and the attribute as written. */
export interface FoundAttribute {
  /** The tag's name, lower case. */
  tag: string;
  /** The tag's attributes (its text after the name), for attributesOf. */
  attributes: string;
  /** The attribute as written (href=/papers/x/) and its offset in the HTML, to find its line. */
  written: string;
  index: number;
}

/**
 * The HTML with the value of each start tag's attribute `name` (lower case)
 * replaced by what `replace` returns for it, given the value decoded: the text
 * to write instead of the value as written, quotes and all (see quotedValue);
 * undefined leaves it. Tags in comments are left alone, and so is an attribute
 * without a value; only the first of a name counts, as in attributesOf.
 */
export function replaceAttributeValues(html: string, name: string, replace: (value: string, found: FoundAttribute) => string | undefined): string {
  let out = "";
  let copied = 0;
  for (const tag of withoutComments(html).matchAll(START_TAG)) {
    const attributes = tag[2]!;
    const attributesAt = tag.index + 1 + tag[1]!.length;
    const attribute = [...attributes.matchAll(ATTRIBUTE)].find((match) => match[1]!.toLowerCase() === name);
    const [written, , double, single, bare] = attribute ?? [];
    const value = double ?? single ?? bare;
    if (!attribute || written === undefined || value === undefined) continue;
    const index = attributesAt + attribute.index;
    const text = replace(decodeHTMLAttribute(value), { tag: tag[1]!.toLowerCase(), attributes, written, index });
    if (text === undefined) continue;
    // The value ends the attribute's text: after its closing quote, if it has one.
    const end = index + written.length;
    out += html.slice(copied, end - value.length - (bare === undefined ? 2 : 0)) + text;
    copied = end;
  }
  return out + html.slice(copied);
}

/** A value as an attribute's, in double quotes, whatever it holds. */
export function quotedValue(value: string): string {
  return `"${escapeAttribute(value)}"`;
}
