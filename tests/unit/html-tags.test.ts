// html-tags: start tags and their attributes, as the dist guard and the plugins for a .md note's raw HTML read them.
import { describe, expect, it } from "vitest";
import { attributesOf, quotedValue, replaceAttributeValues, withoutComments } from "../../src/lib/html-tags.ts";

/** Each href value upper-cased, and what the callback was told of it: the tag, the attribute at its offset, the value. */
function upperHrefs(html: string): { html: string; found: string[] } {
  const found: string[] = [];
  const out = replaceAttributeValues(html, "href", (value, at) => {
    expect(html.slice(at.index, at.index + at.written.length)).toBe(at.written);
    found.push(`${at.tag} ${at.written} = ${value}`);
    return quotedValue(value.toUpperCase());
  });
  return { html: out, found };
}

describe("html-tags", () => {
  it("blanks comments out, keeping their newlines, so offsets and lines match", () => {
    expect(withoutComments("a<!-- <b\nc> -->d")).toBe(`a${" ".repeat(7)}\n${" ".repeat(6)}d`);
  });

  it("reads a value double-quoted, single-quoted or unquoted, decoded, and rewrites it in place in double quotes", () => {
    const { html, found } = upperHrefs(`<a href="/a/?x=1&amp;y">1</a> <a class=x href='/b/'>2</a> <a href=/c/>3</a> <area HREF = "/d/">`);
    expect(html).toBe(`<a href="/A/?X=1&amp;Y">1</a> <a class=x href="/B/">2</a> <a href="/C/">3</a> <area HREF = "/D/">`);
    expect(found).toEqual(['a href="/a/?x=1&amp;y" = /a/?x=1&y', "a href='/b/' = /b/", "a href=/c/ = /c/", 'area HREF = "/d/" = /d/']);
  });

  it("leaves a tag in a comment, text that only looks like an attribute, a valueless attribute and a later one of the same name alone", () => {
    const html = '<!-- <a href="/old/">x</a> -->\nhref="/text/" <a href>y</a> <a href="/one/" href="/two/">z</a>';
    const { html: out, found } = upperHrefs(html);
    expect(out).toBe(html.replace("/one/", "/ONE/"));
    expect(found).toEqual(['a href="/one/" = /one/']);
  });

  it("keeps the value as written where the callback returns nothing, and quotes any value validly", () => {
    expect(replaceAttributeValues("<a href=/x/>", "href", () => undefined)).toBe("<a href=/x/>");
    expect(replaceAttributeValues("<a href=/x/>", "href", () => quotedValue('/say "hi" & go/'))).toBe('<a href="/say &quot;hi&quot; &amp; go/">');
    expect(attributesOf(' HREF=/x/ title="a &amp; b" hidden')).toEqual({ href: "/x/", title: "a & b", hidden: "" });
  });
});
