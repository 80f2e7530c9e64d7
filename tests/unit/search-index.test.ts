// The search indexer and its child processes: records in, both indexes out,
// and a failure comes back as a rejection the build can report (not a crash).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SearchDocument } from "../../src/lib/search-documents.ts";
import { EQUATION_HEADING_TAG, pagefindDocument, SearchIndexer } from "../../src/postbuild/search-index.ts";

const record: SearchDocument = { id: "papers/a/#method", page: "papers/a/", hash: "method", title: "A Paper", heading: "Method", text: "the noise objective", kind: "section", lang: "en" };

describe("SearchIndexer", () => {
  it("writes the Pagefind and offline indexes of the records it was given", { timeout: 60_000 }, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "papernotes-search-")), "out");
    const indexer = new SearchIndexer();
    indexer.add([record]);
    indexer.add([{ ...record, id: "papers/b/#", page: "papers/b/", hash: "", heading: "" }]);
    expect(await indexer.write(dir)).toBe(2);
    expect(existsSync(join(dir, "pagefind", "pagefind.js"))).toBe(true);
    expect(readFileSync(join(dir, "search", "offline-index.js"), "utf8")).toMatch(/^window\.PapernotesOfflineIndex=.*noise objective/);
  });

  it("writes both at once when asked, and leaves no file of records behind", { timeout: 60_000 }, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "papernotes-search-")), "out");
    const indexer = new SearchIndexer();
    indexer.add([record]);
    expect(await indexer.write(dir, { atOnce: true })).toBe(1);
    expect(existsSync(join(dir, "pagefind", "pagefind.js"))).toBe(true);
    expect(existsSync(join(dir, "search", "offline-index.js"))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["pagefind", "search", "vendor"]);
  });

  it("has one digest for the same records, and another once they change", () => {
    const indexerOf = (...batches: SearchDocument[][]) => {
      const indexer = new SearchIndexer();
      for (const batch of batches) indexer.add(batch);
      return indexer;
    };
    expect(indexerOf([record]).digest()).toBe(indexerOf([record]).digest());
    expect(indexerOf([{ ...record, text: "the noise objective." }]).digest()).not.toBe(indexerOf([record]).digest());
    const growing = indexerOf([record]);
    const before = growing.digest();
    growing.add([{ ...record, id: "papers/b/#", page: "papers/b/" }]);
    expect(growing.digest()).not.toBe(before);
  });

  it("rejects, with the cause, when the indexes cannot be written", { timeout: 60_000 }, async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), "papernotes-search-")), "a-file");
    writeFileSync(blocker, "not a folder");
    const indexer = new SearchIndexer();
    indexer.add([record]);
    await expect(indexer.write(join(blocker, "out"))).rejects.toThrow(/ENOTDIR/);
  });

  it("stops at once when the build fails elsewhere: write rejects and writes nothing", { timeout: 60_000 }, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "papernotes-search-")), "out");
    const indexer = new SearchIndexer();
    indexer.add([record]);
    const written = indexer.write(dir);
    await indexer.stop();
    await expect(written).rejects.toThrow(/abort/i);
    expect(existsSync(join(dir, "pagefind"))).toBe(false);
  });
});

describe("pagefindDocument", () => {
  it("gives each section and equation a heading with its anchor, and escapes all text", () => {
    const html = pagefindDocument([
      { ...record, id: "papers/a/#", hash: "", heading: "", text: "intro <b>not markup</b>" },
      record,
      { ...record, id: "papers/a/#eq-loss", hash: "eq-loss", heading: "(1) loss", text: "loss eq:loss", kind: "equation" },
    ]);
    expect(html).toContain("<title>A Paper</title></head><body><h1>A Paper</h1><p>intro &lt;b&gt;not markup&lt;/b&gt;</p>");
    expect(html).toContain('<h2 id="method">Method</h2><p>the noise objective</p>');
    expect(html).toContain(`<${EQUATION_HEADING_TAG} id="eq-loss" data-pagefind-weight="10">(1) loss</${EQUATION_HEADING_TAG}><p>loss eq:loss</p>`);
  });
});
