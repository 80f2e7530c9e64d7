// The build cache of the content pass: a rebuild re-renders only the papers
// whose bytes changed, unless the site-wide index changed, and a cached paper
// is never trusted past a change that breaks it.
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { cacheDirFor } from "../../src/site.config.ts";
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
const entries = () => Object.fromEntries(readdirSync(entryDir).map((name) => [name, statSync(join(entryDir, name)).ino]));
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
    expect(again.searchDocuments).toEqual(first.searchDocuments);
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
    expect(await htmlOf("citing")).toMatch(/Target \(1\)/);
    writeFileSync(join(papersDir, "target.mdx"), target("\n$$\nx = 1\n$$\n"));
    expect(await htmlOf("citing")).toMatch(/Target \(2\)/);
  });

  it("reports a cached paper's reference that a change elsewhere left dangling", async () => {
    writeFileSync(join(papersDir, "target.mdx"), target().replace("\\label{eq:loss}", "\\label{eq:renamed}"));
    const result = await build();
    expect(result.problems.map((p) => `${p.file.replace(/^.*\//, "")}:${p.line}: ${p.reason}`)).toEqual([
      expect.stringMatching(/^citing\.mdx:11: \\eqref\{target\/eq:loss\}: paper "target" has no equation/),
    ]);
  });
});
