// `npm run build` after editing a note: it reuses the last build's pages
// instead of running Astro, and the site is the same, byte for byte, as a full
// build of the same content. The search indexes are kept while their records
// are the same. Anything else that changed builds in full.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { searchShardOf } from "../../src/postbuild/search-index.ts";
import { oldSitesLeft, stagingFor } from "../../src/postbuild/site-swap.ts";
import { cacheDirFor } from "../../src/site.config.ts";
import { launchChromium } from "../support/browser.ts";
import { runBuild } from "../support/build.ts";
import { serveStatic } from "../support/serve.ts";

const content = mkdtempSync(join(tmpdir(), "papernotes-rebuild-"));
cpSync(resolve("content"), content, { recursive: true });
const paper = join(content, "papers/wuerstchen.mdx");
const outDirs = mkdtempSync(join(tmpdir(), "papernotes-rebuild-out-"));
const out = join(outDirs, "dist");
afterAll(() => {
  for (const dir of [content, outDirs, cacheDirFor(join(content, "papers"))]) rmSync(dir, { recursive: true, force: true });
});

const build = (dir = out, from = content) => {
  const run = runBuild(dir, { PAPERNOTES_CONTENT: from });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
};

/** Every file of a site, by path, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const names = readdirSync(dir, { recursive: true }).map(String).sort();
  return new Map(names.filter((name) => statSync(join(dir, name)).isFile()).map((name) => [name, readFileSync(join(dir, name))]));
}

/** The rebuilt site in `out` is a full build's of the same content, byte for byte. */
function expectSameAsFullBuild(): void {
  const full = join(outDirs, "full");
  expect(build(full)).toMatch(/Astro built the pages/);
  const reused = files(out);
  const expected = files(full);
  expect([...reused.keys()]).toEqual([...expected.keys()]);
  for (const [name, bytes] of expected) expect(reused.get(name)!.equals(bytes), name).toBe(true);
  rmSync(full, { recursive: true, force: true });
}

describe("a rebuild after editing a note", () => {
  it("reuses the pages, and gives the site a full build gives", () => {
    expect(build()).toMatch(/Astro built the pages/);
    writeFileSync(paper, readFileSync(paper, "utf8") + "\nA sentence added after the first build.\n");
    const rebuilt = build();
    expect(rebuilt).toMatch(/reused the last build's pages, with 1 changed note$/m);
    expect(rebuilt).not.toMatch(/Astro built the pages/);
    expect(readFileSync(join(out, "papers/wuerstchen/index.html"), "utf8")).toContain("A sentence added after the first build.");
    // An inline formula too: no page shows the count of formulas (it laid out every page anew).
    writeFileSync(paper, readFileSync(paper, "utf8") + "\nAnd one with a formula, $x_1 + y$.\n");
    expect(build()).toMatch(/reused the last build's pages, with 1 changed note$/m);

    expectSameAsFullBuild();
  });

  it("keeps the search indexes too while their records are the same", () => {
    expect(build()).toMatch(/Astro built the pages/); // the last build went to another folder
    const before = files(out);
    expect(build()).toMatch(/reused the last build's pages and search indexes, with 0 changed notes$/m);
    expect(files(out)).toEqual(before);

    // Emphasis changes the page, not the words that search reads.
    writeFileSync(paper, readFileSync(paper, "utf8").replace("A sentence added after", "A sentence *added* after"));
    expect(build()).toMatch(/reused the last build's pages and search indexes, with 1 changed note$/m);
    expect(readFileSync(join(out, "papers/wuerstchen/index.html"), "utf8")).toContain("A sentence <em>added</em> after");
    const pagefind = [...before.keys()].filter((name) => name.startsWith("pagefind/"));
    expect(pagefind.length).toBeGreaterThan(0);
    for (const name of pagefind) expect(readFileSync(join(out, name)).equals(before.get(name)!), name).toBe(true);
  });

  it("builds in full when what pages show besides the note changed", () => {
    const text = readFileSync(paper, "utf8");
    writeFileSync(paper, text.replace(/^title: .*$/m, 'title: "Würstchen, renamed"'));
    const rebuilt = build();
    expect(rebuilt).toMatch(/Astro built the pages/);
    // The writer hears why this rebuild takes Astro's full time.
    expect(rebuilt).toMatch(/laying out every page anew: what pages show besides the notes changed \(a title, /);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Würstchen, renamed");
  });

  it("lays out every page anew when a paper's short name changes, and the notes that cite it name it so, as a full build does", () => {
    // DesignEdit's note cites Würstchen's equation; only Würstchen's note changes.
    const reference = () => /data-tex="\\eqref\{wuerstchen\/eq:forward-diffusion\}">([^<]*)<\/a>/.exec(readFileSync(join(out, "papers/designedit/index.html"), "utf8"))?.[1];
    build();
    expect(reference()).toMatch(/^Würstchen.*\u00a0\(\d+\)$/);
    writeFileSync(paper, readFileSync(paper, "utf8").replace(/^title: .*$/m, (title) => `${title}\nshort: "Würstchen v1"`));
    const rebuilt = build();
    expect(rebuilt).toMatch(/laying out every page anew: what pages show besides the notes changed \(a title, short name, /);
    expect(reference()).toMatch(/^Würstchen v1\u00a0\(\d+\)$/);

    expectSameAsFullBuild();
    build(); // the last build is of `out` again, as the next test expects
  });

  it("lays out every page anew for a kind of formula no note had, whose KaTeX rules every page with math needs, and reuses the pages for another of a kind", () => {
    build();
    // A formula of a kind the notes have.
    writeFileSync(paper, readFileSync(paper, "utf8").replace("$\\tilde X_t$", "$\\tilde Y_t$"));
    expect(build()).toMatch(/reused the last build's pages/);
    writeFileSync(paper, readFileSync(paper, "utf8").replace("$\\tilde Y_t$", "$\\boxed{Y_t}$"));
    const rebuilt = build();
    expect(rebuilt).toMatch(/laying out every page anew: .*a kind of formula no note had/);
    const page = (site: string, path: string) => readFileSync(join(site, path), "utf8");
    for (const path of ["papers/wuerstchen/index.html", "papers/designedit/index.html"]) expect(page(out, path)).toContain(".katex .boxpad{");

    const full = join(outDirs, "full");
    build(full);
    for (const path of ["papers/wuerstchen/index.html", "papers/designedit/index.html", "formulas/index.html"]) expect(page(out, path)).toBe(page(full, path));
    rmSync(full, { recursive: true, force: true });
    build(); // the last build is of `out` again, as the next test expects
  });

  it("builds in full when the site was changed since", () => {
    rmSync(join(out, "tags/index.html"));
    const rebuilt = build();
    expect(rebuilt).toMatch(/Astro built the pages/);
    expect(rebuilt).toMatch(/laying out every page anew: files in .* were changed since the last build/);
    expect(statSync(join(out, "tags/index.html")).isFile()).toBe(true);
  });

  it("builds in full while a note uses MDX, and says which note and why; counts a draft apart", () => {
    const withJsx = join(content, "papers/with-jsx.mdx");
    const draft = join(content, "papers/wip.mdx");
    const head = (title: string, more = "") => `---\ntitle: "${title}"\nauthors: ["A B"]\ndate: 2024-05-01\nlang: en\nsummary: "S."\n${more}---\n\n`;
    writeFileSync(withJsx, head("With JSX") + 'See <a href="/papers/wuerstchen/">the note</a>.\n');
    writeFileSync(draft, head("Draft", "draft: true\n") + "Not yet.\n");
    try {
      expect(build()).toMatch(/Astro built the pages/);
      const again = build();
      expect(again).toMatch(/Astro built the pages/);
      expect(again).toMatch(/^built 4 papers \(\d+ pages, \d+ formulas; 1 draft left out\)/m);
      expect(again).toMatch(/^note: with-jsx\.mdx uses MDX \(imports, JSX tags or \{expressions\}\), so every build lays out every page anew/m);
    } finally {
      rmSync(withJsx);
      rmSync(draft);
    }
  });
});

describe("a site whose every note uses MDX", () => {
  it("builds without Astro's warnings about an empty collection, and lists a heading with math, rendered, in the contents", () => {
    const mdxOnly = mkdtempSync(join(tmpdir(), "papernotes-mdx-only-"));
    const dir = join(mkdtempSync(join(tmpdir(), "papernotes-mdx-only-out-")), "dist");
    onTestFinished(() => {
      for (const folder of [mdxOnly, dir, cacheDirFor(join(mdxOnly, "papers"))]) rmSync(folder, { recursive: true, force: true });
    });
    mkdirSync(join(mdxOnly, "papers"));
    const sections = ["## The $\\mathbb{E}$ operator", "## Norms", "## Results"].map((heading) => `${heading}\n\nText with <span>JSX</span>.\n`).join("\n");
    writeFileSync(join(mdxOnly, "papers/only.mdx"), `---\ntitle: "Only"\nauthors: ["A B"]\ndate: 2024-05-01\nlang: en\nsummary: "S."\n---\n\n${sections}`);
    const stdout = build(dir, mdxOnly);
    expect(stdout).not.toMatch(/WARN|does not exist or is empty/);
    const contents = /<nav class="toc toc-sidebar"[\s\S]*?<\/nav>/.exec(readFileSync(join(dir, "papers/only/index.html"), "utf8"))![0];
    expect(contents).toMatch(/<a href="#the-e-operator">The <span class="katex">[\s\S]*class="mord mathbb">E<[\s\S]* operator<\/a>/);
  });
});

describe("a rebuild of a site with several search shards", () => {
  // 260 papers: three shards of the search indexes (one per 125 pages).
  const corpus = mkdtempSync(join(tmpdir(), "papernotes-rebuild-shards-"));
  const made = spawnSync(process.execPath, [resolve("../shared/bench/make-corpus.mjs"), "--papers", "260", "--out", corpus], { encoding: "utf8" });
  const site = join(corpus, "dist");
  afterAll(() => {
    for (const dir of [corpus, cacheDirFor(join(corpus, "papers"))]) rmSync(dir, { recursive: true, force: true });
  });

  it("indexes only the shard of the edited note, and readers find the edit hosted and from disk", { timeout: 300_000 }, async () => {
    expect(made.status, made.stderr).toBe(0);
    expect(build(site, corpus)).toMatch(/indexed [\d,]+ sections and equations for search\n/);
    // Not in shard 0, the one search.js loads first: readers must merge the others in.
    expect(searchShardOf("papers/paper-00007/", 3)).toBe(2);
    const edited = join(corpus, "papers/paper-00007.mdx");
    writeFileSync(edited, readFileSync(edited, "utf8") + "\nA zymurgical aside, added after the first build.\n");
    const rebuilt = build(site, corpus);
    expect(rebuilt).toMatch(/reused the last build's pages and 2 of 3 search shards, with 1 changed note$/m);
    expect(rebuilt).toMatch(/indexed [\d,]+ sections and equations for search \(1 of 3 shards\)/);

    const full = join(corpus, "full");
    expect(build(full, corpus)).toMatch(/Astro built the pages/);
    const [reused, expected] = [files(site), files(full)];
    expect([...reused.keys()]).toEqual([...expected.keys()]);
    for (const [name, bytes] of expected) expect(reused.get(name)!.equals(bytes), name).toBe(true);

    const browser = await launchChromium();
    const served = await serveStatic(site);
    try {
      for (const home of [served.url, pathToFileURL(join(site, "index.html")).href]) {
        const page = await browser.newPage();
        await page.goto(home);
        await page.locator("#site-search-input").focus();
        await page.waitForFunction(() => "PapernotesSearch" in window);
        const hrefs = await page.evaluate(async () => {
          const search = (window as unknown as { PapernotesSearch: { search: (q: string) => Promise<{ href: string }[]> } }).PapernotesSearch.search;
          return (await search("zymurgical")).map((result) => result.href);
        });
        expect(hrefs, home).toHaveLength(1);
        expect(hrefs[0], home).toMatch(/papers\/paper-00007\//);
        await page.close();
      }
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it("keeps every shard whose records are the same when Astro lays out the pages anew", { timeout: 300_000 }, () => {
    build(site, corpus); // the last build went to another folder
    const entry = statSync(join(site, "pagefind/pagefind-entry.json")).ino;
    const fromDisk = statSync(join(site, "pagefind/shard-2/pagefind-entry.json.js")).ino;
    // A new date changes the lists, not what search reads (a new tag would: a paper is found by its tags).
    const edited = join(corpus, "papers/paper-00007.mdx");
    writeFileSync(edited, readFileSync(edited, "utf8").replace(/^date: .*$/m, "date: 2019-05-04"));
    const rebuilt = build(site, corpus);
    expect(rebuilt).toMatch(/Astro built the pages/);
    expect(rebuilt).not.toMatch(/indexed [\d,]+ sections/);
    const archive = readFileSync(join(site, "archive/index.html"), "utf8");
    expect(archive).toContain("May 4, 2019");
    expect(archive.indexOf("papers/paper-00007/")).toBeGreaterThan(archive.indexOf("May 4, 2019"));
    expect(statSync(join(site, "pagefind/pagefind-entry.json")).ino).toBe(entry);
    expect(statSync(join(site, "pagefind/shard-2/pagefind-entry.json.js")).ino).toBe(fromDisk);

    const full = join(corpus, "full");
    rmSync(full, { recursive: true, force: true });
    expect(build(full, corpus)).toMatch(/indexed [\d,]+ sections and equations for search\n/);
    const [kept, expected] = [files(site), files(full)];
    expect([...kept.keys()]).toEqual([...expected.keys()]);
    for (const [name, bytes] of expected) expect(kept.get(name)!.equals(bytes), name).toBe(true);
  });
});

describe("replacing the site", () => {
  // The old site is moved aside and removed in the background. Moved under one
  // fixed name, it could still be under removal there when the next build moved
  // its own old site onto that name: Node's rmSync, racing another remover, can
  // return with the folder still full (ENOTEMPTY on the rename).
  it("builds beside old sites that earlier builds left, and removes them all in the background", { timeout: 300_000 }, async () => {
    const parent = mkdtempSync(join(tmpdir(), "papernotes-swap-"));
    onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
    const dir = join(parent, "site");
    build(dir);
    // Under the fixed name of builds before, under a name of their own, and as a remover cut short left it.
    const leftBehind = ["-previous", "-previous-1-2", "-previous-3-4-removing-5-6"].map((suffix) => stagingFor(dir) + suffix);
    for (const old of leftBehind) {
      mkdirSync(join(old, "papers"), { recursive: true });
      writeFileSync(join(old, "papers/index.html"), "an old site");
    }
    // Not old sites: a name that only starts like one, and another site's staging folder.
    const others = [`${stagingFor(dir)}-previousX`, join(parent, ".site-staging-previous-site-staging")];
    for (const other of others) mkdirSync(other);
    expect(oldSitesLeft(dir).sort()).toEqual([...leftBehind].sort());
    build(dir);
    expect(readFileSync(join(dir, "papers/wuerstchen/index.html"), "utf8")).toContain("Würstchen");
    await expect.poll(() => oldSitesLeft(dir), { timeout: 10_000 }).toEqual([]);
    for (const other of others) expect(statSync(other).isDirectory()).toBe(true);
  });
});
