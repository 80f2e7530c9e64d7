// The search indexer and its child processes: records in, Pagefind's index and
// its files' copies as scripts out, and a failure comes back as a rejection the
// build can report (not a crash).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runInNewContext } from "node:vm";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { RenderCache } from "../../src/lib/render-cache.ts";
import type { SearchDocument } from "../../src/lib/search-documents.ts";
import { listFiles } from "../../src/postbuild/relative-urls.ts";
import { claimShard, classicPagefindScript, EQUATION_HEADING_TAG, pagefindDocument, placeIndexes, SearchIndexer, searchShardCount, searchShardOf } from "../../src/postbuild/search-index.ts";

const record: SearchDocument = { id: "papers/a/#method", page: "papers/a/", hash: "method", title: "A Paper", short: "A Paper", heading: "Method", text: "the noise objective", kind: "section", lang: "en" };

/** Indexes `indexer`'s records, the shards `only` (default: all), as a build places them in a site. */
async function writeSite(indexer: SearchIndexer, options: Parameters<SearchIndexer["write"]>[1] = {}) {
  const work = mkdtempSync(join(tmpdir(), "papernotes-search-"));
  const site = join(work, "site");
  const records = await indexer.write(join(work, "indexes"), options);
  const { shards: files, placed } = placeIndexes(join(work, "indexes"), site);
  return { site, records, files, placed, leftBehind: readdirSync(work) };
}

/** Each written index file with its text, by path in the site. */
const indexFiles = (site: string, files: Map<number, string[]>) => [...files.values()].flat().sort().map((file) => [file, readFileSync(join(site, file), "utf8")]);

const pageRecord = (n: number): SearchDocument => ({ ...record, id: `papers/p${n}/#method`, page: `papers/p${n}/`, text: `topic${n} noise objective` });

/** The pages a shard's Pagefind index holds, from its fragments (gzipped JSON after Pagefind's signature): URL and text. */
function indexedPages(site: string, shardPath: string): { url: string; content: string }[] {
  const fragments = join(site, shardPath, "fragment");
  return readdirSync(fragments)
    .filter((file) => file.endsWith(".pf_fragment"))
    .map((file) => JSON.parse(gunzipSync(readFileSync(join(fragments, file))).subarray("pagefind_dcd".length).toString("utf8")) as { url: string; content: string })
    // Pagefind marks where it split Chinese (as it was told all text is) with zero-width spaces.
    .map(({ url, content }) => ({ url, content: content.replaceAll("\u200b", "") }))
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** What a file's copy as a script hands to search.js: its path in the site and its bytes. */
function scriptCopy(site: string, file: string): { path: string; bytes: Buffer } {
  let handed: { path: string; bytes: Buffer } | undefined;
  runInNewContext(readFileSync(join(site, `${file}.js`), "utf8"), { PapernotesPagefindFile: (path: string, base64: string) => (handed = { path, bytes: Buffer.from(base64, "base64") }) });
  return handed!;
}

describe("SearchIndexer", () => {
  it("writes the Pagefind index of the records it was given, and leaves no file of records behind", { timeout: 60_000 }, async () => {
    const indexer = new SearchIndexer();
    indexer.add([record]);
    indexer.add([{ ...record, id: "papers/b/#", page: "papers/b/", hash: "", heading: "" }]);
    const { site, records, files, placed, leftBehind } = await writeSite(indexer);
    expect(records).toBe(2);
    // Every file placed is named, the file all shards share too: the build stamps them for its record.
    expect(placed.sort()).toEqual(listFiles(site, "").map((file) => relative(site, file)).sort());
    expect(placed).toContain("search/shards.js");
    expect(files.get(0)).toContain("pagefind/pagefind.js");
    expect(indexedPages(site, "pagefind").map((page) => [page.url, page.content])).toEqual([
      ["/papers/a/", "A Paper. Method. the noise objective."],
      ["/papers/b/", "A Paper. the noise objective."],
    ]);
    expect(readFileSync(join(site, "search", "shards.js"), "utf8")).toBe("window.PapernotesSearchShards=1;\n");
    expect(readdirSync(site).sort()).toEqual(["pagefind", "search"]);
    expect(leftBehind).toEqual(["site"]);
  });

  it("gives each of Pagefind's files a copy as a classic script, for pages opened from disk", { timeout: 60_000 }, async () => {
    const indexer = new SearchIndexer();
    indexer.add([record]);
    const { site, files } = await writeSite(indexer);
    const data = files.get(0)!.filter((file) => !file.endsWith(".js"));
    expect(data).toEqual(expect.arrayContaining(["pagefind/pagefind-entry.json", expect.stringMatching(/^pagefind\/fragment\/.+\.pf_fragment$/), expect.stringMatching(/^pagefind\/index\/.+\.pf_index$/), expect.stringMatching(/^pagefind\/wasm\..+\.pagefind$/)]));
    for (const file of data) expect(scriptCopy(site, file), file).toEqual({ path: file, bytes: readFileSync(join(site, file)) });
    // Pagefind's own scripts are not copied; its module gets a classic twin.
    expect(files.get(0)!.filter((file) => /pagefind(-worker)?\.js\.js$/.test(file))).toEqual([]);
    const window: Record<string, unknown> = {};
    runInNewContext(readFileSync(join(site, "pagefind", "pagefind-classic.js"), "utf8"), { window, TextDecoder, TextEncoder });
    expect(Object.keys(window.PapernotesPagefind as object)).toEqual(expect.arrayContaining(["init", "mergeIndex", "options", "search"]));
  });

  it("shares the shards between two Pagefind processes once a core is free, and writes the same files", { timeout: 60_000 }, async () => {
    const indexer = new SearchIndexer();
    indexer.add(Array.from({ length: 300 }, (_, n) => pageRecord(n)));
    const alone = await writeSite(indexer);
    const helped = await writeSite(indexer, { helpWhen: Promise.resolve() });
    expect(helped.records).toBe(300);
    expect([...helped.files.keys()].sort()).toEqual([0, 1, 2]);
    expect(indexFiles(helped.site, helped.files)).toEqual(indexFiles(alone.site, alone.files));
    expect(helped.leftBehind).toEqual(["site"]);
  });

  it("lets one process only claim a shard", () => {
    const claims = mkdtempSync(join(tmpdir(), "papernotes-claims-"));
    expect(claimShard(claims, 2)).toBe(true);
    expect(claimShard(claims, 2)).toBe(false);
    expect(claimShard(claims, 3)).toBe(true);
  });

  it("splits a big site into shards and writes only those it is asked for", { timeout: 60_000 }, async () => {
    const indexer = new SearchIndexer();
    indexer.add(Array.from({ length: 300 }, (_, n) => pageRecord(n)));
    expect(indexer.digests()).toHaveLength(3);
    const inShard1 = Array.from({ length: 300 }, (_, n) => n).filter((n) => searchShardOf(`papers/p${n}/`, 3) === 1);
    const { site, records, files } = await writeSite(indexer, { only: [1] });
    expect(records).toBe(inShard1.length);
    expect([...files.keys()]).toEqual([1]);
    expect(readFileSync(join(site, "search", "shards.js"), "utf8")).toBe("window.PapernotesSearchShards=3;\n");
    // Shard 1 is merged into shard 0's Pagefind index by the reader: it has no script or WebAssembly of its own.
    expect(files.get(1)!.every((file) => file.startsWith("pagefind/shard-1/"))).toBe(true);
    expect(files.get(1)!.filter((file) => /\/(pagefind|pagefind-worker|pagefind-classic)\.js$|wasm/.test(file))).toEqual([]);
    expect(files.get(1)!.filter((file) => !file.endsWith(".js")).every((file) => files.get(1)!.includes(`${file}.js`))).toBe(true);
    expect(existsSync(join(site, "pagefind", "pagefind.js"))).toBe(false);
    expect(indexedPages(site, "pagefind/shard-1").map((page) => page.url)).toEqual(inShard1.map((n) => `/papers/p${n}/`).sort());
  });

  it("reads pages whose records are kept in files, with the digests the same records have in memory", { timeout: 60_000 }, async () => {
    const kept = new RenderCache(mkdtempSync(join(tmpdir(), "papernotes-search-cache-"))).storeSearchRecords("papers/a/", [record]);
    const other = { ...record, id: "papers/b/#", page: "papers/b/", text: "topic b" };
    const fromFile = new SearchIndexer();
    fromFile.addPages([kept]);
    fromFile.add([other]);
    const inMemory = new SearchIndexer();
    inMemory.add([other, record]);
    expect(fromFile.digests()).toEqual(inMemory.digests());
    const { site, records, leftBehind } = await writeSite(fromFile);
    expect(records).toBe(2);
    expect(indexedPages(site, "pagefind").map((page) => page.content)).toEqual(["A Paper. Method. the noise objective.", "A Paper. Method. topic b."]);
    expect(leftBehind).toEqual(["site"]);
    expect(existsSync(kept.file!)).toBe(true); // the cache's file stays
  });

  it("has one digest per shard, which changes only with that shard's records", () => {
    const indexerOf = (...batches: SearchDocument[][]) => {
      const indexer = new SearchIndexer();
      for (const batch of batches) indexer.add(batch);
      return indexer;
    };
    expect(indexerOf([record]).digests()).toEqual(indexerOf([record]).digests());
    expect(indexerOf([{ ...record, text: "the noise objective." }]).digests()).not.toEqual(indexerOf([record]).digests());
    const growing = indexerOf([record]);
    const before = growing.digests();
    growing.add([{ ...record, id: "papers/b/#", page: "papers/b/" }]);
    expect(growing.digests()).not.toEqual(before);

    const pages = Array.from({ length: 300 }, (_, n) => pageRecord(n));
    const edited = pages.map((doc, n) => (n === 7 ? { ...doc, text: "an edit" } : doc));
    const changed = searchShardOf("papers/p7/", 3);
    const [a, b] = [indexerOf(pages).digests(), indexerOf(edited).digests()];
    expect(a.map((digest, shard) => digest === b[shard])).toEqual([0, 1, 2].map((shard) => shard !== changed));
  });

  it("gives every shard a new digest when what indexes changes (its code, the packages)", () => {
    const pages = Array.from({ length: 300 }, (_, n) => pageRecord(n));
    const indexerOf = (indexer?: string) => {
      const searchIndexer = new SearchIndexer(indexer);
      searchIndexer.add(pages);
      return searchIndexer.digests();
    };
    expect(indexerOf()).toEqual(indexerOf());
    const [before, after] = [indexerOf("indexer-1"), indexerOf("indexer-2")];
    expect(before.map((digest, shard) => digest === after[shard])).toEqual([false, false, false]);
  });

  it("rejects, with the cause, when the indexes cannot be written", { timeout: 60_000 }, async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), "papernotes-search-")), "a-file");
    writeFileSync(blocker, "not a folder");
    const indexer = new SearchIndexer();
    indexer.add([record]);
    await expect(indexer.write(join(blocker, "out"))).rejects.toThrow(/ENOTDIR/);
  });

  it("stops at once when the build fails elsewhere: write rejects and writes no index", { timeout: 60_000 }, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "papernotes-search-")), "out");
    const indexer = new SearchIndexer();
    indexer.add([record]);
    const written = indexer.write(dir);
    await indexer.stop();
    await expect(written).rejects.toThrow(/abort/i);
    expect(existsSync(join(dir, "shard-0"))).toBe(false);
  });
});

describe("search shards", () => {
  it("number one per 125 pages, at least 1 and at most 16", () => {
    expect([0, 3, 125, 126, 1000, 10_000].map(searchShardCount)).toEqual([1, 1, 1, 2, 8, 16]);
  });

  it("hold a page in the same shard while their number stays, and share pages out evenly", () => {
    const pages = Array.from({ length: 1000 }, (_, n) => `papers/paper-${String(n).padStart(5, "0")}/`);
    const sizes = new Array(8).fill(0);
    for (const page of pages) sizes[searchShardOf(page, 8)]++;
    // Pinned, from FNV-1a worked out apart from the code: a path gets the same shard in every build, whatever other pages there are.
    expect(["papers/wuerstchen/", "papers/ddpm/", "papers/paper-00000/", "papers/paper-00001/", ""].map((page) => searchShardOf(page, 8))).toEqual([0, 1, 7, 6, 5]);
    expect(["papers/wuerstchen/", "papers/ddpm/", "papers/paper-00001/"].map((page) => searchShardOf(page, 16))).toEqual([8, 9, 14]);
    expect(Math.min(...sizes)).toBeGreaterThan(100);
    expect(Math.max(...sizes)).toBeLessThan(150);
  });
});

describe("pagefindDocument", () => {
  it("gives each section and equation a heading with its anchor, and escapes all text", () => {
    const html = pagefindDocument([
      { ...record, id: "papers/a/#", hash: "", heading: "", text: "intro <b>not markup</b>" },
      record,
      { ...record, id: "papers/a/#eq-loss", hash: "eq-loss", heading: "(1) loss", text: "loss eq:loss", kind: "equation" },
    ]);
    expect(html).toContain('<title>A Paper</title></head><body><h1 data-pagefind-meta="short[data-short]" data-short="A Paper">A Paper</h1><p>intro &lt;b&gt;not markup&lt;/b&gt;</p>');
    expect(html).toContain('<h2 id="method">Method</h2><p>the noise objective</p>');
    expect(html).toContain(`<${EQUATION_HEADING_TAG} id="eq-loss" data-pagefind-weight="10">(1) loss</${EQUATION_HEADING_TAG}><p>loss eq:loss</p>`);
  });

  it("gives Pagefind the short title as an attribute, whatever it holds", () => {
    const html = pagefindDocument([{ ...record, title: 'Q&A, "Fast": a study', short: 'Q&A, "Fast"' }]);
    expect(html).toContain('<h1 data-pagefind-meta="short[data-short]" data-short="Q&amp;A, &quot;Fast&quot;">Q&amp;A, "Fast": a study</h1><h2');
  });

  it("indexes a short name the author gave, which the title lacks, as weighty as the title", () => {
    const title = "Direct Preference Optimization Your Language Model is Secretly a Reward Model";
    const html = pagefindDocument([{ ...record, title, short: "DPO & co" }]);
    expect(html).toContain(`data-short="DPO &amp; co">${title}</h1><p data-pagefind-weight="7">DPO &amp; co</p><h2 id="method">`);
  });
});

describe("classicPagefindScript", () => {
  const run = (script: string) => {
    const window: Record<string, unknown> = { PapernotesPagefindFetch: (input: string) => `fetched ${input}` };
    runInNewContext(script, { window });
    return window.PapernotesPagefind as Record<string, (...args: unknown[]) => unknown>;
  };

  it("defines the module's exports on window, fetching through search.js, with no import.meta", () => {
    const exported = run(classicPagefindScript('const base = () => (typeof import.meta.url !== "undefined" ? "module" : "given");\nvar search = (file) => fetch(file);\nexport{base,search};'));
    expect(exported.base!()).toBe("given");
    expect(exported.search!("pagefind/pagefind-entry.json")).toBe("fetched pagefind/pagefind-entry.json");
  });

  it("refuses a module it cannot make one of, and says what to look at", () => {
    expect(() => classicPagefindScript('import { a } from "./a.js";\nexport{a};')).toThrow(/classicPagefindScript in src\/postbuild\/search-index.ts/);
    expect(() => classicPagefindScript("export default 1;")).toThrow(/ends in export\{…\}/);
  });
});
