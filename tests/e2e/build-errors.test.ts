// Bad content fails `npm run build` with every problem located, and the last
// good site stays exactly as it was.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../support/build.ts";

describe("a paper with broken TeX", () => {
  it("fails the build naming file, line, column and TeX of each problem", () => {
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-broken-")), "dist");
    const build = runBuild(out, { PAPERNOTES_CONTENT: resolve("tests/fixtures/broken-tex") });
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/tests\/fixtures\/broken-tex\/papers\/broken-tex\.mdx:11:45: KaTeX cannot render \$\\frac\{a\$/);
    expect(build.stderr).toMatch(/broken-tex\.mdx:14:23: KaTeX cannot render \$\\operatorname\{loss\} = \\undefinedmacro\{x\} \\label\{eq:loss\}\$: Undefined control sequence: \\undefinedmacro/);
    expect(build.stderr).toMatch(/broken-tex\.mdx:17:54: \\eqref\{eq:missing\}: no equation on this page has \\label\{eq:missing\}/);
    expect(build.stderr).toMatch(/3 problems in 1 file;/);
  });
});

describe("an MDX note whose JavaScript throws as Astro renders it", () => {
  it("fails naming the note's file and the error, in plain text (CI=1 and a log file, no colour codes), and writes nothing", () => {
    const content = mkdtempSync(join(tmpdir(), "papernotes-throws-"));
    cpSync(resolve("content/papers"), join(content, "papers"), { recursive: true });
    writeFileSync(
      join(content, "papers", "boom.mdx"),
      `---\ntitle: "Boom"\nauthors: ["A"]\ndate: 2024-03-15\nlang: en\nsummary: "S."\ntags: ["x"]\n---\n\nexport const boom = () => { throw new Error("boom at render") }\n\nText {boom()}.\n`,
    );
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-out-")), "dist");
    const build = runBuild(out, { PAPERNOTES_CONTENT: content, CI: "1" });
    expect(build.status).toBe(1);
    expect(build.stderr + build.stdout).toContain(`${join(content, "papers", "boom.mdx")}: its page failed as Astro rendered it: Error: boom at render`);
    expect(build.stderr + build.stdout).toMatch(/nothing was written/);
    expect(build.stderr + build.stdout).not.toMatch(/\u001b\[/);
    // Astro's compiled chunks are no file of the author's: their frames are left out.
    expect(build.stderr + build.stdout).not.toMatch(/\.astro\/\.prerender\//);
    expect(readdirSync(join(out, ".."))).toEqual([]);
  });

  it("fails at a syntax error in a module the note imports, in plain text, where Rolldown's message had colour codes", () => {
    const content = mkdtempSync(join(tmpdir(), "papernotes-import-"));
    mkdirSync(join(content, "papers"));
    writeFileSync(join(content, "papers", "helper.js"), "export const x = ;\n");
    writeFileSync(join(content, "papers", "imports.mdx"), `---\ntitle: "Imports"\nauthors: ["A"]\ndate: 2024-03-15\nlang: en\nsummary: "S."\ntags: ["x"]\n---\nimport { x } from "./helper.js"\n\nValue {x}.\n`);
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-out-")), "dist");
    const build = runBuild(out, { PAPERNOTES_CONTENT: content, CI: "1" });
    expect(build.status).toBe(1);
    expect(build.stderr + build.stdout).toMatch(/\[PARSE_ERROR\] Unexpected token[\s\S]*helper\.js:1:18/);
    expect(build.stderr + build.stdout).not.toMatch(/\u001b\[/);
  });
});

describe("a build pointed at a folder without papers/", () => {
  it("fails naming the folder it read, and writes nothing", () => {
    const content = mkdtempSync(join(tmpdir(), "papernotes-wrong-folder-"));
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-out-")), "dist");
    const build = runBuild(out, { PAPERNOTES_CONTENT: content });
    expect(build.status).toBe(1);
    // Named as the build names files: relative to where it runs.
    const named = /^(.*):1:1: there is no such folder/m.exec(build.stderr)?.[1];
    expect(named && resolve(named)).toBe(join(content, "papers"));
    expect(build.stderr).toMatch(/nothing was written/);
    expect(readdirSync(join(out, ".."))).toEqual([]);
  });
});

describe("a SITE_URL that is not the hosted origin", () => {
  it("fails before building, saying where a path goes, and writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-out-")), "dist");
    const withPath = runBuild(out, { SITE_URL: "https://user.github.io/notes" });
    expect(withPath.status).toBe(1);
    expect(withPath.stderr).toMatch(/SITE_URL="https:\/\/user\.github\.io\/notes" has a path; .* SITE_URL=https:\/\/user\.github\.io BASE_PATH=\/notes\//);
    const noScheme = runBuild(out, { SITE_URL: "user.github.io" });
    expect(noScheme.stderr).toMatch(/SITE_URL="user\.github\.io" is not an address: write it with its scheme/);
    const query = runBuild(out, { SITE_URL: "https://user.github.io?x=1" });
    expect(query.stderr).toMatch(/SITE_URL="https:\/\/user\.github\.io\?x=1" has a query or fragment \(\?x=1\), .* SITE_URL=https:\/\/user\.github\.io$/m);
    expect(readdirSync(join(out, ".."))).toEqual([]);
  });

  it("as a BASE_PATH that is not a path: fails before building, with every such problem, and writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-out-")), "dist");
    const address = runBuild(out, { BASE_PATH: "https://user.github.io/notes/" });
    expect(address.status).toBe(1);
    expect(address.stderr).toMatch(/BASE_PATH="https:\/\/user\.github\.io\/notes\/" is an address; .* SITE_URL=https:\/\/user\.github\.io BASE_PATH=\/notes\//);
    const both = runBuild(out, { BASE_PATH: "/ml notes/", SITE_URL: "user.github.io" });
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/SITE_URL="user\.github\.io" is not an address/);
    expect(both.stderr).toMatch(/BASE_PATH="\/ml notes\/" holds " ", which a path cannot hold as written/);
    expect(readdirSync(join(out, ".."))).toEqual([]);
  });
});

describe("a build told to put its site where the notes or other files are", () => {
  it("fails before building, saying why, and removes nothing", () => {
    const content = mkdtempSync(join(tmpdir(), "papernotes-content-"));
    cpSync(resolve("content"), content, { recursive: true });
    const notes = readdirSync(join(content, "papers")).sort();
    // The notes' own folder, and the folder that holds it: the site would have taken its place.
    for (const out of [join(content, "papers"), content]) {
      const build = runBuild(out, { PAPERNOTES_CONTENT: content });
      expect(build.status, out).toBe(1);
      expect(build.stderr).toContain(`--out ${out} holds the notes (${join(content, "papers")})`);
      expect(build.stderr).toMatch(/build failed; .* was left as it was\./);
      expect(readdirSync(join(content, "papers")).sort()).toEqual(notes);
    }
    const mine = mkdtempSync(join(tmpdir(), "papernotes-mine-"));
    writeFileSync(join(mine, "draft.txt"), "mine");
    const build = runBuild(mine, { PAPERNOTES_CONTENT: content });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain("holds files that are not a site built here (draft.txt)");
    expect(readFileSync(join(mine, "draft.txt"), "utf8")).toBe("mine");
  });
});

describe("a rebuild into a site's folder", () => {
  it("keeps what was put there by hand (CNAME, .nojekyll, .git), says so, and builds through a link into the folder it links to", () => {
    const parent = mkdtempSync(join(tmpdir(), "papernotes-kept-"));
    const out = join(parent, "dist");
    expect(runBuild(out).status).toBe(0);
    writeFileSync(join(out, "CNAME"), "notes.example.edu\n");
    writeFileSync(join(out, ".nojekyll"), "");
    mkdirSync(join(out, ".git"));
    writeFileSync(join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
    // A web root that links to the site.
    const www = join(parent, "www");
    symlinkSync(out, www);
    const again = runBuild(www);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`note: kept .git, .nojekyll, CNAME in ${www}/, which this build does not make`);
    expect(lstatSync(www).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, "CNAME"), "utf8")).toBe("notes.example.edu\n");
    expect(readFileSync(join(out, ".git", "HEAD"), "utf8")).toBe("ref: refs/heads/gh-pages\n");
    expect(readdirSync(out)).toContain("index.html");
    // Not a folder made beside the link (the old site, hidden, is being removed in the background).
    expect(readdirSync(parent).filter((name) => !name.startsWith(".")).sort()).toEqual(["dist", "www"]);
  });
});

describe.each([
  ["Ctrl-C", "SIGINT", 130],
  ["a stop from outside (a CI job cancelled, timeout)", "SIGTERM", 143],
] as const)("a build stopped with %s", (_, signal, code) => {
  it("removes what it made so far, says so, and leaves the last site as it was", async () => {
    const content = mkdtempSync(join(tmpdir(), "papernotes-content-"));
    cpSync(resolve("content"), content, { recursive: true });
    const parent = mkdtempSync(join(tmpdir(), "papernotes-stopped-"));
    const out = join(parent, "dist");
    expect(runBuild(out, { PAPERNOTES_CONTENT: content }).status).toBe(0);
    const before = readFileSync(join(out, "papers/wuerstchen/index.html"), "utf8");
    // A new title: Astro lays out every page again, for a few seconds, in a folder beside the site.
    const paper = join(content, "papers/wuerstchen.mdx");
    writeFileSync(paper, readFileSync(paper, "utf8").replace(/^title: .*$/m, 'title: "Würstchen, renamed"'));
    // As a terminal's Ctrl-C (SIGINT to the build's whole process group), or as timeout stops it (SIGTERM to the build alone), once the new site is being made beside the old.
    const build = spawn(process.execPath, [resolve("scripts/build.mjs"), "--out", out], { detached: true, env: { ...process.env, CI: "1", PAPERNOTES_CONTENT: content } });
    let stderr = "";
    build.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => build.on("exit", (code) => done(code)));
    await new Promise<void>((made) => build.stdout.on("data", (chunk) => String(chunk).includes("checked and rendered") && made()));
    await expect.poll(() => readdirSync(parent).some((name) => name.includes("staging")), { interval: 20 }).toBe(true);
    process.kill(signal === "SIGINT" ? -build.pid! : build.pid!, signal);
    expect(await exited).toBe(code);
    expect(stderr).toMatch(/build stopped; .*dist\/ was left as it was\./);
    expect(readdirSync(parent)).toEqual(["dist"]);
    expect(readFileSync(join(out, "papers/wuerstchen/index.html"), "utf8")).toBe(before);
  });
});

describe("a failed rebuild", () => {
  it("leaves the previous dist/ untouched, including after a good build of the same content", () => {
    const content = mkdtempSync(join(tmpdir(), "papernotes-content-"));
    cpSync(resolve("content"), content, { recursive: true });
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-out-")), "dist");
    expect(runBuild(out, { PAPERNOTES_CONTENT: content }).status).toBe(0);
    const before = readFileSync(join(out, "papers/wuerstchen/index.html"), "utf8");

    const paper = join(content, "papers/wuerstchen.mdx");
    writeFileSync(paper, readFileSync(paper, "utf8") + "\n\nNew broken formula $\\sqrt{$.\n");
    const failed = runBuild(out, { PAPERNOTES_CONTENT: content });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/wuerstchen\.mdx:\d+:\d+: KaTeX cannot render \$\\sqrt\{\$/);
    expect(failed.stderr).toMatch(/dist\/ was left as it was/);
    expect(readFileSync(join(out, "papers/wuerstchen/index.html"), "utf8")).toBe(before);
  });
});

/** Every file under a folder, with its modification time and contents. */
function snapshot(dir: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    hash.update(`${name}\0${stat.mtimeMs}\0`);
    if (stat.isFile()) hash.update(readFileSync(path));
  }
  return hash.digest("hex");
}

describe("the content folder", () => {
  it("is never written to, by a good build or a failed one", () => {
    const content = mkdtempSync(join(tmpdir(), "papernotes-readonly-"));
    cpSync(resolve("content"), content, { recursive: true });
    const before = snapshot(content);
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-out-")), "dist");
    expect(runBuild(out, { PAPERNOTES_CONTENT: content }).status).toBe(0);
    expect(snapshot(content)).toBe(before);
    cpSync(resolve("tests/fixtures/broken-tex/papers/broken-tex.mdx"), join(content, "papers/broken-tex.mdx"));
    const withBroken = snapshot(content);
    expect(runBuild(out, { PAPERNOTES_CONTENT: content }).status).toBe(1);
    expect(snapshot(content)).toBe(withBroken);
  });
});
