// The note files of a content folder, and the slugs their names give. Kept apart
// from the paper index so that pages (and the build's own process) can list
// notes without loading the Markdown pipeline.
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function listPaperFiles(papersDir: string): string[] {
  return filesIn(papersDir).filter(isPaperFile).map((name) => join(papersDir, name));
}

/** A note is an .mdx file, or a plain .md one; hidden files (an editor's .#note.mdx lock, macOS's ._note.mdx) are not. */
export function isPaperFile(path: string): boolean {
  const name = basename(path);
  return !name.startsWith(".") && /\.mdx?$/.test(name);
}

/** Files of papersDir that look like notes but are not read: .MDX, .Md, .markdown. */
export function notesWithOtherExtensions(papersDir: string): string[] {
  return filesIn(papersDir).filter((name) => !name.startsWith(".") && /\.(mdx?|markdown)$/i.test(name) && !isPaperFile(name)).map((name) => join(papersDir, name));
}

/** Note files in folders below papersDir, which the site does not read (a slug is a file name). */
export function notesInSubfolders(papersDir: string): string[] {
  return filesIn(papersDir, { recursive: true }).filter((path) => dirname(path) !== "." && isPaperFile(path) && !path.split(/[\\/]/).some((part) => part.startsWith("."))).map((path) => join(papersDir, path));
}

/** The names in a folder (with `recursive`, paths below it), sorted; none if it cannot be read. */
function filesIn(dir: string, options: { recursive?: boolean } = {}): string[] {
  try {
    return readdirSync(dir, { recursive: options.recursive === true, encoding: "utf8" }).sort();
  } catch {
    return [];
  }
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug a name most likely meant ("My_Paper" → "my-paper", "Machine Learning" → "machine-learning"), if it has one. */
export function slugFor(name: string): string | undefined {
  const slug = name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return SLUG_PATTERN.test(slug) ? slug : undefined;
}

export function slugFromPath(path: string): string {
  return path.replace(/^.*[\\/]/, "").replace(/\.mdx?$/, "");
}

/** Whether a note is plain Markdown (.md) rather than MDX. */
export const isMarkdownNote = (path: string): boolean => path.endsWith(".md");
