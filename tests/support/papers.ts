// Writes small paper folders for tests.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function frontmatter(fields: Record<string, string> = {}): string {
  const all = { title: '"A Test Paper"', authors: '["Ada Lovelace"]', date: "2024-03-15", lang: "en", summary: '"A summary."', ...fields };
  return ["---", ...Object.entries(all).filter(([, v]) => v !== "").map(([k, v]) => `${k}: ${v}`), "---", ""].join("\n");
}

/** A content folder (with papers/) holding the given files, by slug or file name. */
export function writePapers(files: Record<string, string | Uint8Array>): { contentDir: string; papersDir: string } {
  const contentDir = mkdtempSync(join(tmpdir(), "papernotes-test-"));
  const papersDir = join(contentDir, "papers");
  mkdirSync(papersDir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(papersDir, name.includes(".") ? name : `${name}.mdx`), body);
  return { contentDir, papersDir };
}
