// The dev server's content problems, as the error a page throws for Astro's overlay and terminal.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
// Not exported: Astro's own placing of an error's loc, as the dev server does it.
import { collectErrorMetadata } from "../../node_modules/astro/dist/core/errors/dev/utils.js";
import { contentProblemsError, showContentProblems } from "../../src/lib/build-handoff.ts";
import { displayPath } from "../../src/lib/content-check-results.ts";

describe("contentProblemsError", () => {
  afterEach(() => showContentProblems("", "", []));

  it("places the first problem at its note, also in a content folder outside the project", () => {
    const papersDir = join(mkdtempSync(join(tmpdir(), "papernotes-notes-")), "papers");
    const note = join(papersDir, "ddpm.md");
    showContentProblems(papersDir, "/", [{ file: displayPath(note), line: 24, column: 88, reason: "a problem" }]);
    const error = contentProblemsError(papersDir, "/") as Error & { loc: { file: string; line: number; column: number } };
    collectErrorMetadata(error, pathToFileURL(process.cwd() + "/"));
    expect(error.loc).toEqual({ file: note, line: 24, column: 88 });
  });

  it("places a problem in the project's own content folder too", () => {
    const papersDir = join(process.cwd(), "content", "papers");
    showContentProblems(papersDir, "/", [{ file: displayPath(join(papersDir, "a.mdx")), line: 3, column: 1, reason: "a problem" }]);
    const error = contentProblemsError(papersDir, "/") as Error & { loc: { file: string } };
    collectErrorMetadata(error, pathToFileURL(process.cwd() + "/"));
    expect(error.loc.file).toBe(join(papersDir, "a.mdx"));
  });
});

describe("displayPath", () => {
  it("names a note relative to where the build runs, and one outside it in full", () => {
    expect(displayPath(join(process.cwd(), "content", "papers", "a.mdx"))).toBe(join("content", "papers", "a.mdx"));
    expect(displayPath("/tmp/notes/papers/a.mdx")).toBe("/tmp/notes/papers/a.mdx");
  });
});
