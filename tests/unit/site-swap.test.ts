import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outDirProblem } from "../../src/postbuild/site-swap.ts";

describe("outDirProblem: where a build may put its site (which removes what was there)", () => {
  const root = mkdtempSync(join(tmpdir(), "papernotes-out-dir-"));
  const project = join(root, "project");
  const kept = { notes: join(project, "content", "papers"), project, publicDir: join(project, "public") };
  for (const folder of [kept.notes, join(kept.publicDir, "scripts")]) mkdirSync(folder, { recursive: true });
  writeFileSync(join(kept.notes, "note.md"), "---\n---\n");
  writeFileSync(join(kept.publicDir, "scripts", "papernotes.js"), "");

  it("allows a new folder, an empty one, and a site built here", () => {
    expect(outDirProblem(join(root, "new"), kept)).toBeUndefined();
    mkdirSync(join(root, "empty"));
    expect(outDirProblem(join(root, "empty"), kept)).toBeUndefined();
    mkdirSync(join(root, "site", "scripts"), { recursive: true });
    writeFileSync(join(root, "site", "scripts", "papernotes.js"), "");
    writeFileSync(join(root, "site", "index.html"), "");
    expect(outDirProblem(join(root, "site"), kept)).toBeUndefined();
  });

  it("refuses the notes, the project, public/ and any folder that holds them", () => {
    for (const [out, held] of [
      [kept.notes, "the notes"],
      [join(project, "content"), "the notes"],
      [project, "the notes"],
      [root, "the notes"],
      [kept.publicDir, "the project's public/ folder"],
    ] as const) {
      expect(outDirProblem(out, kept), out).toMatch(new RegExp(`^--out ${out} holds ${held.replace("/", "\\/")} \\(`));
    }
    // The project, when the notes are elsewhere (PAPERNOTES_CONTENT).
    expect(outDirProblem(project, { ...kept, notes: join(root, "elsewhere", "papers") })).toMatch(/holds the project/);
  });

  it("refuses a folder of other files, naming some of them, and a file", () => {
    const other = join(root, "notes-of-mine");
    mkdirSync(other);
    for (const name of ["a.txt", "b.txt", "c.txt", "d.txt"]) writeFileSync(join(other, name), "mine");
    expect(outDirProblem(other, kept)).toBe(`--out ${other} holds files that are not a site built here (a.txt, b.txt, c.txt and 1 more): the built site takes its place, and they would be removed; name a folder of its own for the site, such as dist, or empty this one first`);
    expect(outDirProblem(join(other, "a.txt"), kept)).toMatch(/is a file, not a folder/);
  });
});
