// npm run build's entry. Plain JavaScript, so that Node's compile cache is on
// before any TypeScript is read: build.ts and its imports then come stripped
// of their types from the cache (0.1 s sooner than stripping them each time).
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("./build.ts");
