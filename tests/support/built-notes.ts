// A site built by the real build from notes a test writes, with a Chromium to
// read it: set up once per test file, and removed after it with its build cache.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { cacheDirFor } from "../../src/site.config.ts";
import { launchChromium } from "./browser.ts";
import { runBuild } from "./build.ts";
import { writePapers } from "./papers.ts";

export function useBuiltNotes(notes: Record<string, string>): { readonly browser: Browser; readonly out: string; fileUrl(path: string): string } {
  const { contentDir, papersDir } = writePapers(notes);
  const out = mkdtempSync(join(tmpdir(), "papernotes-built-notes-"));
  let browser: Browser | undefined;
  beforeAll(async () => {
    const run = runBuild(out, { PAPERNOTES_CONTENT: contentDir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const dir of [contentDir, out, cacheDirFor(papersDir)]) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get browser() {
      return browser!;
    },
    out,
    /** A file of the built site, from disk: "papers/x/index.html". */
    fileUrl: (path: string) => pathToFileURL(join(out, path)).href,
  };
}
