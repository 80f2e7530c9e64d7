import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { outDirProblem, siteFolder, stagingFor, swapInSite } from "../../src/postbuild/site-swap.ts";

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

describe("swapInSite: the new site takes the old one's place", () => {
  /** An old site holding what a build made (index.html, scripts/, a page folder 2/) and what a person put there; its new site beside it. */
  function sites(): { site: string; staging: string } {
    const site = join(mkdtempSync(join(tmpdir(), "papernotes-swap-")), "dist");
    for (const file of ["index.html", "scripts/papernotes.js", "2/index.html", "CNAME", ".git/config"]) {
      mkdirSync(dirname(join(site, file)), { recursive: true });
      writeFileSync(join(site, file), `old ${file}`);
    }
    const staging = stagingFor(site);
    for (const file of ["index.html", "scripts/papernotes.js"]) {
      mkdirSync(dirname(join(staging, file)), { recursive: true });
      writeFileSync(join(staging, file), `new ${file}`);
    }
    return { site, staging };
  }

  it("keeps what the folder held that no build made, and drops what the last build made and this one does not", () => {
    const { site } = sites();
    expect(swapInSite(site, new Set(["index.html", "scripts", "2"]))).toEqual([".git", "CNAME"]);
    expect(readdirSync(site).sort()).toEqual([".git", "CNAME", "index.html", "scripts"]);
    expect(readFileSync(join(site, "CNAME"), "utf8")).toBe("old CNAME");
    expect(readFileSync(join(site, ".git/config"), "utf8")).toBe("old .git/config");
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe("new index.html");
  });

  it("keeps all the new site has not, when what the last build made is not known (its record gone)", () => {
    const { site } = sites();
    expect(swapInSite(site)).toEqual([".git", "2", "CNAME"]);
    expect(readFileSync(join(site, "2/index.html"), "utf8")).toBe("old 2/index.html");
  });

  it("builds through a link into the folder it links to, and leaves the link", () => {
    const { site } = sites();
    const link = join(dirname(site), "www");
    symlinkSync(site, link);
    expect(siteFolder(link)).toBe(realpathSync(site));
    expect(outDirProblem(link, { notes: "/nowhere/papers", project: "/nowhere", publicDir: "/nowhere/public" })).toBeUndefined();
    swapInSite(siteFolder(link), new Set(["index.html", "scripts", "2"]));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(link, "index.html"), "utf8")).toBe("new index.html");
  });
});
