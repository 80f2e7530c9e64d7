// checkContent spread over worker processes, for `npm run build` on big sites.
// Each worker reads and parses its share of the papers and keeps the trees; the
// main process merges the site-wide index and sends each worker the papers of
// the others; then each worker checks and renders its share. Same results as
// checkContent, in the same order.
import { availableParallelism } from "node:os";
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildModule } from "./build-bundle.ts";
import { BUILD_V8_FLAGS, trackChild } from "./child-task.ts";
import type { CheckOptions, ContentCheckResult, ContentProblem, RenderPassResult } from "./content-check.ts";
import { checkPapersFolder, checkSlugs, mergeResults, siteIndex, unreadablePapers } from "./content-check-results.ts";
import { listPaperFiles } from "./paper-files.ts";
import type { IndexedPaper } from "./paper-index.ts";
import { renderCacheFor } from "./render-cache.ts";

/** Below this many papers, starting workers costs more than it saves. */
const MIN_PAPERS_PER_WORKER = 100;

export type WorkerRequest =
  | { step: "read"; paths: string[]; /** papersDir, when the build cache is on */ cacheFor?: string }
  | { step: "render"; /** Each worker's indexed papers, but for the worker's own (null): it has those. */ reads: (IndexedPaper[] | null)[]; base: string; render: boolean; asBuilt: boolean; unreadable: Set<string> };
export type WorkerReply =
  | { step: "read"; problems: ContentProblem[]; papers: IndexedPaper[] }
  | { step: "render"; pass: RenderPassResult }
  | { step: "progress"; /** read, or checked, since the last report */ papers: number }
  | { step: "error"; message: string };

/**
 * `workers` defaults to one per core, when there are enough papers to share.
 * `onProgress` hears, now and then, how many papers are read (parsed and
 * indexed), then how many are checked; `onInProcess`, that the check runs in
 * this process, which leaves a core free.
 */
export async function checkContentInParallel(papersDir: string, base: string, options: CheckOptions & { workers?: number; onProgress?: (papers: number, of: number, step: "read" | "checked") => void; onInProcess?: () => void }): Promise<ContentCheckResult> {
  const paths = listPaperFiles(papersDir);
  const cache = options.cache ? renderCacheFor(papersDir) : undefined;
  const count = Math.min(paths.length, options.workers ?? Math.min(availableParallelism(), Math.floor(paths.length / MIN_PAPERS_PER_WORKER)));
  // Papers unchanged since a cached check cost little: when few changed (an
  // edit), starting workers, each loading the whole pipeline, costs more than
  // it saves (1,000 papers, one edited: 1.6 s here, 2.9 s with two workers).
  // The pipeline is loaded here only when this process runs it: otherwise the
  // workers load it while this process goes on.
  if (count < 2 || (options.workers === undefined && cache && cache.likelyMisses(paths) < MIN_PAPERS_PER_WORKER)) {
    options.onInProcess?.();
    const result = await (await import("./content-check.ts")).checkContent(papersDir, base, options);
    if (result.problems.length === 0) cache?.markFilled();
    return result;
  }

  const shares = Array.from({ length: count }, (_, i) => paths.filter((_, j) => j % count === i));
  const workers = shares.map((share) => new PassWorker(share.length));
  try {
    let read = 0;
    const onRead = (papers: number) => options.onProgress?.((read += papers), paths.length, "read");
    const reads = await Promise.all(workers.map((worker, i) => worker.ask({ step: "read", paths: shares[i]!, cacheFor: options.cache ? papersDir : undefined }, onRead)));
    const replies = reads.map((read) => (read.step === "read" ? read : unexpected()));
    const problems = [...checkPapersFolder(papersDir, paths), ...checkSlugs(paths), ...replies.flatMap((read) => read.problems)];
    const indexed = replies.map((read) => read.papers);
    const index = siteIndex(indexed);
    const render = options.render === true && problems.length === 0;
    let checked = 0;
    const onProgress = (papers: number) => options.onProgress?.((checked += papers), paths.length, "checked");
    const unreadable = unreadablePapers(paths, index);
    // Each worker is sent the others' papers only (it has its own): at 10,000
    // papers, 1.7 s from send to receipt against 2.7 s for the whole index, and
    // each worker peaked 130 MB lower.
    const othersOf = (i: number) => indexed.map((papers, j) => (j === i ? null : papers));
    const passes = await Promise.all(workers.map((worker, i) => worker.ask({ step: "render", reads: othersOf(i), base, render, asBuilt: options.asBuilt === true, unreadable }, onProgress)));
    const result = mergeResults(problems, passes.map((pass) => (pass.step === "render" ? pass.pass : unexpected())), index.size, index);
    if (result.problems.length === 0) cache?.markFilled();
    return result;
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

function unexpected(): never {
  throw new Error("unexpected reply from a content-check worker");
}

/** Papers of one worker from which its heap is capped (see workerExecArgv). */
const HEAP_CAPPED_FROM = 1000;

/**
 * The workers' heaps stay close to what they hold:
 * - 16 MB semi-spaces (Node 24 gave each worker a 128 MB young generation):
 *   1,000 papers, cold, peak of all processes 0.85-0.88 GB instead of
 *   1.01-1.12 GB, in the same time; 4 MB (as child-task.ts gives its tasks)
 *   made the check slower;
 * - for a worker of HEAP_CAPPED_FROM papers or more, old space grown by 20 %
 *   past what a full GC leaves, not by V8's default factor (up to 4x). At
 *   10,000 papers each worker holds about 550 MB of parsed notes, and its heap
 *   had grown to 1.3-1.6 GB. Check only, cold: peak 2.88 GB instead of
 *   3.84 GB, in 140 s against 144 s. A smaller worker's heap stays small
 *   either way, and the more frequent full GCs cost time: 1,000 papers (500 a
 *   worker), check only, 9 alternated pairs: V8's default was faster in 8 (by
 *   0.3 s and 0.8 s of CPU, medians), with 313 MB a worker at most, not 275 MB.
 */
function workerExecArgv(papers: number): string[] {
  const cappedHeap = papers >= HEAP_CAPPED_FROM ? ["--heap-growing-percent=20"] : [];
  return [...process.execArgv, ...BUILD_V8_FLAGS, "--max-semi-space-size=16", ...cappedHeap];
}

/**
 * One worker, asked one step at a time. A child process, not a thread: the
 * parsed trees of a big site take hundreds of MB, and a process gives them
 * back to the system when it ends (a thread's stayed with the build, 0.85 GB
 * at 1,000 papers, until it exited).
 */
class PassWorker {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;

  /** `papers`: how many it will read. */
  constructor(papers: number) {
    this.child = trackChild(fork(fileURLToPath(buildModule("src/lib/content-check-worker.ts")), [], { execArgv: workerExecArgv(papers), serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] }));
    this.exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()).once("error", () => resolve()));
  }

  ask(request: WorkerRequest, onProgress?: (papers: number) => void): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) => reject(new Error(`a content-check worker ended early (${signal ?? `exit code ${code}`})`));
      const onError = (error: Error) => reject(error);
      const onMessage = (reply: WorkerReply) => {
        if (reply.step === "progress") return onProgress?.(reply.papers);
        this.child.off("exit", onExit).off("error", onError).off("message", onMessage);
        if (reply.step === "error") reject(new Error(reply.message));
        else resolve(reply);
      };
      this.child.once("exit", onExit).once("error", onError).on("message", onMessage);
      this.child.send(request);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    await this.exited;
  }
}
