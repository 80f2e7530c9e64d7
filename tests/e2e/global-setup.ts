// Builds the seed site once for all browser tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { runBuild } from "../support/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default function setup(project: TestProject) {
  const siteDir = join(mkdtempSync(join(tmpdir(), "papernotes-e2e-")), "dist");
  const build = runBuild(siteDir);
  if (build.status !== 0) throw new Error(`the seed site did not build:\n${build.stdout}\n${build.stderr}`);
  project.provide("siteDir", siteDir);
}
