// Worker side of checkContentInParallel (a child process): keeps its papers
// between the two steps.
import type { WorkerReply, WorkerRequest } from "./content-check-parallel.ts";
import { indexable, readPapers, renderPapers, type ContentProblem, type ReadPaper } from "./content-check.ts";
import { siteIndex } from "./content-check-results.ts";
import { renderCacheFor, type RenderCache } from "./render-cache.ts";

const PROGRESS_EVERY = 50;

let papers: ReadPaper[] = [];
let cache: RenderCache | undefined;

// A build that stops (or fails) takes its workers with it.
process.on("disconnect", () => process.exit(0));
process.on("message", async (request: WorkerRequest) => {
  let reply: WorkerReply;
  let done = 0;
  const onPaper = () => ++done % PROGRESS_EVERY === 0 && process.send!({ step: "progress", papers: PROGRESS_EVERY } satisfies WorkerReply);
  try {
    if (request.step === "read") {
      const problems: ContentProblem[] = [];
      cache = request.cacheFor ? renderCacheFor(request.cacheFor) : undefined;
      papers = await readPapers(request.paths, problems, cache, onPaper);
      reply = { step: "read", problems, papers: indexable(papers) };
    } else {
      const own = indexable(papers);
      const index = siteIndex(request.reads.map((others) => others ?? own));
      reply = { step: "render", pass: await renderPapers(papers, index, request.base, { render: request.render, asBuilt: request.asBuilt, cache, onPaper, unreadable: request.unreadable }) };
      papers = [];
    }
  } catch (error) {
    reply = { step: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send!(reply);
});
