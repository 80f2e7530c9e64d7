// npm run build's entry (see build.ts). Plain JavaScript, so that Node's
// compile cache (V8's compiled code, kept on disk between runs) is on before
// any TypeScript is read: build.ts and its imports then come stripped of their
// types from the cache (0.1 s sooner than stripping them each time).
import { enableCompileCache } from "node:module";

// On for this process and, through the environment, for every process the build starts.
const { directory } = enableCompileCache();
if (directory) process.env.NODE_COMPILE_CACHE ??= directory;
// Astro's log takes CI=1 as a terminal that shows colours; into a file or a CI log they are escape codes.
if (!process.stderr.isTTY) process.env.NO_COLOR ??= "1";
await import("./build.ts");
