// npm run build: check every paper, build into a staging folder, and only then
// replace dist/. A failed build leaves the last good site exactly as it was.
//
//   node scripts/build.ts [--out DIR]
//   PAPERNOTES_CONTENT=DIR  folder with papers/*.mdx (default ./content)
//   SITE_URL, BASE_PATH     where the site is hosted (see README)
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { handOffRenderedContent } from "../src/lib/build-handoff.ts";
import { formatProblem } from "../src/lib/content-check.ts";
import { checkContentInParallel } from "../src/lib/content-check-parallel.ts";
import { guardSite } from "../src/postbuild/dist-guard.ts";
import { makeUrlsRelative } from "../src/postbuild/relative-urls.ts";
import { extractSearchDocuments } from "../src/postbuild/search-documents.ts";
import { writeOfflineIndex, writePagefindInWorker } from "../src/postbuild/search-index.ts";
import { basePath, papersDir } from "../src/site.config.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "dist" } } });
const outDir = resolve(values.out!);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1) + " s";

const check = await checkContentInParallel(papersDir, basePath, { render: true });
for (const warning of check.warnings) console.warn(`warning: ${formatProblem(warning)}`);
if (check.problems.length > 0) {
  console.error(check.problems.map(formatProblem).join("\n"));
  console.error(`\nbuild failed: ${check.problems.length} problem(s) in ${new Set(check.problems.map((p) => p.file)).size} file(s); ${existsSync(outDir) ? values.out + "/ was left as it was" : "nothing was written"}.`);
  process.exit(1);
}
console.log(`checked and rendered ${check.papers} papers and ${check.formulas} formulas in ${seconds()}`);
handOffRenderedContent({ papersDir, base: basePath, result: check });

const staging = resolve(dirname(outDir), `.${outDir.split("/").pop()}-staging`);
rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(outDir), { recursive: true });
process.env.PAPERNOTES_OUT_DIR = staging;
// Vite lets a stray BASE_URL in the environment (vitest sets one) override the
// configured base in pages; ours comes from BASE_PATH only.
delete process.env.BASE_URL;

try {
  const { build } = await import("astro");
  await build({ root: process.cwd(), logLevel: process.env.CI ? "warn" : "info" });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  console.error(`\nbuild failed; ${existsSync(outDir) ? values.out + "/ was left as it was" : "nothing was written"}.`);
  process.exit(1);
}

// One output for every host, any base path and file://: relative URLs, then a guard.
makeUrlsRelative(staging, basePath);
const searchDocuments = extractSearchDocuments(staging, check.index);
// Pagefind indexes on the other core while this thread does the rest.
const pagefindWritten = writePagefindInWorker(staging, searchDocuments);
writeOfflineIndex(staging, searchDocuments);
const guard = guardSite(staging);
await pagefindWritten;
console.log(`indexed ${searchDocuments.length} sections and equations for search in ${seconds()}`);
if (guard.length > 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(guard.map((p) => `${values.out}/${p.file}:${p.line}: ${p.reason}`).join("\n"));
  console.error(`\nbuild failed: the built site has ${guard.length} problem(s); ${existsSync(outDir) ? values.out + "/ was left as it was" : "nothing was written"}.`);
  process.exit(1);
}

const previous = `${staging}-previous`;
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`built ${check.papers} papers (${check.formulas} formulas) into ${values.out}/ in ${seconds()}`);
