// `astro build`, run by scripts/build-site.ts as a child task (see child-task.ts)
// that is handed the content check's result. Astro's build leaves about 0.6 GB
// (1,000 papers) behind in the process that ran it; a child gives it all back
// before the post-build steps and the search indexes reach their peak.
import { buildModule } from "./build-bundle.ts";
import type { HandOff } from "./build-handoff.ts";
import { runChildTask } from "./child-task.ts";

export interface AstroBuildRequest {
  handOff: HandOff;
  logLevel: "info" | "warn";
}

/** Builds the site with Astro in a child process (astro-build-child.ts); rejects with Astro's own message if it fails. */
export function astroBuildInChildProcess(request: AstroBuildRequest): Promise<void> {
  return runChildTask(buildModule("src/lib/astro-build-child.ts"), request, { name: "Astro's build" });
}
