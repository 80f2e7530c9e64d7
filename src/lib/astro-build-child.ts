// The child side of astroBuildInChildProcess (astro-build.ts).
import { handOffRenderedContent } from "./build-handoff.ts";
import type { AstroBuildRequest } from "./astro-build.ts";
import { serveChildTask } from "./child-task.ts";
import { atFailedNote } from "./page-render-error.ts";
import { papersDir } from "../site.config.ts";

serveChildTask(async ({ handOff, logLevel }: AstroBuildRequest) => {
  handOffRenderedContent(handOff);
  // Astro's usage telemetry, which its CLI announces on first use: called from
  // here, it would report every build unannounced (running git and posting to
  // telemetry.astro.build, also with no network).
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const { build } = await import("astro");
  await build({ root: process.cwd(), logLevel }).catch((error: Error) => {
    throw new Error(atFailedNote(error.message, papersDir));
  });
});
