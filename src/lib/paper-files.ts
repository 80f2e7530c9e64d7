// The note files of a content folder, and the slugs their names give. Kept apart
// from the paper index so that pages (and the build's own process) can list
// notes without loading the Markdown pipeline.
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function listPaperFiles(papersDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(papersDir);
  } catch {
    return [];
  }
  return names.filter(isPaperFile).sort().map((name) => join(papersDir, name));
}

/** A note is an .mdx file, or a plain .md one. */
export function isPaperFile(name: string): boolean {
  return /\.mdx?$/.test(name);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugFromPath(path: string): string {
  return path.replace(/^.*[\\/]/, "").replace(/\.mdx?$/, "");
}
