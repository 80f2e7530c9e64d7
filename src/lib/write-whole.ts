// Kept apart from render-cache.ts so that the build's launcher (build-bundle.ts) loads no more than it needs.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Written whole, then renamed: a build cut short never leaves half a file. */
export function writeWhole(dir: string, name: string, bytes: Uint8Array | string): void {
  mkdirSync(dir, { recursive: true });
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, join(dir, name));
}
