// npm run build: check every paper, build into a staging folder, and only then
// replace dist/. A failed build leaves the last good site exactly as it was.
//
//   node scripts/build.mjs [--out DIR]   (turns the compile cache on, then runs this file)
//   PAPERNOTES_CONTENT=DIR  folder with papers/*.mdx (default ./content)
//   SITE_URL, BASE_PATH     where the site is hosted (see README)
//
// The build itself is build-site.ts. It runs from a bundle of its code (see
// build-bundle.ts).
import { fileURLToPath } from "node:url";
import { BUILD_ENTRIES, buildBundleCache, bundleOf, useBundle } from "../src/lib/build-bundle.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
let buildSite = new URL("./build-site.ts", import.meta.url);
try {
  buildSite = useBundle((await bundleOf({ root, cacheDir: buildBundleCache(root), entries: BUILD_ENTRIES })).dir);
} catch (error) {
  // Only slower: the sources are the same code.
  console.warn(`warning: could not bundle the build's code (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); running it from its sources`);
}
await import(buildSite.href);
