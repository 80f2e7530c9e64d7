// `astro build`, run by scripts/build.ts as a child task (see child-task.ts)
// that is handed the content check's result. Astro's build leaves about 0.6 GB
// (1,000 papers) behind in the process that ran it; a child gives it all back
// before the post-build steps and the search indexes reach their peak.
import { handOffRenderedContent, type HandOff } from "./build-handoff.ts";
import { runChildTask, serveChildTask } from "./child-task.ts";

interface AstroBuildRequest {
  handOff: HandOff;
  logLevel: "info" | "warn";
}

/** Builds the site with Astro in a child process; rejects with Astro's own message if it fails. */
export function astroBuildInChildProcess(request: AstroBuildRequest): Promise<void> {
  return runChildTask(new URL(import.meta.url), request, { name: "Astro's build" });
}

if (import.meta.main) {
  serveChildTask(async ({ handOff, logLevel }: AstroBuildRequest) => {
    handOffRenderedContent(handOff);
    const { build } = await import("astro");
    await build({ root: process.cwd(), logLevel });
  });
}
