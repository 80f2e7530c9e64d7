// Lighthouse (the npm package) on built pages, in the Debian Chromium the tests
// use: performance, accessibility, best practices and SEO, 0-100 each. Its
// default (mobile, simulated slow 4G) settings; the site is served locally,
// gzipped as any static host serves it. Each page is run RUNS times and its
// median run is reported, as Lighthouse's docs advise: one run varies by
// several points here (TBT is main-thread time, and this machine is shared).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import lighthouse from "lighthouse";
import { launchChromium } from "../tests/support/browser.ts";
import { listFiles } from "../src/postbuild/relative-urls.ts";
import { serveStatic } from "../tests/support/serve.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const RUNS = 3;
/** The median run's scores and failed audits, and every run's performance score. */
export type LighthouseScores = Record<(typeof CATEGORIES)[number], number> & { failed: string[]; performanceRuns: number[] };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Scores for each page path of the site (e.g. "" and "papers/wuerstchen/"), and the audits that did not pass. */
export async function lighthouseScores(siteDir: string, paths: string[]): Promise<Map<string, LighthouseScores>> {
  const copy = join(mkdtempSync(join(tmpdir(), "papernotes-lighthouse-")), "site");
  cpSync(siteDir, copy, { recursive: true });
  for (const extension of [".html", ".css", ".js", ".svg", ".xml"]) for (const file of listFiles(copy, extension)) writeFileSync(`${file}.gz`, gzipSync(readFileSync(file)));
  const site = await serveStatic(copy, "/", {}, { precompressed: true });
  const port = await freePort();
  const browser = await launchChromium([`--remote-debugging-port=${port}`]);
  const scores = new Map<string, LighthouseScores>();
  try {
    for (const path of paths) {
      const runs: LighthouseScores[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(site.url + path, { port, logLevel: "error", onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`lighthouse gave no result for ${path}`);
        const { categories, audits } = result.lhr;
        const failed = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual").map((a) => `${a.id} (${a.displayValue ?? a.score})`);
        runs.push({ ...(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Record<(typeof CATEGORIES)[number], number>), failed, performanceRuns: [] });
      }
      const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(RUNS / 2)]!;
      scores.set(path, { ...median, performanceRuns: runs.map((r) => r.performance) });
    }
  } finally {
    await browser.close();
    await site.close();
    rmSync(join(copy, ".."), { recursive: true, force: true });
  }
  return scores;
}

// npm run bench runs this through run.ts; alone: node bench/lighthouse.ts [dist]
if (import.meta.main) {
  const scores = await lighthouseScores(process.argv[2] ?? "dist", ["", "papers/wuerstchen/"]);
  for (const [path, s] of scores) console.log(`/${path}: ${CATEGORIES.map((c) => `${c} ${s[c]}`).join(", ")} (performance runs: ${s.performanceRuns.join(", ")})${s.failed.length ? `\n  not passed: ${s.failed.join(", ")}` : ""}`);
}
