// remark-paper-links: links into the site are checked and get the base path; here, those in a .md note's raw HTML.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Html, Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import type { IndexedPaper } from "../../src/lib/paper-index.ts";
import remarkPaperLinks from "../../src/plugins/remark-paper-links.ts";

const paper = { slug: "a", draft: false, equations: [], headingIds: new Set<string>(), headingIdsByTex: new Map() } as unknown as IndexedPaper;
const options = { papers: () => (slug: string) => (slug === "a" ? paper : undefined), base: "/notes/", publicDir: mkdtempSync(join(tmpdir(), "papernotes-public-")) };

/** The messages ("line:column: reason") and the raw HTML after the plugin, for a .md note. */
function linksIn(markdown: string): { messages: string[]; html: string[] } {
  const file = new VFile({ path: "note.md", value: markdown });
  const processor = unified().use(remarkParse).use(remarkPaperLinks, options);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const html: string[] = [];
  visit(tree, "html", (node: Html) => void html.push(node.value));
  return { messages: file.messages.map((m) => `${m.line}:${m.column}: ${m.reason}`), html };
}

describe("remark-paper-links in raw HTML", () => {
  it("checks a link in raw HTML quoted either way or not at all, and gives it the base path", () => {
    // An HTML block: in a paragraph, CommonMark reads <a href=/x/> as text, not as a tag.
    const { messages, html } = linksIn(`<div>\n<a href="/papers/a/">1</a> <a href='/papers/a/'>2</a>\n<a href=/papers/a/>3</a>\n<a href=/papers/nope/>4</a>\n</div>\n`);
    expect(messages).toEqual(['4:4: link /papers/nope/: there is no paper "nope" (no nope.mdx or .md)']);
    expect(html).toEqual(['<div>\n<a href="/notes/papers/a/">1</a> <a href="/notes/papers/a/">2</a>\n<a href="/notes/papers/a/">3</a>\n<a href="/notes/papers/nope/">4</a>\n</div>']);
  });

  it("leaves a link in an HTML comment alone, and reports a link at its own line, not at a copy in a comment above it", () => {
    const { messages, html } = linksIn(`<!-- <a href="/papers/nope/">old</a> -->\n\n<div>\n<!-- <a href="/papers/nope/">x</a> -->\n<p>\n<a href="/papers/nope/">y</a>\n</div>\n`);
    expect(messages).toEqual(['6:4: link /papers/nope/: there is no paper "nope" (no nope.mdx or .md)']);
    expect(html[0]).toBe('<!-- <a href="/papers/nope/">old</a> -->');
    expect(html[1]).toBe('<div>\n<!-- <a href="/papers/nope/">x</a> -->\n<p>\n<a href="/notes/papers/nope/">y</a>\n</div>');
  });

  it("says to drop /public from a link that names a file of public/ with it", () => {
    mkdirSync(join(options.publicDir, "files"), { recursive: true });
    writeFileSync(join(options.publicDir, "files", "slides.pdf"), "%PDF");
    const { messages } = linksIn(`<div>\n<a href="/public/files/slides.pdf">slides</a>\n<a href="/public/files/gone.pdf">gone</a>\n</div>\n`);
    expect(messages).toEqual([
      "2:4: link /public/files/slides.pdf: the site has no page or file there (under public/); the files of public/ are at the site's root: write /files/slides.pdf",
      "3:4: link /public/files/gone.pdf: the site has no page or file there (under public/); a paper is /papers/<slug>/",
    ]);
  });
});
