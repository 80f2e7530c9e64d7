// npm run bench [-- --sizes 100,1000] [-- --full]   (--full adds N = 10000)
//
// Generates the shared synthetic corpus, builds it with the real `npm run build`,
// and reports build cost, page weight and search speed, plus the floor: KaTeX and
// Shiki alone over the same corpus in one process, and Lighthouse scores of the
// seed site. Writes bench/results/<date>.md.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import katex from "katex";
import { createHighlighter } from "shiki";
import { isoDate } from "../src/lib/format.ts";
import { listFiles } from "../src/postbuild/relative-urls.ts";
import { oldSitesLeft } from "../src/postbuild/site-swap.ts";
import { measureSearch } from "./search.ts";
import { lighthouseScores, type LighthouseScores } from "./lighthouse.ts";
import { measurePage } from "./page.ts";
import { shikiConfig } from "../src/site.config.ts";

const { values } = parseArgs({ options: { sizes: { type: "string" }, full: { type: "boolean", default: false } } });
const sizes = values.sizes ? values.sizes.split(",").map(Number) : values.full ? [100, 1000, 10000] : [100, 1000];
const MAKE_CORPUS = resolve("../shared/bench/make-corpus.mjs");
const work = mkdtempSync(join(tmpdir(), "papernotes-bench-"));

interface Run {
  seconds: number;
  peakMB: number;
  /**
   * CPU time (user + system) of the whole process tree, in seconds, as last
   * sampled: a lower bound (a process's last 100 ms, and one that lived less,
   * can be missing); undefined without /proc.
   * Not the children's time the kernel keeps: Pagefind's binary is not waited for.
   */
  cpuSeconds?: number;
  /** The same, by step (see stepOf). */
  cpuByStep: Map<string, number>;
  ok: boolean;
  output: string;
}

const PAGE_KB = existsSync("/proc/self/stat") ? Number(spawnSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).stdout) / 1024 : 0;
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

interface ProcessRow {
  pid: number;
  /** The pid and its start time: a pid can be used again by a later process. */
  key: string;
  ppid: number;
  rssKB: number;
  /** User + system time, in seconds (0 without /proc). */
  cpuSeconds: number;
}

/** The fields of /proc/<pid>/stat after "(command) ": state, ppid, ... */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/**
 * Every process. Read from /proc where there is one: forking `ps` ten times a
 * second weighed on the build it measured.
 */
function processTable(): ProcessRow[] {
  if (!PAGE_KB) {
    const table = spawnSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" }).stdout;
    return table.trim().split("\n").map((line) => {
      const [pid, ppid, rssKB] = line.trim().split(/\s+/).map(Number) as [number, number, number];
      return { pid, key: String(pid), ppid, rssKB, cpuSeconds: 0 };
    });
  }
  const rows: ProcessRow[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = statFields(Number(name));
      // utime and stime 11 and 12 fields on, start time 19, rss (in pages) 21.
      rows.push({ pid: Number(name), key: `${name}:${fields[19]}`, ppid: Number(fields[1]), rssKB: Number(fields[21]) * PAGE_KB, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS });
    } catch {
      // the process ended meanwhile
    }
  }
  return rows;
}

/** Which step of the build a process runs, by its command line; undefined for one that names none (then its parent's). */
function stepOf(pid: number): string | undefined {
  let command: string[] = [];
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    // ended before it was read
  }
  const args = command.slice(1).join(" ");
  if (args.includes("content-check-worker.")) return "check workers";
  if (args.includes("astro-build-child.")) return "Astro";
  if (args.includes("search-index-worker.")) return "Pagefind's Node side, and its files as scripts";
  if (args.includes("scripts/build.mjs")) return "the build's own process";
  if (/^pagefind/.test(basename(command[0] ?? ""))) return "Pagefind";
  return undefined;
}

/** Runs a command and samples the RSS of its whole process tree every 100 ms. */
function timed(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let peak = 0;
    // Each process of the tree: its step (read once) and its CPU time when last seen.
    const seen = new Map<string, { step: string; cpuSeconds: number }>();
    const stepByPid = new Map<number, string>();
    const sample = setInterval(() => {
      const rows = processTable();
      const tree = new Set([child.pid!]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const { pid, ppid } of rows) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true));
      }
      const inTree = rows.filter(({ pid }) => tree.has(pid));
      peak = Math.max(peak, inTree.reduce((sum, { rssKB }) => sum + rssKB, 0));
      for (const { pid, key, ppid, cpuSeconds } of inTree) {
        const known = seen.get(key);
        if (known) known.cpuSeconds = cpuSeconds;
        else {
          const step = stepOf(pid) ?? stepByPid.get(ppid) ?? "other";
          seen.set(key, { step, cpuSeconds });
          stepByPid.set(pid, step);
        }
      }
    }, 100);
    child.on("close", (code) => {
      clearInterval(sample);
      const cpuByStep = new Map<string, number>();
      for (const { step, cpuSeconds } of seen.values()) cpuByStep.set(step, (cpuByStep.get(step) ?? 0) + cpuSeconds);
      const cpuSeconds = PAGE_KB ? [...cpuByStep.values()].reduce((sum, seconds) => sum + seconds, 0) : undefined;
      done({ seconds: (performance.now() - started) / 1000, peakMB: peak / 1024, cpuSeconds, cpuByStep, ok: code === 0, output });
    });
  });
}

function build(contentDir: string, outDir: string): Promise<Run> {
  return timed(process.execPath, ["scripts/build.mjs", "--out", outDir], { PAPERNOTES_CONTENT: contentDir, CI: "1" });
}

function coldCaches(): void {
  for (const dir of ["node_modules/.astro", "node_modules/.vite", ".astro/data-store.json"]) rmSync(dir, { recursive: true, force: true });
}

function duBytes(dir: string): number {
  return listFiles(dir, "").reduce((sum, file) => sum + statSync(file).size, 0);
}

/** The floor: every formula through KaTeX and every code block through Shiki, in one process. */
async function floor(papersDir: string): Promise<{ seconds: number; formulas: number; blocks: number }> {
  const themes = shikiConfig.themes as { light: string; dark: string };
  const highlighter = await createHighlighter({ themes: [themes.light, themes.dark], langs: ["python", "text", "bash"] });
  const started = performance.now();
  let formulas = 0;
  let blocks = 0;
  for (const file of listFiles(papersDir, ".mdx")) {
    const text = readFileSync(file, "utf8");
    const code = [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)];
    for (const [, lang, source] of code) {
      highlighter.codeToHtml(source!, { lang: lang!, themes, defaultColor: false });
      blocks++;
    }
    const prose = text.replace(/^```[\s\S]*?^```$/gm, "");
    for (const [, tex] of prose.matchAll(/^\$\$\n([\s\S]*?)\n\$\$$/gm)) {
      katex.renderToString(tex!.replace(/\\label\{[^}]*\}/g, ""), { displayMode: true, throwOnError: false });
      formulas++;
    }
    for (const [, tex] of prose.replace(/^\$\$\n[\s\S]*?\n\$\$$/gm, "").matchAll(/\$((?:\\.|[^$\n\\])+)\$/g)) {
      katex.renderToString(tex!.replace(/\\(eq)?ref\{[^}]*\}/g, "(1)"), { throwOnError: false });
      formulas++;
    }
  }
  return { seconds: (performance.now() - started) / 1000, formulas, blocks };
}

/**
 * Where a build's CPU time went: every process, by step. On n cores a build
 * cannot take less wall time than its CPU time over n, however its steps overlap.
 */
function cpuSummary(run: Run): string {
  const steps = [...run.cpuByStep].sort((a, b) => b[1] - a[1]).map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`);
  return `at least ${run.cpuSeconds!.toFixed(1)} s in all, as sampled every 100 ms (${steps.join(", ")})`;
}

/** The build removes the site it replaced in the background; wait, so the next timing is fair. */
async function oldSiteRemoved(outDir: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (oldSitesLeft(outDir).length > 0) {
    if (Date.now() > until) throw new Error(`the build's background removal left ${oldSitesLeft(outDir).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows: string[] = [];
const notes: string[] = [];
for (const n of sizes) {
  console.error(`\n== N = ${n} ==`);
  const contentDir = join(work, `corpus-${n}`);
  spawnSync(process.execPath, [MAKE_CORPUS, "--papers", String(n), "--out", contentDir], { stdio: "ignore" });
  const outDir = join(work, `dist-${n}`);
  coldCaches();
  const cold = await build(contentDir, outDir);
  if (!cold.ok) {
    console.error(cold.output);
    rows.push(`| ${n} | build failed | | | | | | | | | | | |`);
    continue;
  }
  const steps = (run: Run) => run.output.split("\n").filter((line) => /^(\[ *[\d.]+ s\]|built) /.test(line)).join("; ");
  notes.push(`N=${n}: ${steps(cold)}`);
  if (cold.cpuSeconds !== undefined) notes.push(`N=${n}, CPU of the cold build: ${cpuSummary(cold)}`);
  const touched = join(contentDir, "papers", "paper-00001.mdx");
  appendFileSync(touched, "\nOne more sentence, to rebuild after an edit.\n");
  await oldSiteRemoved(outDir);
  const warm = await build(contentDir, outDir);
  // What the rebuild reused shows in its steps: a slow one says why.
  notes.push(`N=${n}, after the edit: ${steps(warm)}`);
  const pages = listFiles(join(outDir, "papers"), ".html").sort((a, b) => statSync(a).size - statSync(b).size);
  const median = pages[Math.floor(pages.length / 2)]!;
  const weight = measureWeight(median);
  const browser = await measurePage(outDir, median);
  const search = await measureSearch(outDir);
  const ground = await floor(join(contentDir, "papers"));
  rows.push(
    [
      n,
      `${cold.seconds.toFixed(1)} s`,
      cold.cpuSeconds === undefined ? "n/a" : `${cold.cpuSeconds.toFixed(1)} s (${(cold.cpuSeconds / cold.seconds).toFixed(2)} cores)`,
      `${(cold.peakMB / 1024).toFixed(2)} GB`,
      `${warm.seconds.toFixed(1)} s`,
      `${(duBytes(outDir) / 1048576).toFixed(0)} MB`,
      `${kb(weight.raw)} / ${kb(weight.gzip)}`,
      kb(browser.jsBeforeInteraction),
      `${browser.fonts} (${browser.fontFormats.join(", ") || "none"})`,
      `${ground.seconds.toFixed(1)} s (${ground.formulas} formulas, ${ground.blocks} code blocks)`,
      `${(cold.seconds / ground.seconds).toFixed(1)}×`,
      `${search.hosted.firstQueryMs.toFixed(0)} ms, ${kb(search.hosted.bytesBeforeFirstResult)} / ${search.offline.firstQueryMs.toFixed(0)} ms, ${kb(search.offline.bytesBeforeFirstResult)}`,
      `${search.hosted.medianMs.toFixed(0)} ms / ${search.offline.medianMs.toFixed(0)} ms`,
    ].join(" | ").replace(/^/, "| ").concat(" |"),
  );
}

// Lighthouse on the seed site (its home page and a paper page), and on a blank page for comparison.
console.error("\n== Lighthouse, seed site ==");
const seedDist = join(work, "dist-seed");
const seedBuild = await build(resolve("content"), seedDist);
const lighthouseRows: string[] = [];
if (!seedBuild.ok) lighthouseRows.push(`| seed site | build failed | | | | |`);
else {
  for (const [path, s] of await lighthouseScores(seedDist, ["", "papers/wuerstchen/"])) lighthouseRows.push(lighthouseRow(`/${path}`, s));
}
// The control: a page with one heading and one paragraph, no style and no
// script. What it loses in performance is this machine's (Chromium's own
// start-up tasks, times 4 under Lighthouse's CPU slowdown), not the site's.
const blankSite = join(work, "blank");
mkdirSync(blankSite);
writeFileSync(join(blankSite, "index.html"), '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Blank page</title><link rel="icon" href="data:,"><meta name="description" content="The control page of the Lighthouse runs."></head><body><main><h1>Blank page</h1><p>One paragraph and nothing else.</p></main></body></html>\n');
for (const [, s] of await lighthouseScores(blankSite, [""])) lighthouseRows.push(lighthouseRow("control: a blank page", s));

function lighthouseRow(page: string, s: LighthouseScores): string {
  return `| ${page} | ${s.performance} (runs: ${s.performanceRuns.join(", ")}) | ${s.accessibility} | ${s["best-practices"]} | ${s.seo} | ${s.failed.join(", ") || "none"} |`;
}

const header = [
  "| N | cold build | its CPU time (all processes, sampled) | peak RSS (tree) | warm rebuild (1 paper touched) | dist/ | median paper HTML+CSS (raw / gzip) | JS before interaction | KaTeX fonts loaded | floor (KaTeX + Shiki) | build / floor | first query to its results, and what it loaded (hosted / disk) | then keystroke→results (hosted / disk) |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
];
const date = isoDate(new Date());
const report = [`# papernotes bench, ${date}`, "", `Machine: ${spawnSync("nproc").stdout.toString().trim()} cores, Node ${process.version}.`, "", ...header, ...rows, "", ...notes.map((n) => `- ${n}`), "",
  "Lighthouse 13 (mobile, simulated slow 4G; served locally, gzipped; the median of 3 runs per page, its failed audits listed):", "",
  "| page | performance | accessibility | best practices | SEO | audits not passed |", "|---|---|---|---|---|---|", ...lighthouseRows, ""].join("\n");
console.log(report);
mkdirSync("bench/results", { recursive: true });
const file = join("bench/results", `${date}.md`);
writeFileSync(file, existsSync(file) ? readFileSync(file, "utf8") + "\n" + report : report);
console.error(`written to ${file}`);
rmSync(work, { recursive: true, force: true });

/** A page's HTML and CSS: the CSS is inlined in it (Base.astro), so the page is both. */
function measureWeight(page: string): { raw: number; gzip: number } {
  const html = readFileSync(page, "utf8");
  return { raw: Buffer.byteLength(html), gzip: gzipSync(html).length };
}
