// One task in a child process: one request in, one result out, then the child
// exits. A process gives back all the memory its task took when it ends; the
// build's own process (or a thread of it) keeps what it once held, as glibc
// and V8 return little of it to the system.
import { fork, type ChildProcess, type Serializable } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The build's child processes that have not ended yet (see endChildren). */
const running = new Set<ChildProcess>();

/** Counts `child` among those that endChildren ends. */
export function trackChild<Child extends ChildProcess>(child: Child): Child {
  running.add(child);
  child.once("close", () => running.delete(child));
  return child;
}

/**
 * Ends every child process still running, and resolves once each has: a build
 * that is stopped removes its staging folders only then, or a child still at
 * work (a search index being written) could write into them again.
 */
export async function endChildren(): Promise<void> {
  await Promise.all([...running].map((child) => new Promise((ended) => (child.once("close", ended), child.kill()))));
}

/**
 * V8 flags for every process of a build (build-site.ts sets them on its own):
 * code is optimized by Maglev, V8's middle tier, but not by TurboFan. The
 * processes live seconds, and TurboFan's compiling (on V8's background
 * threads, about 7 % of the build's CPU) did not pay for itself. 1,000 papers,
 * cold, 13 pairs of alternated runs: less CPU in 11 (by 1.4 s of about 34 s,
 * median), less time in 9 (median 17.8 s against 18.5 s); 10,000 papers: 154.6 s
 * against 158.5 s (one run each). Without Maglev too (--max-opt=1): 22-29 s.
 */
export const BUILD_V8_FLAGS = ["--max-opt=2"];

/**
 * A small young generation (4 MB semi-spaces; V8 lets them grow to 16 MB or
 * more). Measured at 1,000 papers, with no loss of time: the offline search
 * index's process (MiniSearch, since replaced) peaked at 0.40 GB instead of
 * 0.54 GB, Astro's at 0.57 GB instead of 0.70 GB.
 */
const TASK_EXEC_ARGV = [...process.execArgv, ...BUILD_V8_FLAGS, "--max-semi-space-size=4"];

type Reply<Result> = { result: Result } | { error: string };

/** A child process started ahead of its task: it loads its modules until `run` sends the request. */
export interface ChildTask<Request, Result> {
  run(request: Request): Promise<Result>;
}

/**
 * Starts the module `module` (which calls serveChildTask) in a child process;
 * `run` sends it the request and resolves with its result once it has exited.
 * `signal` ends the child.
 */
export function startChildTask<Request, Result>(module: URL, options: { name: string; signal?: AbortSignal }): ChildTask<Request, Result> {
  const child = trackChild(fork(fileURLToPath(module), [], { execArgv: TASK_EXEC_ARGV, serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"], signal: options.signal }));
  const ended = new Promise<Result>((resolve, reject) => {
    let reply: Reply<Result> | undefined;
    child.once("message", (message: Reply<Result>) => void (reply = message));
    child.on("error", reject); // every error: a send to a child already ended is one too
    // Once "close" comes, every message the child sent has come too.
    child.once("close", (code, signal) => {
      if (reply && "result" in reply) resolve(reply.result);
      else if (reply) reject(new Error(reply.error));
      else reject(new Error(`${options.name} ended early (${signal ?? `exit code ${code}`})`));
    });
  });
  ended.catch(() => {}); // a child ended unused is no failure; `run` reports the rest
  return {
    run(request) {
      child.send(request as Serializable); // with "advanced" serialization: anything structuredClone takes
      // Node unrefs the IPC channel once the reply's listener is gone, and the
      // child's exit can come before the channel's end: in between, a build with
      // nothing else to do had no live handle and ended under its top-level await
      // (exit code 13). Until "close", this timer keeps the process alive.
      const alive = setInterval(() => {}, 60_000);
      ended.finally(() => clearInterval(alive)).catch(() => {});
      return ended;
    },
  };
}

/** Runs the module `module` in a child process with `request` (see startChildTask). */
export function runChildTask<Request, Result>(module: URL, request: Request, options: { name: string; signal?: AbortSignal }): Promise<Result> {
  return startChildTask<Request, Result>(module, options).run(request);
}

/** The child's side: does the task it is sent, answers, and exits. */
export function serveChildTask<Request, Result>(task: (request: Request) => Promise<Result>): void {
  // A build that stops (or fails) takes its children with it.
  process.once("disconnect", () => process.exit(1));
  process.once("message", async (request: Request) => {
    let reply: Reply<Result>;
    try {
      reply = { result: await task(request) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    // Exit only once the reply is sent: exiting at once can drop it.
    process.send!(reply, () => process.exit("error" in reply ? 1 : 0));
  });
}
