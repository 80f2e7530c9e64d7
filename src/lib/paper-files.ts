// The note files of a content folder. Kept apart from the paper index so that
// pages can list notes without bundling the Markdown pipeline.
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function listPaperFiles(papersDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(papersDir);
  } catch {
    return [];
  }
  return names.filter((name) => /\.mdx?$/.test(name)).sort().map((name) => join(papersDir, name));
}
