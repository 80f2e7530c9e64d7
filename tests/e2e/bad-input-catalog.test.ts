// Every mistake an author can make, each through a real `npm run build`: the
// build exits non-zero and names the file, the line and the cause in plain words.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { runBuild } from "../support/build.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const good = `${frontmatter({ title: '"Good Paper"' })}
## Method

$$
a = b \\label{eq:good}
$$
`;

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  expected: RegExp[];
}

const CASES: Case[] = [
  { name: "TeX that does not parse", files: { bad: `${frontmatter()}\nText $\\frac{a$ more.\n` }, expected: [/bad\.mdx:9:6: KaTeX cannot render \$\\frac\{a\$: Unexpected end of input/] },
  { name: "an unknown macro", files: { bad: `${frontmatter()}\n$$\n\\mystery{x}\n$$\n` }, expected: [/bad\.mdx:10:1: KaTeX cannot render \$\\mystery\{x\}\$: Undefined control sequence: \\mystery/] },
  { name: "\\eqref to a missing label", files: { bad: `${frontmatter()}\nSee $\\eqref{eq:nowhere}$.\n` }, expected: [/bad\.mdx:9:5: \\eqref\{eq:nowhere\}: no equation on this page has \\label\{eq:nowhere\}/] },
  { name: "\\eqref to a missing paper", files: { good, bad: `${frontmatter()}\nSee $\\eqref{ghost/eq:good}$.\n` }, expected: [/bad\.mdx:9:5: \\eqref\{ghost\/eq:good\}: there is no paper "ghost"/] },
  { name: "a footnote renamed on one side only", files: { bad: `${frontmatter()}\nTrained on 8 GPUs.[^hardware]\n\n[^hw]: The big model took 3.5 days.\n` }, expected: [/bad\.mdx:9:19: footnote \[\^hardware\] has no definition, so it shows as written: .*; the footnotes no text refers to are \[\^hw\]\n/, /bad\.mdx:11:1: footnote \[\^hw\] is defined but no text refers to it, so it is not shown/] },
  { name: "a duplicate label", files: { bad: `${frontmatter()}\n$$\na \\label{eq:x}\n$$\n\n$$\nb \\label{eq:x}\n$$\n` }, expected: [/bad\.mdx:14:10: two equations on this page have the anchor #eq-x \(label eq:x\); the first is on line 10/] },
  { name: "an environment never closed", files: { bad: `${frontmatter()}\n$$\n\\begin{align}\na &= b \\label{eq:a} \\\\\nc &= d \\label{eq:b}\n$$\n` }, expected: [/bad\.mdx:10:1: KaTeX cannot render .*: Expected & or .*; \\begin\{align\} is never closed; end it with \\end\{align\} before the closing \$\$\n/] },
  { name: "an empty display", files: { bad: `${frontmatter()}\n$$\n$$\n` }, expected: [/bad\.mdx:9:1: this display is empty: write its formula between the \$\$ lines, or remove them/] },
  { name: "a missing title", files: { bad: `${frontmatter({ title: "" })}\nText.\n` }, expected: [/bad\.mdx:1:1: frontmatter key "title" is missing/] },
  { name: "an invalid date", files: { bad: `${frontmatter({ date: "2024-02-30" })}\nText.\n` }, expected: [/bad\.mdx:4:1: frontmatter key "date": 2024-02-30 is not a calendar date/] },
  { name: "an unknown lang", files: { bad: `${frontmatter({ lang: "de" })}\nText.\n` }, expected: [/bad\.mdx:5:1: frontmatter key "lang": must be en or zh/] },
  { name: "an unknown frontmatter key", files: { bad: `${frontmatter({ catgeory: "ml" })}\nText.\n` }, expected: [/bad\.mdx:7:1: unknown frontmatter key "catgeory"/] },
  { name: "an unclosed JSX tag", files: { bad: `${frontmatter()}\nText <Aside with no end.\n` }, expected: [/bad\.mdx:9:\d+: MDX syntax error: /] },
  { name: "a set written in prose braces", files: { bad: `${frontmatter()}\nThe set {x | x > 0} is open.\n` }, expected: [/bad\.mdx:9:9: \{x \| x > 0\}: "x" is not defined\. In MDX, braces in prose hold JavaScript/] },
  { name: "a component that is not imported", files: { bad: `${frontmatter()}\nA <Aside>note</Aside>.\n` }, expected: [/bad\.mdx:9:3: <Aside>: the component Aside is not imported/] },
  { name: "an import of a missing file", files: { bad: `${frontmatter()}\nimport Aside from "../Aside.astro"\n\n<Aside>note</Aside>\n` }, expected: [/bad\.mdx:9:1: import "\.\.\/Aside\.astro": there is no such file/] },
  { name: "an image from another site", files: { bad: `${frontmatter()}\n![Figure 1](https://example.org/fig1.png)\n` }, expected: [/bad\.mdx:9:1: image https:\/\/example\.org\/fig1\.png: pages show only images of this site/] },
  { name: "a link to an anchor this page lacks", files: { bad: `${frontmatter()}\nSee [the method](#method).\n` }, expected: [/bad\.mdx:9:5: link #method: no heading or equation on this page has that anchor/] },
  { name: "a stray {", files: { bad: `${frontmatter()}\nA set {1, 2 in prose.\n` }, expected: [/bad\.mdx:9:\d+: MDX syntax error: .*brace/] },
  { name: "a link to a missing paper", files: { good, bad: `${frontmatter()}\nSee [it](/papers/nothing/).\n` }, expected: [/bad\.mdx:9:5: link \/papers\/nothing\/: there is no paper "nothing"/] },
  { name: "a link to a missing anchor", files: { good, bad: `${frontmatter()}\nSee [it](/papers/good/#eq-bad).\n` }, expected: [/bad\.mdx:9:5: link \/papers\/good\/#eq-bad: paper "good" has no equation or heading with the anchor #eq-bad/] },
  { name: "an empty file", files: { bad: "" }, expected: [/bad\.mdx:1:1: the file is empty/] },
  { name: "a file that is not UTF-8", files: { bad: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xff, 0x0a]) }, expected: [/bad\.mdx:1:1: the file is not UTF-8/] },
  { name: "two files with the same slug, case aside", files: { "Same.mdx": good, same: good }, expected: [/two files have the slug "same"/, /file name "Same" is not a slug: use lowercase ASCII letters \(a-z\), digits and -; same is another note's, so give this one a name of its own\n/] },
  { name: "a formula link with a script scheme", files: { bad: `${frontmatter()}\n$\\href{javascript:alert(1)}{x}$\n` }, expected: [/bad\.mdx:9:1: .*\\href is not allowed here/] },
];

function build(files: Record<string, string | Uint8Array>) {
  const { contentDir } = writePapers(files);
  return runBuild(join(mkdtempSync(join(tmpdir(), "papernotes-catalog-")), "dist"), { PAPERNOTES_CONTENT: contentDir });
}

describe("the bad-input catalog", () => {
  for (const c of CASES) {
    it(`stops the build on ${c.name}, saying where and why`, () => {
      const run = build(c.files);
      expect(run.status).toBe(1);
      for (const pattern of c.expected) expect(run.stderr).toMatch(pattern);
      expect(run.stderr).toMatch(/build failed: \d+ problems? in \d+ files?/);
      expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    });
  }

  it("reports every problem of every file in one run", () => {
    const cases = CASES.filter((c) => !("Same.mdx" in c.files));
    const all = Object.fromEntries(cases.map((c, i) => [`case-${i}`, c.files.bad!]));
    const run = build({ ...all, good });
    expect(run.status).toBe(1);
    // Each case's own lines, under its own file's name.
    cases.forEach((c, i) => {
      for (const pattern of c.expected) {
        expect(pattern.source, c.name).toContain("bad\\.mdx");
        expect(run.stderr, c.name).toMatch(new RegExp(pattern.source.replaceAll("bad\\.mdx", `case-${i}\\.mdx`), pattern.flags));
      }
    });
    const [, problems, files] = /build failed: (\d+) problems? in (\d+) files?/.exec(run.stderr) ?? [];
    expect(Number(problems)).toBeGreaterThanOrEqual(cases.flatMap((c) => c.expected).length);
    expect(Number(files)).toBe(cases.length); // good.mdx has none
  });

  it("only warns, with the place, about an unknown code-fence language", () => {
    const run = build({ odd: `${frontmatter()}\n\`\`\`klingon\nqapla'\n\`\`\`\n` });
    expect(run.stderr).toMatch(/warning: .*odd\.mdx:9:1: unknown code language "klingon"/);
    expect(run.status).toBe(0);
    // Counted on the last line, where a big site's warnings have scrolled out of view.
    expect(run.stdout).toMatch(/^built 1 paper .* in [\d.]+ s \(and 1 warning, above\)$/m);
  });
});

describe("safe output", () => {
  it("shows frontmatter strings as text, never as HTML", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "papernotes-xss-")), "dist");
    const title = "<img src=x onerror=alert(1)>";
    const { contentDir } = writePapers({
      xss: `${frontmatter({ title: JSON.stringify(title), authors: '["<script>alert(2)</script>"]', summary: '"<b>bold</b>"', tags: '["safe"]' })}\nText.\n`,
    });
    expect(runBuild(out, { PAPERNOTES_CONTENT: contentDir }).status).toBe(0);
    const browser = await launchChromium();
    for (const page of ["index.html", "papers/xss/index.html"]) {
      const tab = await browser.newPage();
      const dialogs: string[] = [];
      tab.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));
      await tab.goto(pathToFileURL(join(out, page)).href);
      expect(await tab.locator("main img, main b").count()).toBe(0);
      expect(await tab.locator("main script").count()).toBe(0);
      expect((await tab.locator("main").textContent())!).toContain(title);
      expect((await tab.locator("main").textContent())!).toContain("<script>alert(2)</script>");
      expect(dialogs).toEqual([]);
      await tab.close();
    }
    await browser.close();
  });
});
