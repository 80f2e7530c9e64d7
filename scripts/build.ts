// npm run build: check every paper, build into a staging folder, and only then
// replace dist/. A failed build leaves the last good site exactly as it was.
//
//   node scripts/build.ts [--out DIR]
//   PAPERNOTES_CONTENT=DIR  folder with papers/*.mdx (default ./content)
//   SITE_URL, BASE_PATH     where the site is hosted (see README)
//
// The build itself is build-site.ts, loaded only once the compile cache is on:
// a module's static imports are compiled before any of its code runs.
import { enableCompileCache } from "../src/lib/compile-cache.ts";

enableCompileCache();
await import("./build-site.ts");
