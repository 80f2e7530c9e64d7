// Runs the real `npm run build` script, as a user would, into a folder of our choice.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBuild(outDir: string, env: Record<string, string> = {}): BuildRun {
  const result = spawnSync(process.execPath, [resolve("scripts/build.mjs"), "--out", outDir], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
