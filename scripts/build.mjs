// npm run build's entry (see build.ts). Plain JavaScript, so that Node's
// compile cache (V8's compiled code, kept on disk between runs) is on before
// any TypeScript is read: build.ts and its imports then come stripped of their
// types from the cache (0.1 s sooner than stripping them each time).
import { enableCompileCache } from "node:module";

// On for this process and, through the environment, for every process the build starts.
const { directory } = enableCompileCache();
if (directory) process.env.NODE_COMPILE_CACHE ??= directory;
await import("./build.ts");
