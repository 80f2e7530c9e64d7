// npm run build's entry (see build.ts). Plain JavaScript, so that Node's
// compile cache (V8's compiled code, kept on disk between runs) is on before
// any TypeScript is read: build.ts and its imports then come stripped of their
// types from the cache (0.1 s sooner than stripping them each time).
import * as nodeModule from "node:module";

// Run with the machine's Node instead of npm run build's (the project's Node 24), it would fail on a name it lacks.
if (!nodeModule.enableCompileCache) {
  console.error(`the build needs Node 22.12 or later, and this is Node ${process.versions.node}: run it as npm run build, which uses the project's own Node 24`);
  process.exit(1);
}
// On for this process and, through the environment, for every process the build starts.
const { directory } = nodeModule.enableCompileCache();
if (directory) process.env.NODE_COMPILE_CACHE ??= directory;
// Astro's log takes CI=1 as a terminal that shows colours; into a file or a CI log they are escape codes.
if (!process.stderr.isTTY) process.env.NO_COLOR ??= "1";
await import("./build.ts");
