// The last step of a build: the new site, built in a staging folder beside the
// old one, takes the old one's place, and the old one is removed in the background.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** Where the site for `outDir` is built: a hidden folder beside it. */
export function stagingFor(outDir: string): string {
  return resolve(dirname(outDir), `.${basename(outDir)}-staging`);
}

/** Old sites moved aside by builds into `outDir` and not yet removed (a build cut short leaves one). */
export function oldSitesLeft(outDir: string): string[] {
  const prefix = `${basename(stagingFor(outDir))}-previous`;
  return readdirSync(dirname(outDir)).filter((name) => name.startsWith(prefix)).map((name) => join(dirname(outDir), name));
}

/** Each old site beside the site, removed by a process of its own; another build's may be removing one too. */
const REMOVE_OLD_SITES = `const { readdirSync, rmSync } = require("node:fs");
const [dir, prefix] = process.argv.slice(1);
for (const name of readdirSync(dir)) if (name.startsWith(prefix)) try { rmSync(dir + "/" + name, { recursive: true, force: true }); } catch {}`;

/**
 * Puts the staging folder in place of the site in `outDir`, moving the old site
 * aside under a name of its own, then removes the old sites in the background
 * (2 s at 1,000 papers). Under one fixed name, a build right after another found
 * the first one's old site still being removed there, and failed (ENOTEMPTY).
 */
export function swapInSite(outDir: string): void {
  const staging = stagingFor(outDir);
  if (existsSync(outDir)) renameSync(outDir, `${staging}-previous-${process.pid}-${Date.now()}`);
  renameSync(staging, outDir);
  if (oldSitesLeft(outDir).length > 0) spawn(process.execPath, ["-e", REMOVE_OLD_SITES, dirname(outDir), `${basename(staging)}-previous`], { detached: true, stdio: "ignore" }).unref();
}
