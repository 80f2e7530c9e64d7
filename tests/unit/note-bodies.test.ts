import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillNoteBody, noteMarker } from "../../src/postbuild/note-bodies.ts";
import { makeUrlsRelative } from "../../src/postbuild/relative-urls.ts";

const utf8 = (text: string) => Buffer.from(text, "utf8");
const page = (slug: string) => utf8(`<html><body><h1>T</h1><div class="prose">${noteMarker(slug)}</div><a href="/">home</a></body></html>`);

describe("note bodies filled in after the build", () => {
  it("puts the note's bytes where its marker was, for any slug", () => {
    const note = utf8('<p id="方法">方法 “x” ∑</p>');
    const filled = fillNoteBody(page("扩散-模型 v2"), (slug) => (slug === "扩散-模型 v2" ? note : undefined));
    expect(filled.toString("utf8")).toBe('<html><body><h1>T</h1><div class="prose"><p id="方法">方法 “x” ∑</p></div><a href="/">home</a></body></html>');
  });

  it("leaves a page without a marker as it is", () => {
    const other = utf8("<html><body><p>no note here</p></body></html>");
    expect(fillNoteBody(other, () => utf8("never"))).toBe(other);
  });

  it("fills only the first marker: a note that quotes one is not expanded again", () => {
    const quoting = utf8(`<p>${noteMarker("a")}</p>`);
    const filled = fillNoteBody(page("a"), () => quoting).toString("utf8");
    expect(filled).toContain(`<div class="prose"><p>${noteMarker("a")}</p></div>`);
  });

  it("names the note when a page asks for one that was not rendered", () => {
    expect(() => fillNoteBody(page("missing-paper"), () => undefined)).toThrow(/"missing-paper"/);
  });

  it("gives the filled note relative URLs like the rest of the page", () => {
    const dir = mkdtempSync(join(tmpdir(), "papernotes-fill-"));
    mkdirSync(join(dir, "papers", "b"), { recursive: true });
    writeFileSync(join(dir, "papers", "b", "index.html"), page("b"));
    const seen: string[] = [];
    makeUrlsRelative(dir, "/", { fill: (bytes) => fillNoteBody(bytes, () => utf8('<a href="/papers/a/#eq-x">(1)</a>')), onPage: (_file, html) => seen.push(html) });
    const written = readFileSync(join(dir, "papers", "b", "index.html"), "utf8");
    expect(written).toContain('<a href="../a/index.html#eq-x">(1)</a>');
    expect(written).toContain('<a href="../../index.html">home</a>');
    expect(written).not.toContain("papernotes:note");
    expect(seen).toEqual([Buffer.from(written, "utf8").toString("latin1")]);
  });
});
