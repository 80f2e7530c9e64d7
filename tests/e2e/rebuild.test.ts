// `npm run build` after editing a note: it reuses the last build's pages
// instead of running Astro, and the site is the same, byte for byte, as a full
// build of the same content. The search indexes are kept while their records
// are the same. Anything else that changed builds in full.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheDirFor } from "../../src/site.config.ts";
import { runBuild } from "../support/build.ts";

const content = mkdtempSync(join(tmpdir(), "papernotes-rebuild-"));
cpSync(resolve("content"), content, { recursive: true });
const paper = join(content, "papers/wuerstchen.mdx");
const outDirs = mkdtempSync(join(tmpdir(), "papernotes-rebuild-out-"));
const out = join(outDirs, "dist");
afterAll(() => {
  for (const dir of [content, outDirs, cacheDirFor(join(content, "papers"))]) rmSync(dir, { recursive: true, force: true });
});

const build = (dir = out) => {
  const run = runBuild(dir, { PAPERNOTES_CONTENT: content });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
};

/** Every file of a site, by path, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const names = readdirSync(dir, { recursive: true }).map(String).sort();
  return new Map(names.filter((name) => statSync(join(dir, name)).isFile()).map((name) => [name, readFileSync(join(dir, name))]));
}

describe("a rebuild after editing a note", () => {
  it("reuses the pages, and gives the site a full build gives", () => {
    expect(build()).toMatch(/Astro built the pages/);
    writeFileSync(paper, readFileSync(paper, "utf8") + "\nA sentence added after the first build.\n");
    const rebuilt = build();
    expect(rebuilt).toMatch(/reused the last build's pages, with 1 changed note\(s\)/);
    expect(rebuilt).not.toMatch(/Astro built the pages/);
    expect(readFileSync(join(out, "papers/wuerstchen/index.html"), "utf8")).toContain("A sentence added after the first build.");

    const full = join(outDirs, "full");
    expect(build(full)).toMatch(/Astro built the pages/);
    const reused = files(out);
    const expected = files(full);
    expect([...reused.keys()]).toEqual([...expected.keys()]);
    for (const [name, bytes] of expected) expect(reused.get(name)!.equals(bytes), name).toBe(true);
    rmSync(full, { recursive: true, force: true });
  });

  it("keeps the search indexes too while their records are the same", () => {
    expect(build()).toMatch(/Astro built the pages/); // the last build went to another folder
    const before = files(out);
    expect(build()).toMatch(/reused the last build's pages and search indexes, with 0 changed note\(s\)/);
    expect(files(out)).toEqual(before);

    // Emphasis changes the page, not the words that search reads.
    writeFileSync(paper, readFileSync(paper, "utf8").replace("A sentence added after", "A sentence *added* after"));
    expect(build()).toMatch(/reused the last build's pages and search indexes, with 1 changed note\(s\)/);
    expect(readFileSync(join(out, "papers/wuerstchen/index.html"), "utf8")).toContain("A sentence <em>added</em> after");
    const pagefind = [...before.keys()].filter((name) => name.startsWith("pagefind/"));
    expect(pagefind.length).toBeGreaterThan(0);
    for (const name of pagefind) expect(readFileSync(join(out, name)).equals(before.get(name)!), name).toBe(true);
  });

  it("builds in full when what pages show besides the note changed", () => {
    const text = readFileSync(paper, "utf8");
    writeFileSync(paper, text.replace(/^title: .*$/m, 'title: "Würstchen, renamed"'));
    expect(build()).toMatch(/Astro built the pages/);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Würstchen, renamed");
  });

  it("builds in full when the site was changed since", () => {
    rmSync(join(out, "tags/index.html"));
    expect(build()).toMatch(/Astro built the pages/);
    expect(statSync(join(out, "tags/index.html")).isFile()).toBe(true);
  });
});
