// A page that throws as Astro renders it is told at its note's file, without the frames of Astro's compiled chunks.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { atFailedNote, noteFailedPage, withoutCompiledFrames } from "../../src/lib/page-render-error.ts";

const STACK = `TypeError: Cannot read properties of null (reading 'x')
    at _createMdxContent (file:///site/.astro/.prerender/chunks/throw1_BP-R2e70.mjs:18:108)
    at renderJSX (file:///site/node_modules/astro/dist/runtime/server/jsx.js:102:7)
    at helper (file:///site/src/components/Widget.ts:3:9)`;

describe("page render errors", () => {
  it("leaves out the frames of Astro's compiled chunks and its own code, and keeps the others", () => {
    expect(withoutCompiledFrames(STACK)).toBe("TypeError: Cannot read properties of null (reading 'x')\n    at helper (file:///site/src/components/Widget.ts:3:9)");
    expect(withoutCompiledFrames("No stack here.")).toBe("No stack here.");
  });

  it("says a failed build at the note of the page Astro's log named, .mdx or .md, and leaves other failures as they were", () => {
    const papersDir = join(mkdtempSync(join(tmpdir(), "papernotes-render-error-")), "papers");
    mkdirSync(papersDir);
    writeFileSync(join(papersDir, "throw1.mdx"), "");
    writeFileSync(join(papersDir, "plain.md"), "");
    expect(atFailedNote("Could not resolve x", papersDir)).toBe("Could not resolve x");
    expect(noteFailedPage("Some other error")).toBe(false);
    expect(noteFailedPage("Caught error rendering /notes/papers/throw1/: TypeError: Cannot read properties of null (reading 'x')\nmore")).toBe(true);
    expect(atFailedNote("Cannot read properties of null (reading 'x')", papersDir)).toBe(
      `${join(papersDir, "throw1.mdx")}: its page failed as Astro rendered it: TypeError: Cannot read properties of null (reading 'x') (an expression or a component of the note threw; Astro stops at the first page that fails)`,
    );
    noteFailedPage("Caught error rendering /papers/plain/: Error: boom");
    expect(atFailedNote("boom", papersDir)).toMatch(/plain\.md: its page failed as Astro rendered it: Error: boom/);
    noteFailedPage("Caught error rendering /tags/x/: Error: boom");
    expect(atFailedNote("boom", papersDir)).toBe("page /tags/x/ failed as Astro rendered it: Error: boom");
  });
});
