// The build checks and renders in worker processes; it must report and render
// exactly what the single-threaded check does, references across shares included.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkContentInParallel } from "../../src/lib/content-check-parallel.ts";
import { checkContent } from "../../src/lib/content-check.ts";
import { siteIndex } from "../../src/lib/content-check-results.ts";
import type { IndexedPaper } from "../../src/lib/paper-index.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const paper = (n: number) => `${frontmatter({ title: `"Paper ${n}: A Study"` })}
## Method ${n}

$$
x_${n} = \\frac{1}{${n}} \\label{eq:p${n}}
$$

See $\\eqref{eq:p${n}}$ and $\\eqref{paper-${(n + 1) % 5}/eq:p${(n + 1) % 5}}$, and "quotes" -- dashes.
`;

describe("siteIndex", () => {
  // Each worker builds the index from its own papers and the others' it is sent; the main process, from all it was sent.
  it("merges the papers read in parts into one index in the order of their files, the later file's paper for a slug read twice", () => {
    const paper = (path: string, title: string) => ({ slug: path.replace(/\..*$/, ""), path: `/p/${path}`, title }) as IndexedPaper;
    const index = siteIndex([[paper("b.mdx", "B"), paper("d.mdx", "D (mdx)")], [], [paper("a.mdx", "A"), paper("d.md", "D (md)"), paper("c.mdx", "C")]]);
    expect([...index.keys()]).toEqual(["a", "b", "c", "d"]);
    expect(index.get("d")!.title).toBe("D (mdx)");
  });
});

// Each test starts worker processes that load the whole pipeline: seconds on a busy 2-core machine.
describe("checkContentInParallel", { timeout: 30_000 }, () => {
  it("renders the same HTML as the single-threaded check, with cross-paper references", async () => {
    const { papersDir } = writePapers(Object.fromEntries([0, 1, 2, 3, 4].map((n) => [`paper-${n}`, paper(n)])));
    const serial = await checkContent(papersDir, "/", { render: true });
    const parallel = await checkContentInParallel(papersDir, "/", { render: true, workers: 2 });
    expect(parallel.problems).toEqual([]);
    expect(parallel.rendered.size).toBe(5);
    expect([...parallel.rendered.keys()]).toEqual([...serial.rendered.keys()]);
    for (const [slug, rendered] of serial.rendered) expect(paperHtml(parallel.rendered.get(slug)!)).toBe(paperHtml(rendered));
    expect(paperHtml(parallel.rendered.get("paper-0")!)).toContain('href="/papers/paper-1/#eq-p1"');
    expect(parallel.formulas).toBe(serial.formulas);
    expect([...parallel.index.keys()]).toEqual([...serial.index.keys()]);
  });

  it("reports every problem of every share, sorted, and renders nothing", async () => {
    const files = {
      "paper-0": paper(0).replace("\\frac{1}", "\\frac{1"),
      "paper-1": paper(1),
      "paper-2": paper(2).replace("eq:p3", "eq:nowhere"),
      "Paper-1": paper(1),
      "paper-3": paper(3),
      "paper-4": paper(4).replace("date: 2024-03-15", "date: 2024-02-30"),
    };
    const { papersDir } = writePapers(files);
    const serial = await checkContent(papersDir, "/", { render: true });
    const parallel = await checkContentInParallel(papersDir, "/", { render: true, workers: 3 });
    expect(parallel.problems.length).toBeGreaterThanOrEqual(4);
    expect(parallel.problems).toEqual(serial.problems);
    expect(parallel.rendered.size).toBe(0);
  });

  it("checks two notes of one slug in different shares as the single-threaded check does", async () => {
    // paper-1.md and paper-1.mdx go to different workers; only the .mdx one has the label paper-0 cites.
    const { papersDir } = writePapers({ "paper-0": paper(0), "paper-1.md": paper(1).replace("eq:p1", "eq:other"), "paper-1": paper(1), "paper-2": paper(2) });
    const serial = await checkContent(papersDir, "/", { render: true });
    const parallel = await checkContentInParallel(papersDir, "/", { render: true, workers: 2 });
    expect(serial.problems.map((p) => p.reason).join("\n")).toMatch(/paper-1/);
    expect(parallel.problems).toEqual(serial.problems);
    expect([...parallel.index.values()].map((p) => p.path)).toEqual([...serial.index.values()].map((p) => p.path));
  });

  it("tells how many papers are read, then how many are checked, as it goes", async () => {
    const { papersDir } = writePapers(Object.fromEntries(Array.from({ length: 200 }, (_, n) => [`paper-${n}`, paper(n % 5)])));
    const heard: string[] = [];
    const result = await checkContentInParallel(papersDir, "/", { render: false, workers: 2, onProgress: (papers, of, step) => heard.push(`${step} ${papers} of ${of}`) });
    expect(result.papers).toBe(200);
    // Each worker reports every 50 papers of its 100; all reading is done before any checking starts.
    expect(heard).toEqual(["read 50 of 200", "read 100 of 200", "read 150 of 200", "read 200 of 200", "checked 50 of 200", "checked 100 of 200", "checked 150 of 200", "checked 200 of 200"]);
  });

  it("leaves no worker process behind, whether the check passes or fails", async () => {
    // This process's children by command line, but for the `ps` that lists them.
    const children = () => spawnSync("ps", ["-o", "args=", "--ppid", String(process.pid)], { encoding: "utf8" }).stdout.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("ps "));
    const running: string[][] = [];
    const { papersDir } = writePapers(Object.fromEntries([0, 1, 2, 3, 4].map((n) => [`paper-${n}`, paper(n)])));
    const checking = checkContentInParallel(papersDir, "/", { render: true, workers: 2, onProgress: () => running.push(children()) });
    running.push(children());
    expect((await checking).problems).toEqual([]);
    // The workers ran as processes of their own, then were gone when the check was done.
    expect(running[0]!.filter((args) => args.includes("content-check-worker")).length).toBe(2);
    expect(children()).toEqual([]);
    const broken = writePapers({ "paper-0": paper(0).replace("\\frac{1}", "\\frac{1"), "paper-1": paper(1) });
    expect((await checkContentInParallel(broken.papersDir, "/", { render: true, workers: 2 })).problems.length).toBeGreaterThan(0);
    expect(children()).toEqual([]);
  });
});
