// The build cache of the content pass: a rebuild re-renders only the papers
// whose bytes changed and those whose notes read a paper whose index entry
// changed, and a cached paper is never trusted past a change that breaks it.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkContent, indexable, readPapers, renderPapers, type ContentProblem } from "../../src/lib/content-check.ts";
import { displayPath } from "../../src/lib/content-check-results.ts";
import { listPaperFiles } from "../../src/lib/paper-files.ts";
import { cacheFilesInUse, renderCacheFor } from "../../src/lib/render-cache.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { cacheDirFor, publicDir } from "../../src/site.config.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const target = (extra = "") => `${frontmatter({ title: '"Target: A Paper"' })}
## Method
${extra}
$$
a = b \\label{eq:loss}
$$
`;
const citing = `${frontmatter()}
## Notes

The loss $\\eqref{target/eq:loss}$ matters.
`;

const { papersDir } = writePapers({ target: target(), citing });
afterAll(() => rmSync(cacheDirFor(papersDir), { recursive: true, force: true }));

const build = () => checkContent(papersDir, "/", { render: true, cache: true });
const entryDir = join(cacheDirFor(papersDir), "papernotes-render");
/** Each cache entry's inode: a re-rendered paper's entry is replaced, so its inode changes. */
const entries = () => Object.fromEntries(readdirSync(entryDir).filter((name) => name.endsWith(".bin")).map((name) => [name, statSync(join(entryDir, name)).ino]));
const htmlOf = async (slug: string) => paperHtml((await build()).rendered.get(slug)!);

describe("render cache", () => {
  it("renders every paper once, then reuses each, with the same output", async () => {
    const first = await build();
    expect(first.problems).toEqual([]);
    const stored = entries();
    expect(Object.keys(stored).sort()).toEqual(["citing.bin", "target.bin"]);
    const again = await build();
    expect(entries()).toEqual(stored);
    expect([...again.rendered.values()].map(paperHtml)).toEqual([...first.rendered.values()].map(paperHtml));
    // Search records are kept in files of their own, read only when indexed.
    expect(again.search).toEqual(first.search);
    expect(first.search.map((page) => page.page)).toEqual(["papers/citing/", "papers/target/"]);
    for (const page of first.search) expect(page.documents === undefined && existsSync(page.file!)).toBe(true);
    expect(again.formulas).toBe(first.formulas);
  });

  it("re-renders only the paper whose text changed", async () => {
    const before = entries();
    writeFileSync(join(papersDir, "citing.mdx"), citing + "\nOne more sentence.\n");
    expect(await htmlOf("citing")).toContain("One more sentence.");
    const after = entries();
    expect(after["citing.bin"]).not.toBe(before["citing.bin"]);
    expect(after["target.bin"]).toBe(before["target.bin"]);
  });

  it("re-renders a paper whose bytes are the same when a paper it cites is renumbered", async () => {
    expect(await htmlOf("citing")).toMatch(/Target\u00a0\(1\)/);
    writeFileSync(join(papersDir, "target.mdx"), target("\n$$\nx = 1\n$$\n"));
    expect(await htmlOf("citing")).toMatch(/Target\u00a0\(2\)/);
  });

  it("reports a cached paper's reference that a change elsewhere left dangling", async () => {
    writeFileSync(join(papersDir, "target.mdx"), target().replace("\\label{eq:loss}", "\\label{eq:renamed}"));
    const result = await build();
    expect(result.problems.map((p) => `${p.file.replace(/^.*\//, "")}:${p.line}: ${p.reason}`)).toEqual([
      expect.stringMatching(/^citing\.mdx:11: \\eqref\{target\/eq:loss\}: paper "target" has no equation/),
    ]);
  });
});

describe("a note renamed between .md and .mdx, its bytes the same", () => {
  // Raw HTML in .md, JSX in .mdx: the same bytes read by another parser. The cache once served the .md render (and its warning, naming the old file) to the .mdx note.
  const note = `${frontmatter()}\n<details>\n<summary>Why $\\beta$ matters</summary>\n\nText.\n\n</details>\n`;
  const { papersDir: dir } = writePapers({ renamed: note });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));
  const check = () => checkContent(dir, "/", { render: true, cache: true });

  it("is read again under its new name", async () => {
    // As .mdx, <details> is JSX: Astro's MDX renders the note.
    const asMdx = await check();
    expect([asMdx.warnings, [...asMdx.mdxSlugs], [...asMdx.rendered.keys()]]).toEqual([[], ["renamed"], []]);
    renameSync(join(dir, "renamed.mdx"), join(dir, "renamed.md"));
    const asMd = await check();
    expect(asMd.warnings.map((w) => w.file.replace(/^.*\//, ""))).toEqual(["renamed.md"]);
    expect(paperHtml(asMd.rendered.get("renamed")!)).toContain("<summary>Why $\\beta$ matters</summary>");
    renameSync(join(dir, "renamed.md"), join(dir, "renamed.mdx"));
    const back = await check();
    expect([back.warnings, [...back.mdxSlugs], [...back.rendered.keys()]]).toEqual([[], ["renamed"], []]);
  });
});

describe("the papers a note reads", () => {
  const unrelated = `${frontmatter({ title: '"Unrelated"' })}
## Notes

Nothing here cites another paper.
`;
  const { papersDir: dir } = writePapers({ target: target(), citing, unrelated });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));
  const check = () => checkContent(dir, "/", { render: true, cache: true });
  const inodes = () => Object.fromEntries(["target", "citing", "unrelated"].map((slug) => [slug, statSync(join(cacheDirFor(dir), "papernotes-render", `${slug}.bin`)).ino]));

  it("renders again only the notes that read a paper whose entry changed", async () => {
    expect((await check()).problems).toEqual([]);
    const before = inodes();
    // A new equation before the cited one renumbers it: the citing note shows the new number; the unrelated note is kept.
    writeFileSync(join(dir, "target.mdx"), target("\n$$\nx = 1\n$$\n"));
    const result = await check();
    expect(paperHtml(result.rendered.get("citing")!)).toMatch(/Target\u00a0\(2\)/);
    const after = inodes();
    expect(after.target).not.toBe(before.target);
    expect(after.citing).not.toBe(before.citing);
    expect(after.unrelated).toBe(before.unrelated);
    // A new title (the citing note shows the short title) likewise.
    writeFileSync(join(dir, "target.mdx"), target("\n$$\nx = 1\n$$\n").replace('"Target: A Paper"', '"Renamed: A Paper"'));
    expect(paperHtml((await check()).rendered.get("citing")!)).toMatch(/Renamed\u00a0\(2\)/);
    expect(inodes().unrelated).toBe(before.unrelated);
    // And a short name, which the citing note shows instead.
    writeFileSync(join(dir, "target.mdx"), target("\n$$\nx = 1\n$$\n").replace('"Target: A Paper"\n', '"Target: A Paper"\nshort: "TAP"\n'));
    expect(paperHtml((await check()).rendered.get("citing")!)).toMatch(/TAP\u00a0\(2\)/);
    expect(inodes().unrelated).toBe(before.unrelated);
  });

  it("reports a cached note's reference once the paper it cites is gone", async () => {
    expect((await check()).problems).toEqual([]);
    rmSync(join(dir, "target.mdx"));
    const result = await check();
    expect(result.problems.map((p) => `${p.file.replace(/^.*\//, "")}:${p.line}: ${p.reason}`)).toEqual([expect.stringMatching(/^citing\.mdx:11: \\eqref\{target\/eq:loss\}: there is no paper "target"/)]);
  });
});

describe("built notes (asBuilt, as npm run build renders them)", () => {
  const { papersDir: dir } = writePapers({ target: target(), citing });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));
  const buildAsBuilt = () => checkContent(dir, "/", { render: true, asBuilt: true, cache: true });
  const noteOf = async (slug: string) => (await buildAsBuilt()).rendered.get(slug)!;

  it("keeps each note in a file of the cache, with URLs relative to its page, and no HTML in memory", async () => {
    const note = await noteOf("citing");
    expect(note.htmlBytes).toBeUndefined();
    expect(note.builtNote!.file.startsWith(join(cacheDirFor(dir), "papernotes-render", "notes"))).toBe(true);
    const html = readFileSync(note.builtNote!.file, "utf8");
    expect(html).toContain('href="../target/index.html#eq-loss"');
    expect(html).not.toContain('href="/papers/');
    expect(note.builtNote!.scan.urls.map((u) => u.url)).toContain("../target/index.html#eq-loss");
  });

  it("reuses the file while the note is unchanged, and renders again if the file is gone", async () => {
    const first = (await noteOf("citing")).builtNote!.file;
    const inode = statSync(first).ino;
    expect((await noteOf("citing")).builtNote!.file).toBe(first);
    expect(statSync(first).ino).toBe(inode);
    rmSync(first);
    expect((await noteOf("citing")).builtNote!.file).toBe(first);
    expect(existsSync(first)).toBe(true);
  });

  it("names an edited note's files anew, and the old files go once no paper uses them", async () => {
    const searchOf = (result: Awaited<ReturnType<typeof buildAsBuilt>>) => result.search.find((page) => page.page === "papers/citing/")!.file!;
    const before = await buildAsBuilt();
    const old = [before.rendered.get("citing")!.builtNote!.file, searchOf(before)];
    writeFileSync(join(dir, "citing.mdx"), citing + "\nAn edit.\n");
    const result = await buildAsBuilt();
    const inUse = cacheFilesInUse(result.rendered.values(), result.search);
    for (const file of old) expect(!inUse.has(file) && existsSync(file)).toBe(true);
    renderCacheFor(dir).removeFilesExcept(inUse, result.index.keys());
    for (const file of old) expect(existsSync(file)).toBe(false);
    for (const file of inUse) expect(existsSync(file)).toBe(true);
  });

  it("keeps a note's highlighted code blocks, as Shiki made them, until no note uses them", async () => {
    const block = "\n```python\ndef loss(x):\n    return x ** 2\n```\n";
    writeFileSync(join(dir, "citing.mdx"), citing + block);
    const kept = (await noteOf("citing")).highlightedBlocks!;
    expect(kept).toHaveLength(1);
    expect(existsSync(kept[0]!)).toBe(true);
    // An edit elsewhere in the note: the block comes from the cache, and the note is as a fresh render makes it.
    writeFileSync(join(dir, "citing.mdx"), citing + block + "\nAn edit after the code.\n");
    const edited = await noteOf("citing");
    expect(edited.highlightedBlocks).toEqual(kept);
    const { papersDir: fresh } = writePapers({ target: target(), citing: citing + block + "\nAn edit after the code.\n" });
    const freshNote = (await checkContent(fresh, "/", { render: true, asBuilt: true, cache: true })).rendered.get("citing")!;
    expect(readFileSync(edited.builtNote!.file, "utf8")).toContain('class="astro-code');
    expect(readFileSync(edited.builtNote!.file, "utf8")).toBe(readFileSync(freshNote.builtNote!.file, "utf8"));
    rmSync(cacheDirFor(fresh), { recursive: true, force: true });
    // Without the block, nothing uses its file: it goes with the build's clean-up.
    writeFileSync(join(dir, "citing.mdx"), citing);
    const result = await buildAsBuilt();
    expect(result.rendered.get("citing")!.highlightedBlocks).toBeUndefined();
    renderCacheFor(dir).removeFilesExcept(cacheFilesInUse(result.rendered.values(), result.search), result.index.keys());
    expect(existsSync(kept[0]!)).toBe(false);
  });

  it("removes a deleted or renamed note's entry, and keeps the others'", async () => {
    writeFileSync(join(dir, "renamed.mdx"), citing);
    await buildAsBuilt();
    const entryOf = (slug: string) => join(cacheDirFor(dir), "papernotes-render", `${slug}.bin`);
    expect(existsSync(entryOf("renamed"))).toBe(true);
    renameSync(join(dir, "renamed.mdx"), join(dir, "renamed-again.mdx"));
    const result = await buildAsBuilt();
    renderCacheFor(dir).removeFilesExcept(cacheFilesInUse(result.rendered.values(), result.search), result.index.keys());
    expect(existsSync(entryOf("renamed"))).toBe(false);
    for (const slug of ["renamed-again", "citing", "target"]) expect(existsSync(entryOf(slug)), slug).toBe(true);
    rmSync(join(dir, "renamed-again.mdx"));
  });

  it("renders a paper again if its search records' file is gone", async () => {
    const file = (await buildAsBuilt()).search[0]!.file!;
    rmSync(file);
    expect((await buildAsBuilt()).search[0]!.file).toBe(file);
    expect(existsSync(file)).toBe(true);
  });

  it("is refused without the cache, which holds the notes", async () => {
    await expect(checkContent(dir, "/", { render: true, asBuilt: true })).rejects.toThrow(/needs `cache`/);
  });
});

describe("npm run check (a check that renders nothing) after a build", () => {
  const { papersDir: dir } = writePapers({ target: target(), citing });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));
  const cacheDir = join(cacheDirFor(dir), "papernotes-render");
  /** Every file of the build cache, with its inode and size. */
  const files = () => Object.fromEntries(readdirSync(cacheDir, { recursive: true, encoding: "utf8" }).map((name) => [name, `${statSync(join(cacheDir, name)).ino}:${statSync(join(cacheDir, name)).size}`]));

  it("takes an unchanged note's warnings from the build's entry, checks a changed one, and writes nothing", async () => {
    expect((await checkContent(dir, "/", { render: true, asBuilt: true, cache: true })).problems).toEqual([]);
    // A warning only the entry holds: found, the entry was used, and the note not checked again.
    const entryFile = join(cacheDir, "citing.bin");
    const entry = deserialize(readFileSync(entryFile)) as { warnings: { file: string; line: number; column: number; reason: string }[] };
    entry.warnings.push({ file: "citing.mdx", line: 1, column: 1, reason: "kept in the build's entry" });
    writeFileSync(entryFile, serialize(entry));
    const built = files();
    const check = () => checkContent(dir, "/", { cache: true });
    expect((await check()).warnings.map((w) => w.reason)).toEqual(["kept in the build's entry"]);
    // A new reference to a label no paper has: the changed note is checked, against the others' entries.
    writeFileSync(join(dir, "citing.mdx"), citing + "\nAnd $\\eqref{target/eq:none}$.\n");
    const result = await check();
    expect(result.warnings).toEqual([]);
    expect(result.problems.map((p) => `${p.file.replace(/^.*\//, "")}: ${p.reason}`)).toEqual([expect.stringMatching(/^citing\.mdx: \\eqref\{target\/eq:none\}: paper "target" has no equation/)]);
    expect(files()).toEqual(built);
  });
});

describe("the dev server's cache", () => {
  const { papersDir: dir } = writePapers({ target: target(), citing });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));
  const devCheck = () => checkContent(dir, "/", { render: true, previewDrafts: true, cache: "dev" });
  const entryOf = (folder: string, slug: string) => join(cacheDirFor(dir), folder, `${slug}.bin`);

  it("is a folder of its own, renders only what a save changed, and gives the same notes as a fresh check", async () => {
    const first = await devCheck();
    expect(first.problems).toEqual([]);
    expect(existsSync(entryOf("papernotes-render", "citing"))).toBe(false); // the build's entries hold notes as built
    const inode = (slug: string) => statSync(entryOf("papernotes-render-dev", slug)).ino;
    const [target1, citing1] = [inode("target"), inode("citing")];
    writeFileSync(join(dir, "citing.mdx"), citing + "\nA saved sentence.\n");
    const saved = await devCheck();
    expect([inode("target") === target1, inode("citing") === citing1]).toEqual([true, false]);
    const fresh = await checkContent(dir, "/", { render: true, previewDrafts: true });
    expect([...saved.rendered.values()].map(paperHtml)).toEqual([...fresh.rendered.values()].map(paperHtml));
    expect(paperHtml(saved.rendered.get("citing")!)).toContain("A saved sentence.");
  });
});

describe("files of public/ a note shows or links to", () => {
  // publicDir is the project's public/: the figure is a file of its own there, removed after.
  const name = `render-cache-test-${process.pid}`;
  const figure = join(publicDir, "figures", `${name}.svg`);
  const svg = (width: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="10"></svg>`;
  beforeAll(() => writeFileSync(figure, svg(10)));
  const note = `${frontmatter()}
## Figure

![The model](/figures/${name}.svg)

The [same file](/figures/${name}.svg), linked.
`;
  const { papersDir: dir } = writePapers({ figured: note });
  afterAll(() => {
    rmSync(figure, { force: true });
    rmSync(cacheDirFor(dir), { recursive: true, force: true });
  });
  const reasons = (result: { problems: { reason: string }[] }) => result.problems.map((problem) => problem.reason);

  it("are read again by a cached note: a figure resized shows at its new size, and one removed is reported", async () => {
    for (const cache of [true, "dev"] as const) {
      writeFileSync(figure, svg(10));
      const check = () => checkContent(dir, "/", { render: true, cache });
      expect(paperHtml((await check()).rendered.get("figured")!)).toContain('width="10" height="10"');
      writeFileSync(figure, svg(200));
      expect(paperHtml((await check()).rendered.get("figured")!)).toContain('width="200" height="10"');
      rmSync(figure);
      expect(reasons(await check())).toEqual([`image /figures/${name}.svg: there is no file public/figures/${name}.svg`, `link /figures/${name}.svg: the site has no page or file there (under public/); a paper is /papers/<slug>/`]);
    }
  });

  it("are read again by npm run check, which takes the build's entries", async () => {
    writeFileSync(figure, svg(10));
    expect((await checkContent(dir, "/", { render: true, asBuilt: true, cache: true })).problems).toEqual([]);
    rmSync(figure);
    expect(reasons(await checkContent(dir, "/", { cache: true }))).toHaveLength(2);
  });
});

describe("code changed while the dev server runs", () => {
  const { papersDir: dir } = writePapers({ target: target(), citing });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));
  const devDir = join(cacheDirFor(dir), "papernotes-render-dev");

  it("is not kept under the digest of the code the server started with", async () => {
    // The server's first check takes the digest; with every note cached, the pipeline is not loaded.
    // It loads at the first save after an edit of src/: that code's output is not the digest's.
    await checkContent(dir, "/", { render: true, cache: "dev" });
    vi.resetModules();
    const server = { check: await import("../../src/lib/content-check.ts"), cache: await import("../../src/lib/render-cache.ts") };
    expect((await server.check.checkContent(dir, "/", { render: true, cache: "dev" })).problems).toEqual([]);
    server.cache.pipelineLoaded("the digest of src/ as edited");
    const saved = `${citing}\n\`\`\`python\nprint("saved after the edit")\n\`\`\`\n`;
    writeFileSync(join(dir, "citing.mdx"), saved);
    const entry = statSync(join(devDir, "citing.bin"));
    const result = await server.check.checkContent(dir, "/", { render: true, cache: "dev" });
    expect(paperHtml(result.rendered.get("citing")!)).toContain("saved after the edit");
    expect(statSync(join(devDir, "citing.bin")).mtimeMs).toBe(entry.mtimeMs);
    expect(existsSync(join(devDir, "highlighted"))).toBe(false);
  });
});

describe("a note saved while a check renders it", () => {
  const { papersDir: dir } = writePapers({ target: target(), citing });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));

  it("is not kept under the bytes the check read first", async () => {
    await checkContent(dir, "/", { render: true, cache: "dev" });
    // The cited paper renumbered: the citing note's entry no longer fits, and the check reads the note again to render it.
    writeFileSync(join(dir, "target.mdx"), target("$$\nc = d\n$$\n"));
    const cache = renderCacheFor(dir, "dev");
    const papers = await readPapers(listPaperFiles(dir), [], cache);
    writeFileSync(join(dir, "citing.mdx"), citing + "\nSaved during the check.\n");
    await renderPapers(papers, new Map(indexable(papers).map((paper) => [paper.slug, paper])), "/", { render: true, cache });
    // Undone: the note's first bytes again, which must not show the other version.
    writeFileSync(join(dir, "citing.mdx"), citing);
    const undone = await checkContent(dir, "/", { render: true, cache: "dev" });
    expect(paperHtml(undone.rendered.get("citing")!)).not.toContain("Saved during the check.");
  });
});

describe("a note deleted while a check reads it", () => {
  const { papersDir: dir } = writePapers({ target: target(), citing, other: citing });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));

  it("is left out if it was gone before its first read, and named if it went before the check read it again", async () => {
    await checkContent(dir, "/", { render: true, cache: "dev" });
    // The cited paper renumbered: the citing notes' entries no longer fit, and the check reads them again to render them.
    writeFileSync(join(dir, "target.mdx"), target("$$\nc = d\n$$\n"));
    const cache = renderCacheFor(dir, "dev");
    const problems: ContentProblem[] = [];
    const listed = listPaperFiles(dir);
    rmSync(join(dir, "other.mdx"));
    const papers = await readPapers(listed, problems, cache);
    expect(problems).toEqual([]);
    expect(papers.map((paper) => paper.indexed.slug).sort()).toEqual(["citing", "target"]);
    rmSync(join(dir, "citing.mdx"));
    const pass = await renderPapers(papers, new Map(indexable(papers).map((paper) => [paper.slug, paper])), "/", { render: true, cache });
    expect(pass.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.reason}`)).toEqual([`${displayPath(join(dir, "citing.mdx"))}:1: the note was deleted while the check was reading it`]);
  });
});

describe("likely misses, for choosing how to check", () => {
  const { papersDir: dir } = writePapers({ target: target(), citing });
  afterAll(() => rmSync(cacheDirFor(dir), { recursive: true, force: true }));
  const paths = ["target", "citing"].map((slug) => join(dir, `${slug}.mdx`));
  const cache = renderCacheFor(dir);

  it("counts every paper until this pipeline has filled the cache, then only papers newer than their entries", async () => {
    expect(cache.likelyMisses(paths)).toBe(2);
    expect((await checkContent(dir, "/", { render: true, cache: true })).problems).toEqual([]);
    expect(cache.likelyMisses(paths)).toBe(2); // entries, but no mark of the pipeline that wrote them
    cache.markFilled();
    expect(cache.likelyMisses(paths)).toBe(0);
    const later = new Date(Date.now() + 60_000);
    utimesSync(paths[1]!, later, later);
    expect(cache.likelyMisses(paths)).toBe(1);
    rmSync(join(cacheDirFor(dir), "papernotes-render", "target.bin"));
    expect(cache.likelyMisses(paths)).toBe(2);
  });
});
