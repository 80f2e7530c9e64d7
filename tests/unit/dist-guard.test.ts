import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { guardSite, scanForReuse, scanPage } from "../../src/postbuild/dist-guard.ts";
import { makeUrlsRelative, relativeUrl, rewriteHtml } from "../../src/postbuild/relative-urls.ts";

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "papernotes-guard-"));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

const good = {
  "index.html": '<html><head><link rel="stylesheet" href="s.css"><link rel="canonical" href="https://example.org/"></head><body><a href="papers/a/index.html#eq-x">a</a><a href="https://arxiv.org/abs/2306.00637">arXiv</a></body></html>',
  "papers/a/index.html": '<html><body><div id="eq-x"></div><a href="../../index.html">home</a></body></html>',
  "s.css": "body{background:url(img.png)}",
  "img.png": "png",
};

describe("relative URLs", () => {
  it("rewrites root-relative URLs from each page, naming index.html", () => {
    expect(relativeUrl("/papers/a/#eq-x", "papers/b/index.html", "/")).toBe("../a/index.html#eq-x");
    expect(relativeUrl("/notes/", "papers/b/index.html", "/notes/")).toBe("../../index.html");
    expect(relativeUrl("/notes/_astro/x.css", "index.html", "/notes/")).toBe("_astro/x.css");
    expect(relativeUrl("https://example.org/", "index.html", "/")).toBe("https://example.org/");
    expect(rewriteHtml('<a href="/tags/x/">x</a><link rel="canonical" href="https://e.org/a/">', "papers/a/index.html", "/")).toBe('<a href="../../tags/x/index.html">x</a><link rel="canonical" href="https://e.org/a/">');
  });

  it("rewrites every kind of URL under the base, in attributes and in <style>, and leaves the rest as it was", () => {
    const katex = '<p>x <span class="katex"><span class="mord mathnormal" style="margin-right:0.02em;">x</span></span> and <a href="https://e.org/">out</a></p>';
    expect(rewriteHtml(katex, "papers/a/index.html", "/")).toBe(katex);
    expect(rewriteHtml('<img src="/notes/f.png"><a href="/other/">o</a>', "papers/a/index.html", "/notes/")).toBe('<img src="../../f.png"><a href="/other/">o</a>');
    expect(rewriteHtml('<video poster="/p.png"></video><form action="/s/"></form>', "index.html", "/")).toBe('<video poster="p.png"></video><form action="s/index.html"></form>');
    expect(rewriteHtml("<style>body{background:url(/img/a.png)}</style>", "papers/a/index.html", "/")).toBe("<style>body{background:url(../../img/a.png)}</style>");
  });

  it("keeps a <base> element root-absolute, and any other text as it was", () => {
    expect(rewriteHtml('<base href="/notes/"><a href="/notes/tags/">t</a>', "404.html", "/notes/")).toBe('<base href="/notes/"><a href="tags/index.html">t</a>');
    // Text that looks like the placeholders an earlier version hid <base> behind.
    expect(rewriteHtml('<base href="/"><p>a\u00000\u0000b \u00001\u0000</p><a href="/x/">x</a>', "index.html", "/")).toBe('<base href="/"><p>a\u00000\u0000b \u00001\u0000</p><a href="x/index.html">x</a>');
  });
});

describe("relative URLs over Latin-1 text", () => {
  it("rewrites a page without touching its other bytes, and the scan of that text reads ids and URLs as UTF-8", () => {
    const page = '<html><body><h2 id="方法">方法 “quoted” ∑</h2><a href="/笔记/papers/a/#方法">a</a><a href="#&#x65B9;&#x6CD5;">b</a></body></html>';
    const dir = site({ "笔记/index.html": page, "papers/a/index.html": "" });
    const seen: string[] = [];
    makeUrlsRelative(join(dir, "笔记"), "/笔记/", { onPage: (_file, parts) => seen.push(...parts.filter((part) => typeof part === "string")) });
    const rewritten = readFileSync(join(dir, "笔记", "index.html"), "utf8");
    expect(rewritten).toBe(page.replace('href="/笔记/papers/a/#方法"', 'href="papers/a/index.html#方法"'));
    const fromLatin1 = scanPage(seen[0]!, "latin1");
    expect(fromLatin1).toEqual(scanPage(rewritten));
    expect([...fromLatin1.ids]).toEqual(["方法"]);
    expect(fromLatin1.urls.map((u) => u.url)).toEqual(["papers/a/index.html#方法", "#方法"]);
  });
});

describe("the dist guard", () => {
  it("passes a clean site", () => {
    expect(guardSite(site(good))).toEqual([]);
  });

  it("after a rebuild that changed some pages, checks those, and links into them from the others", () => {
    // The home page links to papers/a's eq-x; the rebuilt papers/a lost it and gained a bad URL.
    const dir = site({ ...good, "papers/a/index.html": '<html><body><div id="eq-y"></div>\n<img src="/logo.png"></body></html>' });
    const changed = new Set([join(dir, "papers/a/index.html")]);
    expect(guardSite(dir, new Map(), changed).map((p) => `${p.file}:${p.line}`)).toEqual(["index.html:1", "papers/a/index.html:2"]);
    // A page that passed as it is (not in `changed`) is not read again for what concerns it alone.
    const unchanged = site({ ...good, "index.html": good["index.html"].replace("<body>", '<body><img src="/logo.png">') });
    expect(guardSite(unchanged, new Map(), new Set([join(unchanged, "papers/a/index.html")]))).toEqual([]);
    expect(guardSite(unchanged)).toHaveLength(1);
  });

  it("finds the same after a rebuild from what the last build kept of each page's scan", () => {
    const dir = site({ ...good, "papers/a/index.html": '<html><body><div id="eq-y"></div>\n<img src="/logo.png"></body></html>' });
    const home = join(dir, "index.html");
    const kept = scanForReuse(scanPage(readFileSync(home, "utf8")));
    expect(kept.urls.map((u) => u.url)).toEqual(["papers/a/index.html#eq-x"]);
    const changed = new Set([join(dir, "papers/a/index.html")]);
    expect(guardSite(dir, new Map([[home, kept]]), changed)).toEqual(guardSite(dir, new Map(), changed));
  });

  it("catches a planted module script and a planted root-absolute URL, with file and line", () => {
    const dir = site({ ...good, "papers/a/index.html": '<html><body><div id="eq-x"></div>\n<script type="module" src="../../app.js"></script>\n<img src="/logo.png">\n</body></html>', "app.js": "" });
    expect(guardSite(dir)).toEqual([
      { file: "papers/a/index.html", line: 2, reason: 'a <script type="module">: Chromium blocks module scripts from file://' },
      { file: "papers/a/index.html", line: 3, reason: expect.stringMatching(/<img src="\/logo\.png"> is root-absolute/) },
    ]);
  });

  it("catches links to missing files, missing anchors and folders, and other origins", () => {
    const dir = site({
      ...good,
      "index.html": '<a href="papers/a/index.html#eq-nope">1</a>\n<a href="papers/b/index.html">2</a>\n<a href="papers/a/">3</a>\n<script src="https://cdn.example.com/x.js"></script>\n<link rel="stylesheet" href="//fonts.example.com/f.css">',
    });
    const reasons = guardSite(dir).map((p) => `${p.line}: ${p.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^1: .*has no element with id "eq-nope"/),
      expect.stringMatching(/^2: .*names a missing file/),
      expect.stringMatching(/^3: .*links to a folder/),
      expect.stringMatching(/^4: <script src="https:\/\/cdn\.example\.com\/x\.js"> loads from another origin/),
      expect.stringMatching(/^5: <link href="\/\/fonts\.example\.com\/f\.css"> loads from another origin/),
    ]);
  });

  it("reads percent-encoded anchors, and reports a stray % instead of throwing", () => {
    const dir = site({
      ...good,
      "papers/a/index.html": '<html><body><h2 id="方法">方法</h2><a href="../../index.html">home</a></body></html>',
      "index.html": '<a href="papers/a/index.html#%E6%96%B9%E6%B3%95">1</a>\n<a href="papers/a/index.html#50%-off">2</a>',
    });
    expect(guardSite(dir).map((p) => `${p.line}: ${p.reason}`)).toEqual([expect.stringMatching(/^2: .*has no element with id "50%-off"/)]);
  });

  it("checks url() in stylesheets", () => {
    expect(guardSite(site({ ...good, "s.css": "a{background:url(/abs.png)}\nb{background:url(missing.png)}" })).map((p) => p.reason)).toEqual([
      expect.stringMatching(/root-absolute/),
      expect.stringMatching(/missing file/),
    ]);
  });
});
