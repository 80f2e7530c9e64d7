// The last step of a build: the new site, built in a staging folder beside the
// old one, takes the old one's place, and the old one is removed in the background.
import { spawn } from "node:child_process";
import { existsSync, lstatSync, readdirSync, realpathSync, renameSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { literalPattern } from "../lib/literal-pattern.ts";

/** A file every site built here has (from public/), and no other folder is likely to. */
const BUILT_SITE_FILE = "scripts/papernotes.js";

const holds = (folder: string, path: string) => {
  const inside = relative(folder, path);
  return inside === "" || (!inside.startsWith("..") && !isAbsolute(inside));
};

/**
 * Why the site must not go to `out` (as the reader gave it), if it must not:
 * the new site takes the folder's place and what was there is removed. So
 * only a new or empty folder, or a site built here, may be named; never one
 * that holds the notes or the project.
 */
export function outDirProblem(out: string, kept: { notes: string; project: string; publicDir: string }): string | undefined {
  const site = siteFolder(out);
  const instead = "name a folder of its own for the site, such as dist";
  // public/ has a scripts/papernotes.js too: it would pass for a site built here.
  const held = ([["the notes", kept.notes], ["the project", kept.project], ["the project's public/ folder", kept.publicDir]] as const).find(([, folder]) => holds(site, folder));
  if (held) return `--out ${out} holds ${held[0]} (${held[1]}): the built site takes its place, and would remove them; ${instead}`;
  if (!existsSync(site)) return undefined;
  if (!statSync(site).isDirectory()) return `--out ${out} is a file, not a folder; ${instead}`;
  const entries = readdirSync(site).sort();
  if (entries.length === 0 || existsSync(join(site, BUILT_SITE_FILE))) return undefined;
  const shown = entries.slice(0, 3).join(", ") + (entries.length > 3 ? ` and ${entries.length - 3} more` : "");
  return `--out ${out} holds files that are not a site built here (${shown}): the built site takes its place, and they would be removed; ${instead}, or empty this one first`;
}

/** Where the site for `outDir` is built: a hidden folder beside it. */
export function stagingFor(outDir: string): string {
  return resolve(dirname(resolve(outDir)), `.${basename(outDir)}-staging`);
}

/**
 * The names of the old sites of `outDir`: `<staging>-previous-<pid>-<time>`, as
 * a remover has claimed it (`-removing-<pid>-<n>` after it), and the one fixed
 * name that builds before 2026-12-02 used.
 */
function oldSiteName(outDir: string): RegExp {
  const staging = literalPattern(basename(stagingFor(outDir)));
  return new RegExp(`^${staging}-previous(?:-\\d+-\\d+)?(?:-removing-\\d+-\\d+)?$`);
}

/** Old sites moved aside by builds into `outDir` and not yet removed (a build cut short leaves one). */
export function oldSitesLeft(outDir: string): string[] {
  const parent = dirname(resolve(outDir));
  const name = oldSiteName(outDir);
  return existsSync(parent) ? readdirSync(parent).filter((entry) => name.test(entry)).map((entry) => join(parent, entry)) : [];
}

/**
 * Removes each old site in the folder (argv: folder, name pattern), in a process
 * of its own. Another build's remover may be at work too: each claims a site by
 * renaming it first, so that no two remove one folder (Node's rmSync, racing
 * another remover, can return with the folder still full).
 */
const REMOVE_OLD_SITES = `const { readdirSync, renameSync, rmSync } = require("node:fs");
const [dir, pattern] = process.argv.slice(1);
let n = 0;
for (const name of readdirSync(dir).filter((name) => new RegExp(pattern).test(name))) {
  const mine = dir + "/" + name.replace(/-removing-\\d+-\\d+$/, "") + "-removing-" + process.pid + "-" + n++;
  try { renameSync(dir + "/" + name, mine); } catch { continue; }
  rmSync(mine, { recursive: true, force: true, maxRetries: 3 });
}`;

/**
 * The folder a build into `out` writes: the folder itself, or where it links
 * to (the link stays, and a web root behind it gets the new site).
 */
export function siteFolder(out: string): string {
  const site = resolve(out);
  return existsSync(site) && lstatSync(site).isSymbolicLink() ? realpathSync(site) : site;
}

/**
 * Puts the staging folder in place of the site in `outDir`, moving the old site
 * aside under a name of its own, then removes the old sites in the background
 * (2 s at 1,000 papers). Under one fixed name, a build right after another found
 * the first one's old site still being removed there, and failed (ENOTEMPTY).
 *
 * What the old site's folder holds at its top that the new site has not, and
 * the last build did not make (`lastBuilt`, its top-level names, if known), was
 * put there by hand (CNAME, .nojekyll, a git worktree's .git): it moves into
 * the new site. Gives those names.
 */
export function swapInSite(outDir: string, lastBuilt?: Set<string>): string[] {
  const site = resolve(outDir);
  const staging = stagingFor(site);
  const kept: string[] = [];
  if (existsSync(site)) {
    for (const entry of readdirSync(site)) {
      if (lastBuilt?.has(entry) || existsSync(join(staging, entry))) continue;
      renameSync(join(site, entry), join(staging, entry));
      kept.push(entry);
    }
    renameSync(site, `${staging}-previous-${process.pid}-${Date.now()}`);
  }
  renameSync(staging, site);
  if (oldSitesLeft(site).length > 0) removeOldSites(site);
  return kept.sort();
}

function removeOldSites(site: string): void {
  const remover = spawn(process.execPath, ["-e", REMOVE_OLD_SITES, dirname(site), oldSiteName(site).source], { detached: true, stdio: "ignore" });
  remover.on("error", () => {}); // the next build removes them
  remover.unref();
}
