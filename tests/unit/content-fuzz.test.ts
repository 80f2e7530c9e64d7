// Fuzz test of the content pipeline (issue #8): a few thousand random and
// mutated notes (tests/support/fuzz-notes.ts), each saved as .mdx or .md, go
// through the real content check, in batches, in a worker thread
// (tests/support/fuzz-worker.ts). The only allowed outcomes for a note are a
// page or a clean, located error:
//   - checkContent never throws, and no batch runs over 60 s (a hang: the
//     worker is stopped and the batch bisected down to the note that hangs);
//   - every problem names a file of the batch, a line inside it, and a plain reason;
//   - a note without problems is rendered, without KaTeX error text or a raw
//     <script (a .md note's HTML is passed through), or is an MDX note that
//     Astro's MDX plugins also accept;
//   - notes built only from valid pieces ("valid") have no problems.
//
//   FUZZ_SEED=n     another random seed (the default is fixed, so runs repeat)
//   FUZZ_CASES=n    number of notes (default 3000)
//   FUZZ_ONLY=a,b   only these notes (names from a failure report), same seed
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import { Parser } from "htmlparser2";
import { VFile } from "vfile";
import { afterAll, describe, expect, it } from "vitest";
import type { ContentProblem } from "../../src/lib/content-check.ts";
import rehypeNoMathErrors from "../../src/plugins/rehype-no-math-errors.ts";
import { noteArb, SEEDS, TARGET_SLUGS, targetArb, type NoteKind } from "../support/fuzz-notes.ts";
import type { FuzzJob, FuzzJobOutcome, FuzzJobResult, NoteExtension } from "../support/fuzz-worker.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20240315);
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const ONLY = process.env.FUZZ_ONLY ? new Set(process.env.FUZZ_ONLY.split(",").map((s) => s.trim())) : undefined;
const BATCH = 50;
/**
 * A batch (or, when bisecting, a single note) that takes longer than this
 * hangs. A hang, not a speed target (those are in bench/): a batch takes a
 * second or two, and on a busy shared machine several times that.
 */
const HANG_MS = 60_000;
/** The worker's first job also loads the pipeline (KaTeX, Shiki, Astro's zod). */
const WARMUP_MS = 60_000;

interface Note {
  name: string;
  kind: NoteKind;
  ext: NoteExtension;
  text: string;
  badName: boolean;
  batch: number;
}

interface Failure {
  note?: Note;
  batch: number;
  reason: string;
}

// ------------------------------------------------------------ the cases

function makeNotes(): { notes: Note[]; targets: string[][] } {
  const generated = fc.sample(noteArb, { seed: SEED, numRuns: CASES });
  // Apart from the notes' own sample, so that a seed gives the same notes as before .md was fuzzed.
  const asMarkdown = fc.sample(fc.boolean(), { seed: SEED + 2, numRuns: CASES });
  const notes = generated.map((g, i): Note => {
    const id = "n" + String(i).padStart(4, "0");
    const ext = asMarkdown[i] && !g.mdxOnly ? ".md" : ".mdx";
    return { name: g.badName ? `${id}-${g.badName}` : id, kind: g.kind, ext, text: g.text, badName: g.badName !== undefined, batch: Math.floor(i / BATCH) };
  });
  const batches = Math.ceil(CASES / BATCH);
  const targetTexts = fc.sample(targetArb, { seed: SEED + 1, numRuns: 2 * batches });
  const targets = Array.from({ length: batches }, (_, b) => [targetTexts[2 * b]!, targetTexts[2 * b + 1]!]);
  return { notes: ONLY ? notes.filter((n) => ONLY.has(n.name)) : notes, targets };
}

// ------------------------------------------------------------ the worker

type Outcome = { kind: "ok"; result: FuzzJobResult } | { kind: "thrown"; stack: string } | { kind: "timeout"; ms: number } | { kind: "died"; error: string };

class FuzzRunner {
  private worker?: Worker;
  private jobs = 0;
  private readonly root: string;
  constructor(root: string) {
    this.root = root;
  }

  async run(notes: Note[], targets: string[], budget = HANG_MS): Promise<Outcome> {
    if (!this.worker) {
      this.worker = new Worker(new URL("../support/fuzz-worker.ts", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 2048 } });
      this.worker.unref();
      // Warm up on the seeds alone, so that loading modules is not counted as a hang.
      const warm = await this.send([], targets, WARMUP_MS);
      if (warm.kind !== "ok") return warm;
    }
    return this.send(notes, targets, budget);
  }

  private send(notes: Note[], targets: string[], budget: number): Promise<Outcome> {
    const worker = this.worker!;
    const id = ++this.jobs;
    const job: FuzzJob = { id, root: join(this.root, `job-${id}`), targets, notes: notes.map(({ name, ext, text }) => ({ name, ext, text })) };
    return new Promise<Outcome>((done) => {
      const finish = (outcome: Outcome) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (outcome.kind !== "ok" && outcome.kind !== "thrown") {
          this.worker = undefined;
          void worker.terminate();
        }
        done(outcome);
      };
      const onMessage = (message: FuzzJobOutcome) => {
        if (message.id !== id) return;
        finish("thrown" in message ? { kind: "thrown", stack: message.thrown } : { kind: "ok", result: message });
      };
      const onError = (error: Error) => finish({ kind: "died", error: error.stack ?? String(error) });
      const onExit = (code: number) => finish({ kind: "died", error: `the worker exited with code ${code}` });
      const timer = setTimeout(() => finish({ kind: "timeout", ms: budget }), budget);
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

function describeOutcome(outcome: Exclude<Outcome, { kind: "ok" }>): string {
  if (outcome.kind === "timeout") return `hang: no result within ${outcome.ms / 1000} s`;
  if (outcome.kind === "thrown") return `checkContent threw:\n${outcome.stack}`;
  return `the worker died: ${outcome.error}`;
}

/** Narrows a batch that hangs, throws or kills the worker down to the notes that do it alone. */
async function isolate(runner: FuzzRunner, notes: Note[], targets: string[], outcome: Exclude<Outcome, { kind: "ok" }>): Promise<Failure[]> {
  if (notes.length === 1) return [{ note: notes[0], batch: notes[0]!.batch, reason: describeOutcome(outcome) }];
  const halves = [notes.slice(0, notes.length >> 1), notes.slice(notes.length >> 1)];
  const found: Failure[] = [];
  for (const half of halves) {
    const result = await runner.run(half, targets);
    if (result.kind !== "ok") found.push(...(await isolate(runner, half, targets, result)));
  }
  if (found.length > 0) return found;
  return [{ batch: notes[0]!.batch, reason: `${describeOutcome(outcome)}\n(only these ${notes.length} notes together: ${notes.map((n) => n.name).join(", ")})` }];
}

// ------------------------------------------------------------ the verdicts

const lineCount = (text: string) => text.split("\n").length;

/** Why a problem is not a clean, located error, or undefined when it is. */
function badProblem(p: ContentProblem, texts: Map<string, string>): string | undefined {
  const text = texts.get(p.file);
  if (text === undefined) return `a problem names a file that is not in the batch: ${p.file}`;
  if (!Number.isInteger(p.line) || p.line < 1 || p.line > lineCount(text) + 1) return `a problem's line ${p.line} is not a line of the file (${lineCount(text)} lines)`;
  if (!Number.isInteger(p.column) || p.column < 1) return `a problem's column ${p.column} is not a column`;
  if (typeof p.reason !== "string" || !/\S/.test(p.reason)) return "a problem has an empty reason";
  if (/\n\s+at /.test(p.reason)) return "a problem's reason is a stack trace";
  if (/\[object Object\]|\bNaN\b/.test(p.reason)) return "a problem's reason shows a JavaScript value, not a message";
  if (/\bundefined\b/.test(p.reason) && !/\bundefined\b/.test(text)) return "a problem's reason says undefined";
  return undefined;
}

/** `jobDir` holds the batch's two folders: all/ (pass 1) and clean/ (pass 2). */
function verify(result: FuzzJobResult, notes: Note[], jobDir: string): Failure[] {
  const failures: Failure[] = [];
  const batch = notes[0]!.batch;
  const pathOf = (name: string, ext: NoteExtension = ".mdx") => join(jobDir, "all", "papers", `${name}${ext}`);
  const notePath = (note: Note) => pathOf(note.name, note.ext);
  // Pass 2's problems name files in clean/: compared with all/'s paths, none was ever a note's.
  const cleanPath = (note: Note) => join(jobDir, "clean", "papers", `${note.name}${note.ext}`);
  const texts = new Map<string, string>();
  for (const seed of SEEDS) texts.set(pathOf(seed.slug), seed.text);
  // Targets are valid by construction; their text is not needed for the checks below.
  for (const slug of TARGET_SLUGS) texts.set(pathOf(slug), "\n".repeat(40));
  for (const note of notes) texts.set(notePath(note), note.text);

  const problemsOf = (problems: ContentProblem[], path: string) => problems.filter((p) => p.file === path);
  const { pass1, pass2 } = result;
  for (const p of [...pass1.problems, ...pass1.warnings]) {
    const why = badProblem(p, texts);
    if (why) failures.push({ batch, note: notes.find((n) => notePath(n) === p.file), reason: `${why}\n  ${p.file}:${p.line}:${p.column}: ${p.reason}` });
  }
  for (const name of [...SEEDS.map((s) => s.slug), ...TARGET_SLUGS]) {
    const own = problemsOf(pass1.problems, pathOf(name));
    if (own.length > 0) failures.push({ batch, reason: `${name}.mdx is valid but has problems:\n${own.map((p) => `  ${p.line}:${p.column}: ${p.reason}`).join("\n")}` });
  }

  for (const note of notes) {
    const fail = (reason: string) => failures.push({ note, batch, reason });
    const own = problemsOf(pass1.problems, notePath(note));
    if (own.length > 0) {
      if (note.kind === "valid") fail(`a valid note has problems:\n${own.map((p) => `  ${p.line}:${p.column}: ${p.reason}`).join("\n")}`);
      continue;
    }
    if (note.badName) fail("the file name is not a slug, but the check reported nothing");
    if (pass1.drafts.includes(note.name)) continue;
    if (pass1.mdxSlugs.includes(note.name) !== pass1.mdxFiles.includes(note.name))
      fail(`the content check (${pass1.mdxSlugs.includes(note.name) ? "MDX" : "fast path"}) and the content loader (${pass1.mdxFiles.includes(note.name) ? "MDX" : "fast path"}) disagree on how to render the note`);
    if (!pass2.names.includes(note.name)) continue; // it refers to a target that has problems
    const again = problemsOf(pass2.problems, cleanPath(note));
    if (again.length > 0) {
      fail(`no problems among all notes, but problems among the clean ones:\n${again.map((p) => `  ${p.line}:${p.column}: ${p.reason}`).join("\n")}`);
      continue;
    }
    const html = pass2.html[note.name];
    if (html !== undefined) {
      const error = katexErrorAt(html);
      if (error !== undefined) fail(`the rendered page has KaTeX error text: …${excerpt(html, error)}…`);
      if (hasScriptElement(html)) fail(`the rendered page has a raw <script: …${excerpt(html, /<script/i)}…`);
      if (pass2.mdxNodesOnFastPath[note.name]) fail(`the note uses MDX syntax (${pass2.mdxNodesOnFastPath[note.name]}) but was rendered on the fast path, which drops it`);
    } else if (pass2.mdxSlugs.includes(note.name)) {
      if (pass2.mdxPipelineErrors[note.name]) fail(`the check passed this MDX note, but Astro's MDX plugins reject it:\n${pass2.mdxPipelineErrors[note.name]}`);
    } else fail("the note has no problems, but was neither rendered nor left to MDX");
  }
  for (const p of pass2.problems) {
    if (!notes.some((n) => p.file === cleanPath(n))) failures.push({ batch, reason: `with only the clean notes, a seed or target has a problem: ${p.file}:${p.line}: ${p.reason}` });
  }
  return failures;
}

/** A <script> element, not the text "<script" in an attribute value or escaped in text. */
function hasScriptElement(html: string): boolean {
  if (!/<script/i.test(html)) return false;
  let found = false;
  const parser = new Parser({ onopentagname: (name) => void (found ||= name === "script") }, { decodeEntities: true });
  parser.end(html);
  return found;
}

/**
 * Where KaTeX's error markup is in a page (an element rehype-no-math-errors
 * tells of: class katex-error, its red), or undefined; not the words
 * "katex-error" in a code block or in prose.
 */
function katexErrorAt(html: string): number | undefined {
  if (!/katex-error|#cc0000/.test(html)) return undefined;
  const file = new VFile(html);
  rehypeNoMathErrors()(fromHtml(html, { fragment: true }), file);
  const place = file.messages[0]?.place;
  return place === undefined ? undefined : (("start" in place ? place.start : place).offset ?? 0);
}

function excerpt(text: string, at: RegExp | number): string {
  const i = typeof at === "number" ? at : Math.max(0, text.search(at));
  return text.slice(Math.max(0, i - 120), i + 120);
}

// ------------------------------------------------------------ the report

function report(failures: Failure[], targets: string[][], stats: string): string {
  const dir = join(tmpdir(), `papernotes-fuzz-failures-${SEED}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "papers"), { recursive: true });
  const lines = [`${failures.length} fuzz failure(s) with FUZZ_SEED=${SEED} (${stats}).`, ""];
  for (const f of failures.slice(0, 12)) {
    lines.push(`── ${f.note ? `${f.note.name}${f.note.ext} (${f.note.kind}, batch ${f.batch})` : `batch ${f.batch}`}: ${f.reason}`);
    if (f.note) {
      const shown = f.note.text.length > 2500 ? f.note.text.slice(0, 2500) + `\n… (${f.note.text.length} characters)` : f.note.text;
      lines.push("note text (JSON, exact):", JSON.stringify(shown), "");
      writeFileSync(join(dir, "papers", `${f.note.name}${f.note.ext}`), f.note.text);
    }
  }
  if (failures.length > 12) lines.push(`… and ${failures.length - 12} more: ${failures.slice(12).map((f) => f.note?.name ?? `batch ${f.batch}`).join(", ")}`);
  // The notes' own batch targets, so that the folder reproduces cross-paper references.
  const batch = failures.find((f) => f.note)?.batch ?? failures[0]!.batch;
  targets[batch]?.forEach((text, i) => writeFileSync(join(dir, "papers", `${TARGET_SLUGS[i]}.mdx`), text));
  for (const seed of SEEDS) writeFileSync(join(dir, "papers", `${seed.slug}.mdx`), seed.text);
  const names = [...new Set(failures.flatMap((f) => (f.note ? [f.note.name] : [])))];
  lines.push(
    "",
    `The failing notes, the seeds and batch ${batch}'s targets are in ${dir}/papers (try: PAPERNOTES_CONTENT=${dir} npm run check).`,
    `Rerun: FUZZ_SEED=${SEED}${names.length > 0 ? ` FUZZ_ONLY=${names.slice(0, 20).join(",")}` : ""} npx vitest run --project unit tests/unit/content-fuzz.test.ts`,
  );
  return lines.join("\n");
}

// ------------------------------------------------------------ the test

describe("content pipeline fuzz", () => {
  const root = mkdtempSync(join(tmpdir(), "papernotes-fuzz-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`${CASES} random and mutated notes end in a page or a clean, located error (FUZZ_SEED=${SEED})`, { timeout: 300_000 }, async () => {
    const started = performance.now();
    const { notes, targets } = makeNotes();
    const byBatch = new Map<number, Note[]>();
    for (const note of notes) byBatch.set(note.batch, [...(byBatch.get(note.batch) ?? []), note]);

    const runner = new FuzzRunner(root);
    const failures: Failure[] = [];
    const kinds = new Map<string, number>();
    let slowest = { ms: 0, batch: -1 };
    let rendered = 0;
    let mdx = 0;
    let rejected = 0;
    try {
      for (const [batch, batchNotes] of byBatch) {
        const outcome = await runner.run(batchNotes, targets[batch]!);
        if (outcome.kind !== "ok") {
          failures.push(...(await isolate(runner, batchNotes, targets[batch]!, outcome)));
          continue;
        }
        const { result } = outcome;
        if (result.ms > slowest.ms) slowest = { ms: result.ms, batch };
        failures.push(...verify(result, batchNotes, join(root, `job-${result.id}`)));
        rendered += Object.keys(result.pass2.html).length;
        mdx += batchNotes.filter((n) => result.pass2.mdxSlugs.includes(n.name)).length;
        rejected += new Set(result.pass1.problems.map((p) => p.file)).size;
        for (const n of batchNotes) kinds.set(n.kind, (kinds.get(n.kind) ?? 0) + 1);
      }
    } finally {
      await runner.close();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const stats = `${notes.length} notes (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}; ${notes.filter((n) => n.ext === ".md").length} as .md) in ${byBatch.size} batches, ${seconds} s; ${rejected} with problems, ${rendered} rendered, ${mdx} left to MDX; slowest batch ${(slowest.ms / 1000).toFixed(1)} s (#${slowest.batch})`;
    console.log(`content fuzz, FUZZ_SEED=${SEED}: ${stats}`);
    if (failures.length > 0) expect.fail(report(failures, targets, stats));
  });
});
