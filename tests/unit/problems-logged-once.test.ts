// The dev server's log prints the papers' problems once a save, not again for each page that fails with them.
import { stripVTControlCharacters } from "node:util";
import type { AstroLoggerMessage } from "astro";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import problemsLoggedOnce from "../../src/integrations/problems-logged-once.ts";
import { PAPERS_LOADER } from "../../src/lib/build-handoff.ts";

const LIST = "1 problem in the papers:\ncontent/papers/a.mdx:3:9: \\eqref{eq:nope}: no equation on this page has \\label{eq:nope}";
const event = (level: AstroLoggerMessage["level"], label: string | null, message: string): AstroLoggerMessage => ({ level, label, message, newLine: true });
let written: string[];

beforeEach(() => {
  written = [];
  const keep = (chunk: string | Uint8Array) => (written.push(stripVTControlCharacters(String(chunk))), true);
  vi.spyOn(process.stderr, "write").mockImplementation(keep);
  vi.spyOn(process.stdout, "write").mockImplementation(keep);
});
afterEach(() => vi.restoreAllMocks());

describe("problemsLoggedOnce", () => {
  it("prints the check's list, then leaves out the pages' errors that repeat it", () => {
    const log = problemsLoggedOnce();
    log.write(event("error", PAPERS_LOADER, LIST));
    log.write(event("error", null, LIST)); // Astro's router: the error's stack, which is the list
    log.write(event("error", null, `${LIST}\n  Stack trace:\n    at content/papers/a.mdx:3:9`)); // its dev handler
    log.write(event("info", null, "[404] /favicon.ico/ 4ms"));
    expect(written.join("")).toMatch(/\[ERROR\] \[papernotes:papers\] 1 problem in the papers:/);
    expect(written.join("").split("eq:nope}: no equation").length - 1).toBe(1);
    expect(written.join("")).toContain("/favicon.ico/");
  });

  it("prints every other error, and a list the check has not printed", () => {
    const log = problemsLoggedOnce();
    log.write(event("error", PAPERS_LOADER, LIST));
    log.write(event("error", null, "Cannot read properties of undefined (reading 'title')"));
    log.write(event("error", null, LIST.replace("a.mdx", "b.mdx")));
    log.write(event("warn", null, LIST));
    expect(written.join("")).toContain("reading 'title'");
    expect(written.join("")).toContain("b.mdx:3:9");
    expect(written.join("")).toMatch(/\[WARN\] 1 problem/);
  });

  it("leaves out Astro's own reports of an MDX syntax error the check printed, and its warning of an empty collection", () => {
    const list = "1 problem in the papers:\ncontent/papers/kto.mdx:34:18: MDX syntax error: Could not parse expression with acorn. In MDX, braces in prose hold JavaScript; for the braces themselves write \\{ and \\}, or put the formula in math; until it is fixed, the rest of the note is checked as plain Markdown";
    const log = problemsLoggedOnce();
    log.write(event("error", PAPERS_LOADER, list));
    // As the dev server printed them after that list, for the page that compiles the note.
    log.write(event("warn", "content", 'The collection "mdxPapers" does not exist or is empty. Please check your content config file for errors.'));
    log.write(event("error", null, "MDXError: Could not parse expression with acorn\n    at TransformPluginContext.handler (file:///p/node_modules/@astrojs/mdx/dist/vite-plugin-mdx.js:64:17)"));
    log.write(event("error", null, "Could not parse expression with acorn\n  Stack trace:\n    at /c/papers/kto.mdx:34:18\n  Caused by:\n  Unexpected content after expression"));
    log.write(event("error", null, "MDXError: Unexpected character `!` (U+0021) before name"));
    const out = written.join("");
    expect(out.split("Could not parse expression with acorn").length - 1).toBe(1);
    expect(out).not.toContain("does not exist or is empty");
    expect(out).toContain("Unexpected character `!`"); // an error the check did not print
  });

  it("prints the check's list again after each save", () => {
    const log = problemsLoggedOnce();
    log.write(event("error", PAPERS_LOADER, LIST));
    log.write(event("error", PAPERS_LOADER, LIST));
    expect(written.join("").split("eq:nope}: no equation").length - 1).toBe(2);
  });
});
