// The note files of a content folder, and the slugs their names give. Kept apart
// from the paper index so that pages (and the build's own process) can list
// notes without loading the Markdown pipeline.
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function listPaperFiles(papersDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(papersDir);
  } catch {
    return [];
  }
  return names.filter(isPaperFile).sort().map((name) => join(papersDir, name));
}

/** A note is an .mdx file, or a plain .md one; hidden files (an editor's .#note.mdx lock, macOS's ._note.mdx) are not. */
export function isPaperFile(path: string): boolean {
  const name = basename(path);
  return !name.startsWith(".") && /\.mdx?$/.test(name);
}

/** Files of papersDir that look like notes but are not read: .MDX, .Md, .markdown. */
export function notesWithOtherExtensions(papersDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(papersDir);
  } catch {
    return [];
  }
  return names.filter((name) => !name.startsWith(".") && /\.(mdx?|markdown)$/i.test(name) && !isPaperFile(name)).sort().map((name) => join(papersDir, name));
}

/** Note files in folders below papersDir, which the site does not read (a slug is a file name). */
export function notesInSubfolders(papersDir: string): string[] {
  let paths: string[];
  try {
    paths = readdirSync(papersDir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return paths.filter((path) => dirname(path) !== "." && isPaperFile(path) && !path.split(/[\\/]/).some((part) => part.startsWith("."))).sort().map((path) => join(papersDir, path));
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugFromPath(path: string): string {
  return path.replace(/^.*[\\/]/, "").replace(/\.mdx?$/, "");
}
