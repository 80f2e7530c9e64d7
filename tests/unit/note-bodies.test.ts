import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { guardSite, scanPage, scanParts, type PageScan, type ScannedPart } from "../../src/postbuild/dist-guard.ts";
import { formulaMarker, noteMarker, splitAtMarkers } from "../../src/postbuild/note-bodies.ts";
import { makeUrlsRelative, rewriteHtml } from "../../src/postbuild/relative-urls.ts";

const utf8 = (text: string) => Buffer.from(text, "utf8");
const shell = (slug: string) => `<html><head>\n<link rel="stylesheet" href="/s.css">\n</head><body>\n<h1 id="top">T</h1>\n<div class="prose">${noteMarker(slug)}</div>\n<a href="/">home</a>\n<script type="module" src="/m.js"></script>\n</body></html>`;
/** A note as the content check's workers finish it: URLs relative to its page, and scanned. */
const finished = (html: string, pagePath: string): ScannedPart => {
  const relative = rewriteHtml(html, pagePath, "/");
  return { bytes: utf8(relative), scan: scanPage(relative) };
};
/** Only notes: a paper page has no formula previews. */
const splitAtNote = (page: Buffer, noteOf: (slug: string) => ScannedPart | undefined) => splitAtMarkers(page, { noteOf, formulaOf: () => undefined });
const note = '<h2 id="方法">方法 “x” ∑</h2>\n<p>See <a href="/papers/a/#eq-x">(1)</a>\nand <a href="#方法">above</a>.</p>\n<div id="eq-y"></div>';

describe("notes spliced into their pages after the build", () => {
  it("cuts a page at its marker, whatever the slug", () => {
    const part = finished(note, "papers/扩散-v2/index.html");
    const [before, middle, after] = splitAtNote(utf8(shell("扩散-v2")), (slug) => (slug === "扩散-v2" ? part : undefined));
    expect(middle).toBe(part);
    expect((before as Buffer).toString("utf8").endsWith('<div class="prose">')).toBe(true);
    expect((after as Buffer).toString("utf8").startsWith("</div>")).toBe(true);
  });

  it("leaves a page without a marker whole", () => {
    const other = utf8("<html><body><p>no note here</p></body></html>");
    expect(splitAtNote(other, () => finished("never", "x/index.html"))).toEqual([other]);
  });

  it("cuts only at the first marker: a note that quotes one is not expanded again", () => {
    const quoting = finished(`<p>${noteMarker("a")}</p>`, "papers/a/index.html");
    expect(splitAtNote(utf8(shell("a")), () => quoting)).toHaveLength(3);
  });

  it("names the note when a page asks for one that was not rendered", () => {
    expect(() => splitAtNote(utf8(shell("missing-paper")), () => undefined)).toThrow(/"missing-paper"/);
  });

  it("writes the same page and the same scan, lines included, as rewriting and scanning the whole page", () => {
    const dir = mkdtempSync(join(tmpdir(), "papernotes-splice-"));
    mkdirSync(join(dir, "papers", "b"), { recursive: true });
    mkdirSync(join(dir, "papers", "a"), { recursive: true });
    writeFileSync(join(dir, "papers", "b", "index.html"), shell("b"));
    writeFileSync(join(dir, "papers", "a", "index.html"), "<p>a</p>");
    const scans = new Map<string, PageScan>();
    makeUrlsRelative(dir, "/", { split: (page) => splitAtNote(page, () => finished(note, "papers/b/index.html")), onPage: (file, parts) => scans.set(file, scanParts(parts)) });

    const whole = rewriteHtml(shell("b").replace(noteMarker("b"), note), "papers/b/index.html", "/");
    const written = readFileSync(join(dir, "papers", "b", "index.html"), "utf8");
    expect(written).toBe(whole);
    expect(written).toContain('<a href="../a/index.html#eq-x">(1)</a>');
    const scan = scans.get(join(dir, "papers", "b", "index.html"))!;
    expect(scan).toEqual(scanPage(whole));
    expect(scan.urls.find((u) => u.url === "#方法")?.line).toBe(7);
    expect(scan.moduleScripts).toEqual([10]);
    // The guard reads the spliced scan: the planted module script and the missing anchor are named with their lines.
    expect(guardSite(dir, scans).filter((p) => p.file === "papers/b/index.html").map((p) => p.line)).toEqual([2, 6, 9, 10, 10]);
  });
});

describe("formula previews spliced into the formula list after the build", () => {
  const preview = (text: string): ScannedPart => ({ bytes: utf8(`<span class="katex">${text}</span>`), scan: scanPage("") });
  const previews: Record<string, ScannedPart[]> = { "扩散-v2": [preview("a0"), preview("a1")], b: [preview("b0")] };
  const list = `<ol>\n<li>${formulaMarker("扩散-v2", 0)}</li>\n<li>${formulaMarker("扩散-v2", 1)}</li>\n<li>${formulaMarker("b", 0)}</li>\n</ol>`;
  const formulaOf = (slug: string, n: number) => previews[slug]?.[n];

  it("puts each preview in its marker's place, in order", () => {
    const parts = splitAtMarkers(utf8(list), { noteOf: () => undefined, formulaOf });
    const page = Buffer.concat(parts.map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part.bytes)))).toString("utf8");
    expect(page).toBe('<ol>\n<li><span class="katex">a0</span></li>\n<li><span class="katex">a1</span></li>\n<li><span class="katex">b0</span></li>\n</ol>');
    expect(parts.filter((part) => !Buffer.isBuffer(part))).toEqual([previews["扩散-v2"]![0], previews["扩散-v2"]![1], previews.b![0]]);
  });

  it("names the paper and the formula whose preview is missing, and an unknown marker", () => {
    expect(() => splitAtMarkers(utf8(formulaMarker("b", 1)), { noteOf: () => undefined, formulaOf })).toThrow('formula 1 of "b"');
    expect(() => splitAtMarkers(utf8("<p><!--papernotes:table x--></p>"), { noteOf: () => undefined, formulaOf })).toThrow("unknown marker: <!--papernotes:table x-->");
  });
});
