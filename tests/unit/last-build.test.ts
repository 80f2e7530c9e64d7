// A rebuild that changed only notes reuses the last build's pages: unchanged
// files are linked, each changed note takes the old one's place in its page,
// and a site that was touched since, or built elsewhere, is never reused.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ContentCheckResult, RenderedPaper } from "../../src/lib/content-check.ts";
import type { IndexedPaper } from "../../src/lib/paper-index.ts";
import { searchRecordsInMemory } from "../../src/lib/render-cache.ts";
import type { SearchDocument } from "../../src/lib/search-documents.ts";
import { scanPage, scanParts, type PageScan } from "../../src/postbuild/dist-guard.ts";
import { lastSearchShardDigests, layoutDigest, linkFromLastBuild, placeNote, readLastBuild, readNotePart, recordBuild, reuseLastBuild, saveLastBuild, stampFiles, untouchedSince, type PlacedNote } from "../../src/postbuild/last-build.ts";
import { cacheDirFor } from "../../src/site.config.ts";
import { listFiles } from "../../src/postbuild/relative-urls.ts";

const root = mkdtempSync(join(tmpdir(), "papernotes-last-build-"));
const papersDir = join(root, "content", "papers");
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDirFor(papersDir), { recursive: true, force: true });
});

const before = '<html><body>\n<h1 id="top">A</h1>\n<div class="prose">';
const after = '</div>\n<a href="../../index.html">home</a>\n</body></html>';
/** A built note in a file of its own, as the content check keeps it. */
function builtNote(name: string, html: string): { file: string; scan: PageScan } {
  const file = join(root, `${name}.html`);
  writeFileSync(file, html);
  return { file, scan: scanPage(html) };
}

/** A site as a full build leaves it: one paper page with its note, and a stylesheet. Returns its record. */
function fullBuild(outDir: string, note: { file: string; scan: PageScan }) {
  const part = readNotePart("a", note);
  const parts = [before, part, after];
  const page = join(outDir, "papers/a/index.html");
  mkdirSync(join(outDir, "papers/a"), { recursive: true });
  writeFileSync(page, Buffer.concat([Buffer.from(before, "latin1"), part.bytes, Buffer.from(after, "latin1")]));
  writeFileSync(join(outDir, "site.css"), "body{}");
  mkdirSync(join(outDir, "pagefind/shard-1"), { recursive: true });
  writeFileSync(join(outDir, "pagefind/index.pf"), "shard 0");
  writeFileSync(join(outDir, "pagefind/shard-1/index.pf"), "shard 1");
  const scans = new Map([[page, scanParts(parts)]]);
  const notes = new Map([[page, placeNote(parts)!]]);
  return recordBuild({ staging: outDir, outDir, layoutDigest: "layout-1", files: stampFiles(outDir), searchShards: [
      { digest: "records-0", files: ["pagefind/index.pf"] },
      { digest: "records-1", files: ["pagefind/shard-1/index.pf"] },
    ],
    scans,
    notes,
  });
}

describe("placeNote", () => {
  it("finds the note's bytes after Latin-1 text that holds UTF-8", () => {
    const part = readNotePart("a", builtNote("placed", "<p>∑</p>"));
    const start = Buffer.from("<p>é</p>", "utf8").toString("latin1");
    expect(placeNote([start, part, "</div>"])).toEqual({ slug: "a", file: part.file, start: Buffer.byteLength("<p>é</p>"), length: Buffer.byteLength("<p>∑</p>") });
    expect(placeNote(["<html></html>"])).toBeUndefined();
  });
});

describe("reusing the last build", () => {
  const outDir = join(root, "dist");
  const first = builtNote("first", '<p>Old <a href="#top">text</a>.</p>');
  saveLastBuild(papersDir, fullBuild(outDir, first));

  it("gives the last build's search shard digests alone, for the same output folder only", () => {
    expect(lastSearchShardDigests(papersDir, outDir)).toEqual(readLastBuild(papersDir, outDir)!.searchShards.map((shard) => shard.digest));
    expect(lastSearchShardDigests(papersDir, join(root, "other"))).toBeUndefined();
  });

  it("is read for the same output folder only, with its layout digest", () => {
    expect(readLastBuild(papersDir, outDir)!.layoutDigest).toBe("layout-1");
    expect(readLastBuild(papersDir, join(root, "other"))).toBeUndefined();
  });

  it("splices a changed note into a new copy of its page and links the rest", () => {
    const last = readLastBuild(papersDir, outDir)!;
    const livePage = readFileSync(join(outDir, "papers/a/index.html"));
    const second = builtNote("second", '<p>New, longer <a href="#top">text</a>\nover two lines.</p>');
    const staging = join(root, "staging");
    const scans = new Map<string, PageScan>();
    const notes = new Map<string, PlacedNote>();
    const { changed, staged: placed } = reuseLastBuild(last, staging, (slug) => (slug === "a" ? second : undefined), scans, notes, { keptShards: new Set([1]) });
    expect(changed).toEqual(new Set([join(staging, "papers/a/index.html")]));
    expect(placed.sort()).toEqual(listFiles(staging, "").sort());

    const page = join(staging, "papers/a/index.html");
    expect(readFileSync(page, "utf8")).toBe(before + readFileSync(second.file, "utf8") + after);
    expect(readFileSync(join(outDir, "papers/a/index.html"))).toEqual(livePage);
    expect(statSync(join(staging, "site.css")).ino).toBe(statSync(join(outDir, "site.css")).ino);
    expect(existsSync(join(staging, "pagefind/index.pf"))).toBe(false); // shard 0's records changed: indexed anew
    expect(statSync(join(staging, "pagefind/shard-1/index.pf")).ino).toBe(statSync(join(outDir, "pagefind/shard-1/index.pf")).ino);
    expect(statSync(page).ino).not.toBe(statSync(join(outDir, "papers/a/index.html")).ino);
    // The scan is the new page's: its link on the line after the note's two.
    expect(scans.get(page)).toEqual(scanPage(readFileSync(page, "utf8")));
    expect(notes.get(page)).toEqual({ slug: "a", file: second.file, start: before.length, length: statSync(second.file).size });
  });

  it("links every file, search indexes too, when nothing changed", () => {
    const last = readLastBuild(papersDir, outDir)!;
    const staging = join(root, "staging-same");
    const scans = new Map<string, PageScan>();
    const { changed, staged: placed } = reuseLastBuild(last, staging, () => first, scans, new Map(), { keptShards: new Set([0, 1]) });
    expect(changed.size).toBe(0);
    expect(placed.sort()).toEqual(listFiles(staging, "").sort());
    for (const file of ["pagefind/index.pf", "pagefind/shard-1/index.pf"]) expect(statSync(join(staging, file)).ino).toBe(statSync(join(outDir, file)).ino);
    expect(statSync(join(staging, "papers/a/index.html")).ino).toBe(statSync(join(outDir, "papers/a/index.html")).ino);
    expect(scans.get(join(staging, "papers/a/index.html"))).toEqual(last.scans.get("papers/a/index.html"));
  });

  it("names a note that is no longer rendered", () => {
    const last = readLastBuild(papersDir, outDir)!;
    expect(() => reuseLastBuild(last, join(root, "staging-missing"), () => undefined, new Map(), new Map(), { keptShards: new Set() })).toThrow(/papers\/a\/index\.html had the note "a"/);
  });

  it("links chosen files of the last build, as a build whose pages Astro makes anew takes its kept search shards", () => {
    const last = readLastBuild(papersDir, outDir)!;
    const staging = join(root, "staging-shards");
    linkFromLastBuild(last, staging, ["pagefind/shard-1/index.pf"]);
    expect(statSync(join(staging, "pagefind/shard-1/index.pf")).ino).toBe(statSync(join(outDir, "pagefind/shard-1/index.pf")).ino);
    expect(listFiles(staging, "")).toEqual([join(staging, "pagefind/shard-1/index.pf")]);
  });

  it("is refused once a file of the site was changed or removed, for that file", () => {
    const css = join(outDir, "site.css");
    writeFileSync(css, "body{:}".slice(0, statSync(css).size)); // same size, new time
    expect(untouchedSince(readLastBuild(papersDir, outDir)!)).toBe(false);
    expect(untouchedSince(readLastBuild(papersDir, outDir)!, ["pagefind/shard-1/index.pf"])).toBe(true);
    expect(untouchedSince(readLastBuild(papersDir, outDir)!, ["pagefind/shard-1/index.pf", "site.css"])).toBe(false);
    saveLastBuild(papersDir, fullBuild(outDir, first));
    expect(untouchedSince(readLastBuild(papersDir, outDir)!)).toBe(true);
    rmSync(css);
    expect(untouchedSince(readLastBuild(papersDir, outDir)!)).toBe(false);
  });
});

describe("layoutDigest", () => {
  const paper: RenderedPaper = { slug: "a", path: "/p/a.mdx", frontmatter: { title: "A" }, minutes: 3, hasMath: true, headings: [], builtNote: { file: "/cache/1.html", scan: { ids: new Set<string>(), urls: [], moduleScripts: [] } } };
  const entry: IndexedPaper = { slug: "a", path: "/p/a.mdx", title: "A", shortTitle: "A", lang: "en", draft: false, mdx: false, equations: [], headingIds: new Set(), headingIdsByTex: new Map(), tags: [], about: "" };
  const section: SearchDocument = { id: "a-0", page: "papers/a/", hash: "", kind: "section", title: "A", short: "A", heading: "", text: "x", lang: "en" };
  // Typed, not `object`: a key the result lacks (once `searchDocuments`) must not compile, or the test checks nothing.
  const result = (changes: Partial<ContentCheckResult> = {}, paperChanges: Partial<RenderedPaper> = {}): ContentCheckResult => ({
    problems: [],
    warnings: [],
    papers: 1,
    drafts: 0,
    formulas: 2,
    index: new Map(),
    rendered: new Map([["a", { ...paper, ...paperChanges }]]),
    mdxSlugs: new Set(),
    search: [],
    ...changes,
  });
  const digest = (changes?: Partial<ContentCheckResult>, paperChanges?: Partial<RenderedPaper>) => layoutDigest({ papersDir, base: "/", result: result(changes, paperChanges) });

  it("ignores the notes and the search records, which pages do not hold", () => {
    expect(digest({}, { builtNote: { file: "/cache/2.html", scan: { ids: new Set(["x"]), urls: [], moduleScripts: [] } } })).toBe(digest());
    const records = searchRecordsInMemory("papers/a/", [section]);
    expect(digest({ search: [records] })).toBe(digest());
    expect(digest({ search: [searchRecordsInMemory("papers/a/", [section, { ...section, id: "a-1", text: "y" }])] })).toBe(digest({ search: [records] }));
  });

  it("changes with anything a page shows", () => {
    expect(digest({}, { frontmatter: { title: "B" } })).not.toBe(digest());
    expect(digest({}, { minutes: 4 })).not.toBe(digest());
    expect(digest({}, { headings: [{ depth: 2, slug: "m", text: "M" }] })).not.toBe(digest());
    expect(digest({ index: new Map([["a", entry]]) })).not.toBe(digest());
  });

  it("ignores the count of formulas, which no page shows (an inline formula added laid out every page anew)", () => {
    expect(digest({ formulas: 3 })).toBe(digest());
  });
});
