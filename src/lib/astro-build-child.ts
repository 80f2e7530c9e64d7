// The child side of astroBuildInChildProcess (astro-build.ts).
import { handOffRenderedContent } from "./build-handoff.ts";
import type { AstroBuildRequest } from "./astro-build.ts";
import { serveChildTask } from "./child-task.ts";

serveChildTask(async ({ handOff, logLevel }: AstroBuildRequest) => {
  handOffRenderedContent(handOff);
  const { build } = await import("astro");
  await build({ root: process.cwd(), logLevel });
});
