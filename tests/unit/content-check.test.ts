// The content check runs our remark plugins exactly as the build does, so these
// tests cover the plugins (numbering, references, links) and the error report.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, type ContentProblem } from "../../src/lib/content-check.ts";
import { checkContentInParallel } from "../../src/lib/content-check-parallel.ts";
import { dateWarnings, formatProblem, warningLines } from "../../src/lib/content-check-results.ts";
import { handOffRenderedContent } from "../../src/lib/build-handoff.ts";
import { literalPattern } from "../../src/lib/literal-pattern.ts";
import { mdxPaperFiles, paperHtml } from "../../src/lib/rendered-papers.ts";
import { runMdxPipeline } from "../support/mdx-pipeline.ts";
import { frontmatter, writePapers } from "../support/papers.ts";
import { visit } from "unist-util-visit";

/** A problem as the report gives it, with the file's name alone (each test writes to a temporary folder). */
const formatShort = (p: ContentProblem) => formatProblem({ ...p, file: p.file.replace(/^.*\//, "") });

async function problemsOf(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const { papersDir } = writePapers(files);
  return (await checkContent(papersDir)).problems.map(formatShort);
}

const twoEquations = `${frontmatter()}
## Method

$$
a = b \\label{eq:first}
$$

$$
c = d \\label{eq:second}
$$

By $\\eqref{eq:second}$ and $\\ref{eq:first}$.
`;

describe("content check", () => {
  it("accepts valid papers, with same-page and cross-paper references", async () => {
    const other = `${frontmatter({ title: '"Other: A Paper"' })}\nSee $\\eqref{main/eq:second}$ and [the first](/papers/main/#eq-first).\n`;
    const { papersDir } = writePapers({ main: twoEquations, other });
    const result = await checkContent(papersDir);
    expect(result.problems).toEqual([]);
    expect(result.papers).toBe(2);
    expect(result.index.get("main")!.equations.map((e) => [e.anchor, e.number])).toEqual([["eq-first", "1"], ["eq-second", "2"]]);
  });

  it("reads a note saved with Windows line endings as the same note: plain Markdown, the same page, the same places", async () => {
    const note = `${twoEquations}\n\`\`\`js\nf({});\n\`\`\`\n`;
    const withLf = await checkContent(writePapers({ main: note }).papersDir, "/", { render: true });
    const withCrLf = await checkContent(writePapers({ main: note.replace(/\n/g, "\r\n") }).papersDir, "/", { render: true });
    expect(withCrLf.index.get("main")!.mdx).toBe(false);
    expect(paperHtml(withCrLf.rendered.get("main")!)).toBe(paperHtml(withLf.rendered.get("main")!));
    expect(paperHtml(withCrLf.rendered.get("main")!)).not.toContain("\r");
    const broken = (text: string) => text.replace("\\eqref{eq:second}", "\\eqref{eq:third}");
    const problems = async (text: string) => (await checkContent(writePapers({ main: text }).papersDir)).problems.map(formatShort);
    expect(await problems(broken(note.replace(/\n/g, "\r\n")))).toEqual(await problems(broken(note)));
    expect(await problems(broken(note))).toHaveLength(1);
  });

  it("keeps a labelled equation's anchor when equations are added above it", async () => {
    const other = `${frontmatter()}\nSee $\\eqref{main/eq:second}$ and [it](/papers/main/#eq-second).\n`;
    const before = await checkContent(writePapers({ main: twoEquations, "other.md": other }).papersDir, "/", { render: true });
    const grown = twoEquations.replace("## Method\n", () => "## Method\n\n$$\nx = 1 \\label{eq:new-a}\n$$\n\n$$\ny = 2\n$$\n");
    const after = await checkContent(writePapers({ main: grown, "other.md": other }).papersDir, "/", { render: true });
    const second = (r: typeof before) => r.index.get("main")!.equations.find((e) => e.label === "eq:second")!;
    expect(second(before)).toMatchObject({ anchor: "eq-second", number: "2" });
    expect(second(after)).toMatchObject({ anchor: "eq-second", number: "4" });
    expect(after.problems).toEqual([]);
    // The cross-paper \eqref still leads to the same anchor, and shows the new number.
    const eqref = (r: typeof before) => paperHtml(r.rendered.get("other")!).match(/<a [^>]*class="eqref"[^>]*>[^<]*<\/a>/)?.[0];
    expect(eqref(before)).toBe('<a href="/papers/main/#eq-second" class="eqref" data-preview="main#eq-second" data-tex="\\eqref{main/eq:second}">A Test Paper\u00a0(2)</a>');
    expect(eqref(after)).toBe('<a href="/papers/main/#eq-second" class="eqref" data-preview="main#eq-second" data-tex="\\eqref{main/eq:second}">A Test Paper\u00a0(4)</a>');
  });

  it("reports broken TeX and unknown macros with file, line and column, all at once", async () => {
    const problems = await problemsOf({ broken: `${frontmatter()}\nFirst $\\frac{a$ here.\n\n$$\n\\foo{x}\n$$\n` });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^broken\.mdx:9:7: KaTeX cannot render \$\\frac\{a\$/);
    // An unknown command in a display: at its own line, not the opening $$.
    expect(problems[1]).toMatch(/^broken\.mdx:12:1: KaTeX cannot render \$\\foo\{x\}\$: Undefined control sequence: \\foo/);
  });

  it("reports TeX that KaTeX rejects once, in its own note, not again in the notes that \\eqref it", async () => {
    const ddpm = `${frontmatter()}\n$$\n\\begin{align}\nL &= \\mathbbb{E}[x] \\label{eq:simple-loss}\n\\end{align}\n$$\n`;
    const alone = `${frontmatter()}\nSee $\\eqref{ddpm/eq:simple-loss}$.\n`;
    const inFormula = `${frontmatter()}\nBy $L = 0$ and $x \\le \\eqref{ddpm/eq:simple-loss}$.\n`;
    const { papersDir } = writePapers({ ddpm, "lora.md": alone, vit: inFormula });
    const check = await checkContent(papersDir);
    expect(check.problems.map(formatShort)).toEqual([expect.stringMatching(/^ddpm\.mdx:11:6: KaTeX cannot render .*Undefined control sequence: \\mathbbb; did you mean \\mathbb\?$/)]);
    // Astro's MDX path: the link, without a preview of the broken equation (which would be red text, and fail the page).
    const tree = runMdxPipeline(papersDir, "vit", inFormula, check.index);
    const [classes, hrefs]: string[][] = [[], []];
    visit(tree, "element", (node) => void (classes.push(...((node.properties.className as string[] | undefined) ?? [])), node.tagName === "a" && hrefs.push(String(node.properties.href))));
    expect(hrefs).toContain("/papers/ddpm/#eq-simple-loss");
    expect(classes).not.toContain("equation-preview");
  });

  it("reports a dangling \\eqref, a missing paper and an unnumbered target", async () => {
    const body = `${frontmatter()}\n$$\nx \\notag \\label{eq:plain}\n$$\n\n$\\eqref{eq:nope}$ $\\eqref{ghost/eq:x}$ $\\eqref{eq:plain}$\n`;
    const problems = await problemsOf({ refs: body });
    expect(problems).toEqual([
      expect.stringMatching(/^refs\.mdx:13:1: \\eqref\{eq:nope\}: no equation on this page has \\label\{eq:nope\}; its labels are eq:plain$/),
      expect.stringMatching(/^refs\.mdx:13:19: \\eqref\{ghost\/eq:x\}: there is no paper "ghost"/),
      expect.stringMatching(/^refs\.mdx:13:40: \\eqref\{eq:plain\}: .*unnumbered/),
    ]);
  });

  it("reports an \\eqref in the text of a link, which would be a link inside a link", async () => {
    const body = `${frontmatter()}\n$$\nx \\label{eq:a}\n$$\n\nSee [the loss $\\eqref{eq:a}$](https://example.org/) and [$y = \\eqref{eq:a}$][ref].\n\n[ref]: https://example.org/\n`;
    const problems = await problemsOf({ nested: body });
    expect(problems).toEqual([
      "nested.mdx:13:15: \\eqref{eq:a} is a link, and it is in the text of a link [..](..): a link cannot hold another; put the \\eqref after the link",
      "nested.mdx:13:58: \\eqref{eq:a} is a link, and it is in the text of a link [..](..): a link cannot hold another; put the \\eqref after the link",
    ]);
  });

  it("says which paper has the label a reference to this page names, and how a reference to it is written", async () => {
    const also = `${frontmatter({ title: '"Also"' })}\n$$\ne = f \\label{eq:second}\n$$\n`;
    const wip = `${frontmatter({ title: '"Wip"', draft: "true" })}\n$$\ng = h \\label{eq:draft-only}\n$$\n`;
    const refs = ["eq:first", "main#eq:first", "main:eq:first", "/papers/main/#eq-first", "eq:second", "eq:draft-only"].map((label) => `$\\eqref{${label}}$`).join(" and ");
    const problems = await problemsOf({ main: twoEquations, also, wip, citing: `${frontmatter()}\nSee ${refs}.\n` });
    expect(problems.map((problem) => problem.replace(/^citing\.mdx:9:\d+: /, ""))).toEqual([
      '\\eqref{eq:first}: no equation on this page has \\label{eq:first}; paper "main" has it: write \\eqref{main/eq:first}',
      "\\eqref{main#eq:first}: no equation on this page has \\label{main#eq:first}; another paper's equation is written with a / after its slug: \\eqref{main/eq:first}",
      "\\eqref{main:eq:first}: no equation on this page has \\label{main:eq:first}; another paper's equation is written with a / after its slug: \\eqref{main/eq:first}",
      "\\eqref{/papers/main/#eq-first}: no equation on this page has \\label{/papers/main/#eq-first}; another paper's equation is written with a / after its slug: \\eqref{main/eq:first}",
      '\\eqref{eq:second}: no equation on this page has \\label{eq:second}; papers that have it: "also", "main"; put one\'s slug before it, as \\eqref{also/eq:second}',
      // A draft is not published: no reference to it could be made.
      "\\eqref{eq:draft-only}: no equation on this page has \\label{eq:draft-only}",
    ]);
  });

  it("stops at an empty display, which would show a gap and skip an equation number", async () => {
    const note = `${frontmatter()}\n$$\na = 1\n$$\n\n$$\n$$\n\n$$\nb = 2\n$$\n`;
    expect(await problemsOf({ empty: note })).toEqual(["empty.mdx:13:1: this display is empty: write its formula between the $$ lines, or remove them (as it is, the page shows a gap that takes an equation number)"]);
  });

  it("reports a cross-paper \\eqref to a label the other paper lacks", async () => {
    const problems = await problemsOf({ main: twoEquations, other: `${frontmatter()}\n$\\eqref{main/eq:third}$\n` });
    expect(problems).toEqual([expect.stringMatching(/^other\.mdx:9:1: .*paper "main" has no equation with \\label\{eq:third\}/)]);
  });

  it("tells a reference written by number (or by its anchor, eq-1) which label that equation has, or that it has none", async () => {
    const main = `${twoEquations}\n$$\nu = v\n$$\n\nHere $\\eqref{eq:2}$ and $\\ref{3}$.\n`;
    const problems = await problemsOf({ main, other: `${frontmatter()}\n$\\eqref{main/eq:1}$ and $\\eqref{main/2}$ and $\\eqref{main/eq-1}$, as its anchor reads\n` });
    expect(problems).toEqual([
      expect.stringMatching(/^main\.mdx:\d+:\d+: \\eqref\{eq:2\}: no equation on this page has \\label\{eq:2\}; did you mean \\eqref\{eq:second\}\? \(a reference names an equation by its label: equation \(2\) is \\label\{eq:second\}\)$/),
      expect.stringMatching(/^main\.mdx:\d+:\d+: \\ref\{3\}: no equation on this page has \\label\{3\}; equation \(3\) has no \\label to name it by: give it one, as \\label\{eq:…\}$/),
      expect.stringMatching(/^other\.mdx:9:\d+: \\eqref\{main\/eq:1\}: paper "main" has no equation with \\label\{eq:1\}; did you mean \\eqref\{main\/eq:first\}\? /),
      expect.stringMatching(/^other\.mdx:9:\d+: \\eqref\{main\/2\}: paper "main" has no equation with \\label\{2\}; did you mean \\eqref\{main\/eq:second\}\? /),
      expect.stringMatching(/^other\.mdx:9:\d+: \\eqref\{main\/eq-1\}: paper "main" has no equation with \\label\{eq-1\}; did you mean \\eqref\{main\/eq:first\}\? /),
    ]);
  });

  it("points at the row of a long display where a reference or command is wrong", async () => {
    const body = `${frontmatter()}\n$$\n\\begin{aligned}\na &= b \\label{eq:a} \\\\\nc &= \\eqref{eq:nothere} \\\\\nd &= \\tims e\n\\end{aligned}\n$$\n`;
    const problems = await problemsOf({ rows: body });
    expect(problems).toEqual([
      expect.stringMatching(/^rows\.mdx:12:\d+: \\eqref\{eq:nothere\}: no equation on this page has/),
      expect.stringMatching(/^rows\.mdx:13:6: KaTeX cannot render [\s\S]*Undefined control sequence: \\tims; did you mean \\times\?$/),
    ]);
  });

  it("names the command a mistyped one most likely meant: KaTeX's, ours (\\label, \\eqref), or one the note defines", async () => {
    const body = `${frontmatter()}\n$\\newcommand{\\loss}{\\mathcal{L}}\\newcommand{\\E}{\\mathbb{E}}$ Then $\\sqrtt{x}$, $\\alpah$, $\\lsos$ and $\\zzqx$.\n\nNo guess for a short name or a far one: $\\Var$, $\\diag$, $\\sgn$, $\\tr$, $\\Expect$.\n`;
    const problems = await problemsOf({ typos: body });
    expect(problems.map((problem) => problem.replace(/^.*: Undefined control sequence: /, ""))).toEqual(["\\sqrtt; did you mean \\sqrt?", "\\alpah; did you mean \\alpha?", "\\lsos; did you mean \\loss?", ...["\\zzqx", "\\Var", "\\diag", "\\sgn", "\\tr", "\\Expect"].map((name) => `${name}; if it is a macro of the paper, define it in a formula before its first use, as \\newcommand{${name}}{…}`)]);
    // Ours too, which KaTeX never sees: \label and \eqref are the commands a note types most.
    const ours = await problemsOf({ ours: `${frontmatter()}\n$$\nx = y \\lable{eq:typo}\n$$\n\nBy $\\eqrf{eq:typo}$.\n` });
    expect(ours.map((problem) => problem.replace(/^.*: Undefined control sequence: /, ""))).toEqual(["\\lable; did you mean \\label?", "\\eqrf; did you mean \\eqref?"]);
    // LaTeX's own commands that KaTeX lacks are answered with what to write instead, not a near name (\mathbb).
    const packages = await problemsOf({ packages: `${frontmatter()}\n$\\mathbbm{1}$, $\\cref{eq:a}$ and $\\nicefrac{1}{2}$.\n` });
    expect(packages.map((problem) => problem.replace(/^.*: Undefined control sequence: \\\S+; /, ""))).toEqual([
      "KaTeX has no \\mathbbm: write \\mathbb{…} (\\mathbb{E}, \\mathbb{R}); for an indicator, which \\mathbb{1} shows as a plain 1, write \\mathbb{I} or \\mathbf{1}",
      "KaTeX has no \\cref: refer to an equation with \\eqref{…}",
      "KaTeX has no \\nicefrac: write \\tfrac{…}{…} or a/b",
    ]);
  });

  it("names an environment or brace left open in a display, at its line, and not as an equation with 2 labels", async () => {
    const body = `${frontmatter()}\n$$\n\\begin{align}\na &= b \\label{eq:a} \\\\\nc &= d \\label{eq:b}\n$$\n\nText.\n\n$$\nx = \\frac{a}{b\n$$\n\n$$\ny = \\frac{1}{\n$$\n`;
    expect(await problemsOf({ open: body })).toEqual([
      "open.mdx:10:1: KaTeX cannot render $\\begin{align} a &= b \\label{eq:a} \\\\ c &= d \\label{eq:b}$: Expected & or \\\\ or \\cr or \\end; \\begin{align} is never closed; end it with \\end{align} before the closing $$",
      "open.mdx:18:13: KaTeX cannot render $x = \\frac{a}{b$: Unexpected end of input in a macro argument, expected '}'; the { before \"b\" is never closed; add its }",
      // Nothing after it to quote.
      expect.stringMatching(/^open\.mdx:22:\d+: KaTeX cannot render .*; the \{ at the end is never closed; add its \}$/),
    ]);
  });

  it("says that a $$ is never closed, at that $$, rather than quoting the rest of the note as its TeX", async () => {
    const body = `${frontmatter()}\n> $$\n> x = 1\n> $$\n\n$$\n\\begin{align}\nL &= \\mathbb{E}[x]\n\\end{align}\n\n## Sampling\n\n\`\`\`python\nx = $1\n\`\`\`\n`;
    expect(await problemsOf({ open: body })).toEqual(["open.mdx:13:1: the $$ on line 13 is never closed, so all that follows it is read as math: end the formula with a line holding only $$"]);
    // The closing $$ of the last display left alone: the $$ that opened it closes the one before.
    const shifted = `${frontmatter()}\n$$\na = b\n\nText.\n\n$$\nc = d\n$$\n\nMore.\n`;
    expect(await problemsOf({ shifted })).toEqual(["shifted.mdx:16:1: the $$ on line 16 is never closed, so all that follows it is read as math: end the formula with a line holding only $$; if this $$ was meant to end a formula, the $$ on line 9, whose formula runs on past a blank line, is likely the one never closed"]);
    // Prose that KaTeX cannot read (a heading) is not quoted back as TeX: the $$ that opened it is named.
    const heading = `${frontmatter()}\n$$\na = b\n\n## Two\n\n$$\nc = d\n$$\n`;
    expect(await problemsOf({ heading })).toEqual([
      "heading.mdx:9:1: the $$ on line 9 is likely never closed: its formula runs on past a blank line to the $$ on line 14, and KaTeX cannot render what lies between (Expected 'EOF', got '#'); end the formula with a line holding only $$",
      "heading.mdx:16:1: the $$ on line 16 is never closed, so all that follows it is read as math: end the formula with a line holding only $$; if this $$ was meant to end a formula, the $$ on line 9, whose formula runs on past a blank line, is likely the one never closed",
    ]);
    // The closing $$ typed at the end of the formula's last line: that line is named.
    const joined = `${frontmatter()}
$$
a = b + c
\\label{eq:a} $$

More.

$$
d = e
$$
`;
    expect((await problemsOf({ joined }))[0]).toMatch(/^joined\.mdx:9:1: the \$\$ on line 9 is likely never closed: .*; line 11 ends with \$\$, which closes nothing there: put it on a line of its own$/);
    // LaTeX's "$$." closes nothing either: that line is named, whether a later $$ closes the formula or none does.
    const dotted = `${frontmatter()}\n$$\na = b\n$$.\n\nMore.\n`;
    const closer = 'line 11 has "." after its $$, so that $$ closes nothing: a closing $$ stands alone on its line (put "." at the end of the formula, before the $$)';
    expect(await problemsOf({ dotted })).toEqual([`dotted.mdx:9:1: the $$ on line 9 is never closed, so all that follows it is read as math: ${closer}`]);
    expect((await problemsOf({ dotted: `${dotted}\n$$\nc = d\n$$\n` }))[0]).toMatch(new RegExp(`^dotted\\.mdx:9:1: the \\$\\$ on line 9 is likely never closed: its formula runs on past a blank line to the \\$\\$ on line 15, .*; ${literalPattern(closer)}$`));
  });

  it("marks the problems after a $$ never closed as perhaps only its doing, not those before it or in other notes", async () => {
    const dotted = `${frontmatter()}\nSee $\\eqref{eq:zero}$.\n\n$$\nL = a \\label{eq:one}\n$$.\n\nProse with $\\eqref{eq:one}$.\n\n$$\nx = y \\label{eq:two}\n$$\n\nAnd $\\eqref{eq:two}$.\n`;
    const other = `${frontmatter({ title: '"Other"' })}\nSee $\\eqref{eq:nope}$.\n`;
    const problems = await problemsOf({ dotted, other });
    const marked = problems.filter((problem) => problem.endsWith("(perhaps only as the $$ on line 11 is never closed: fix that first)"));
    expect(problems.filter((problem) => problem.startsWith("dotted.mdx:11:1: the $$ on line 11 is likely never closed"))).toHaveLength(1);
    // The \eqref above it, the second $$ (which names line 11 itself) and the other note are as they were.
    expect(problems.filter((problem) => /^dotted\.mdx:9:\d+: \\eqref\{eq:zero\}: no equation[^(]*$/.test(problem))).toHaveLength(1);
    expect(problems.filter((problem) => /^other\.mdx:.*eq:nope[^(]*$/.test(problem))).toHaveLength(1);
    expect(marked.map((problem) => problem.split(":")[1])).toEqual(["18", "21"]);
  });

  it("marks a later $$ 'never closed', and the warnings after the first, as perhaps only the first one's doing", async () => {
    // The first display lost its closing $$: every later closing $$ is read as an opening one.
    const shifted = `${frontmatter()}\n$$\na = 1 \\label{eq:one}\n\nProse with $x$.\n\n$$\n\\begin{align}\nb &= 2 \\label{eq:two}\n\\end{align}\n$$\n\nMore prose with $y$.\n\nA second paragraph.\n\n$$\nc = 3\n$$\n\nEnd.\n`;
    const { papersDir } = writePapers({ shifted });
    const { problems, warnings } = await checkContent(papersDir);
    const first = "(perhaps only as the $$ on line 9 is never closed: fix that first)";
    const unclosed = problems.map(formatShort).filter((problem) => /^shifted\.mdx:\d+:1: the \$\$ on line \d+ is (likely )?never closed/.test(problem));
    expect(unclosed.map((problem) => [problem.split(":")[1], problem.endsWith(first)])).toEqual([["9", false], ["18", true], ["26", false]]);
    // The last names the first display that ran on, where the pairing went wrong, not a later one.
    expect(unclosed[2]).toMatch(/if this \$\$ was meant to end a formula, the \$\$ on line 9, whose formula runs on past a blank line, is likely the one never closed$/);
    // "\begin{align} outside math" is the shift's doing too.
    expect(warnings.map(formatShort)).toEqual([expect.stringMatching(/^shifted\.mdx:15:1: \\begin\{align\} outside math .*fix that first\)$/)]);
  });

  it("says what KaTeX means by a stray &, an unmatched \\left or \\right and a double superscript, and the fix", async () => {
    const body = `${frontmatter()}\n$$\na &= b\n$$\n\n$$\n\\left[ x + y\n$$\n\nInline $a \\right)$ and $x^2^3$.\n`;
    expect(await problemsOf({ pairs: body })).toEqual([
      "pairs.mdx:9:1: KaTeX cannot render $a &= b$: Expected 'EOF', got '&'; & lines up columns only inside an environment: put the rows in \\begin{aligned} … \\end{aligned}",
      "pairs.mdx:13:1: KaTeX cannot render $\\left[ x + y$: Expected '\\right', got 'EOF'; a \\left has no \\right in the same formula (or row): close it with one, \\right. if nothing should show",
      "pairs.mdx:17:8: KaTeX cannot render $a \\right)$: Expected 'EOF', got '\\right'; this \\right has no \\left before it: add one, \\left. if nothing should show",
      "pairs.mdx:17:24: KaTeX cannot render $x^2^3$: Double superscript; group the second in braces: x^{a^b} or {x^a}^b, x_{a_b}",
    ]);
  });

  it("says at the definition that KaTeX's \\newcommand takes no optional argument, and the use points back to it", async () => {
    const body = `${frontmatter()}\n$$\n\\newcommand{\\R}{\\mathbb{R}}\n\\newcommand{\\Ex}[2][]{\\mathbb{E}_{#1}\\left[#2\\right]}\n$$\n\nThen $\\Ex[x]{f(x)}$.\n`;
    expect(await problemsOf({ optional: body })).toEqual([
      "optional.mdx:11:1: KaTeX's \\newcommand takes no optional argument (the [ after [2]): define \\Ex with required arguments only, as \\newcommand{\\Ex}[2]{…}, and give each at every use",
      expect.stringMatching(/^optional\.mdx:14:6: .*the definition of \\Ex on line 11 could not be read/),
    ]);
  });

  it("says that an empty \\eqref{} names no equation, even beside an empty \\label{}", async () => {
    const body = `${frontmatter()}\n$$\na = b \\label{}\n$$\n\nSee $\\eqref{}$ and $\\ref{ }$.\n`;
    expect(await problemsOf({ empty: body })).toEqual([
      expect.stringMatching(/^empty\.mdx:10:7: \\label\{\} is empty/),
      "empty.mdx:13:5: \\eqref{} names no equation: write its label between the braces, as \\eqref{eq:name}",
      "empty.mdx:13:20: \\ref{} names no equation: write its label between the braces, as \\ref{eq:name}",
    ]);
  });

  it("tells a \\label without braces once, at it, not also as a command KaTeX lacks", async () => {
    const body = `${frontmatter()}\n$$\na = b \\label eq:a\n$$\n`;
    expect(await problemsOf({ bare: body })).toEqual(["bare.mdx:10:7: \\label needs an argument in braces"]);
    // Nor is a \\label whose brace is never closed let through by both: KaTeX fails on it when the page is rendered.
    const open = `${frontmatter()}\n$$\n\\label{x\n$$\n`;
    expect(await problemsOf({ open })).toEqual([expect.stringMatching(/^open\.mdx:10:7: KaTeX cannot render \$\\label\{x\$: .*Undefined control sequence: \\label.*; /)]);
    // An inline formula is quoted as written, not as the link its \\eqref became.
    const inline = `${frontmatter()}\n$$\nc = d \\label{eq:c}\n$$\n\nSee $\\eqref{eq:c} \\label{eq:y}$.\n`;
    expect(await problemsOf({ inline })).toEqual([expect.stringMatching(/^inline\.mdx:13:5: KaTeX cannot render \$\\eqref\{eq:c\} \\label\{eq:y\}\$: \\label names display equations only/)]);
  });

  it("names every unknown command of one formula at once, each at its place, not only KaTeX's first", async () => {
    const body = `${frontmatter()}\n$$\na = \\mathbbm{1}[x] + \\nicefrac{1}{2}\n+ \\textsc{abc} \\mathbbm{2}\n$$\n`;
    expect((await problemsOf({ many: body })).map((problem) => problem.replace(/KaTeX cannot render \$[^$]*\$: Undefined control sequence: /, "").replace(/;.*/, ""))).toEqual(["many.mdx:10:5: \\mathbbm", "many.mdx:10:22: \\nicefrac", "many.mdx:11:3: \\textsc"]);
  });

  it("tells a closed display with a blank line inside its environment by its TeX's own problem, not as never closed", async () => {
    const body = `${frontmatter()}\n$$\n\\begin{align}\na &= \\mathbbm{1}[x > 0] \\label{eq:k1} \\\\\n\nb &= c \\label{eq:k2}\n\\end{align}\n$$\n\nText.\n`;
    expect(await problemsOf({ blank: body })).toEqual([expect.stringMatching(/^blank\.mdx:11:6: KaTeX cannot render \$\\begin\{align\}.*: Undefined control sequence: \\mathbbm/)]);
  });

  it("says that \\tag holds text when a math command in it is unknown, and renders a \\tag{$\\star$} in links to it", async () => {
    const body = `${frontmatter()}\n$$\ny = 2 \\tag{\\dagger}\n$$\n`;
    expect(await problemsOf({ dagger: body })).toEqual([
      "dagger.mdx:10:12: KaTeX cannot render $y = 2 \\tag{\\dagger}$: Undefined control sequence: \\dagger; \\tag{…} holds text, so math in it goes between $ signs: \\tag{$\\dagger$}",
    ]);
    const { papersDir } = writePapers({ "star.md": `${frontmatter()}\n$$\nx = 1 \\tag{$\\star$} \\label{eq:star}\n$$\n\nSee $\\ref{eq:star}$.\n` });
    const check = await checkContent(papersDir, "/", { render: true });
    expect(check.problems).toEqual([]);
    const html = paperHtml(check.rendered.get("star")!);
    expect(html).toMatch(/<a href="#eq-star" class="eqref" data-tex="\\ref\{eq:star\}"><span class="katex">.*<mo>⋆<\/mo>/);
    expect(html).toContain('aria-label="Copy link to equation (⋆)"');
    expect(check.search.flatMap((page) => page.documents!).map((d) => d.heading)).toContain("(⋆) star");
  });

  it("names what to write instead of an environment KaTeX lacks (multline, eqnarray)", async () => {
    const body = `${frontmatter()}\n$$\n\\begin{multline} a + b \\\\ + c \\end{multline}\n$$\n\n$$\n\\begin{eqnarray} a &=& b \\end{eqnarray}\n$$\n`;
    expect(await problemsOf({ envs: body })).toEqual([
      expect.stringMatching(/^envs\.mdx:9:1: KaTeX cannot render .*: No such environment: multline; KaTeX has no multline: use gather \(one row per line\), or split inside equation$/),
      expect.stringMatching(/^envs\.mdx:13:1: KaTeX cannot render .*: No such environment: eqnarray; KaTeX has no eqnarray: use align, with one & before the relation \(a &= b\)$/),
    ]);
  });

  it("warns of a note with nothing after its frontmatter, whose page would be empty", async () => {
    const { papersDir } = writePapers({ stub: frontmatter(), written: `${frontmatter()}\nText.\n`, later: frontmatter({ draft: "true" }) });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatShort)).toEqual([
      "stub.mdx:8:1: the note has no text after its frontmatter, so its page is empty: write the note, or mark it draft: true until it is written",
    ]);
  });

  it("warns at a link with no address, which leads back to its own page", async () => {
    const { papersDir } = writePapers({ empty: `${frontmatter()}\nSee [the code]() and [the paper](https://arxiv.org/abs/2306.00637).\n` });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatShort)).toEqual([
      "empty.mdx:9:5: a link with no address leads back to this page: write where it goes between the parentheses, as [text](/papers/<slug>/)",
    ]);
  });

  it("warns at a tag of one note that is a letter away from a tag more notes have, not at short or distinct ones", async () => {
    const note = (tags: string) => `${frontmatter({ tags })}\nText.\n`;
    const { papersDir } = writePapers({
      a: note('["diffusion", "llm"]'),
      b: note('["diffusion", "llm", "efficiency"]'),
      c: note('["vlm", "difusion-models", "text-to-image", "difusion"]'),
      d: note('\n  - efficency\n  - images'),
    });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatShort)).toEqual([
      'c.mdx:7:52: tag "difusion" is on this note only, and a letter away from "diffusion" (on 2 notes); did you mean diffusion?',
    ]);
    // Two notes with it: a tag of its own, not a typo (nor "efficency", on one note beside one "efficiency").
    const { papersDir: twice } = writePapers({ a: note('["diffusion"]'), b: note('["diffusion"]'), c: note('["difusion"]'), e: note('["difusion"]') });
    expect((await checkContent(twice)).warnings).toEqual([]);
  });

  it("warns at the arXiv id of each published note that gives another's (versions aside), not a draft's", async () => {
    const note = (arxiv: string, draft = "") => `${frontmatter({ arxiv, draft })}\nText.\n`;
    const { papersDir } = writePapers({ a: note('"2306.00637"'), b: note('"2306.00637v2"'), c: note('"2401.10020"'), d: note('"2401.10020"', "true") });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    const named = (reason: string) => reason.replace(/\S*\/(\w+\.mdx)/g, "$1");
    expect(check.warnings.map((p) => named(formatProblem(p)))).toEqual([
      "a.mdx:7:1: arXiv 2306.00637 is also the id of b.mdx: two notes on one paper, or a frontmatter copied and not changed?",
      "b.mdx:7:1: arXiv 2306.00637 is also the id of a.mdx: two notes on one paper, or a frontmatter copied and not changed?",
    ]);
  });

  it("warns at the short name of a published note that another paper is also called, not at titles alike before their colon", async () => {
    const note = (title: string, short = "", draft = "") => `${frontmatter({ title, short, draft })}\nText.\n`;
    const { papersDir } = writePapers({
      dpo: note('"Direct Preference Optimization"', '"DPO"'),
      other: note('"DPO: A Survey"'),
      draft: note('"Another"', '"DPO"', "true"),
      a: note('"LLaMA: Open Models"'),
      b: note('"LLaMA: Open Models, Again"'),
    });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map((p) => formatShort(p).replace(/\S*\/(\w+\.mdx)/g, "$1"))).toEqual([
      'dpo.mdx:7:1: "DPO" also names other.mdx, so a reference such as "DPO (1)" would not say which paper it is: give each a short name of its own (short: "…")',
      'other.mdx:2:1: "DPO" also names dpo.mdx, so a reference such as "DPO (1)" would not say which paper it is: give each a short name of its own (short: "…")',
    ]);
  });

  it("checks a note with an MDX syntax error against the others too: its arXiv id, and \\eqref to it resolve", async () => {
    const broken = `${frontmatter({ arxiv: '"2306.00637"' })}\n## Main {#main}\n\n$$\na = b \\label{eq:ab}\n$$\n`;
    const citing = `${frontmatter({ arxiv: '"2306.00637"', title: '"Other"' })}\nSee $\\eqref{broken/eq:ab}$.\n`;
    const check = await checkContent(writePapers({ broken, citing }).papersDir);
    // One problem, its syntax error: not also the citing note's \eqref to a paper the site lacked.
    expect(check.problems.map(formatShort)).toEqual([expect.stringMatching(/^broken\.mdx:10:10: MDX syntax error: /)]);
    expect(check.warnings.map((p) => formatShort(p).replace(/\S*\/(\w+\.mdx)/g, "$1"))).toEqual([
      "broken.mdx:7:1: arXiv 2306.00637 is also the id of citing.mdx: two notes on one paper, or a frontmatter copied and not changed?",
      "citing.mdx:7:1: arXiv 2306.00637 is also the id of broken.mdx: two notes on one paper, or a frontmatter copied and not changed?",
    ]);
  });

  it("warns at the date of a published note dated after tomorrow, quoted or not, not a draft's", async () => {
    const note = (date: string, draft = "") => `${frontmatter({ date, draft })}\nText.\n`;
    const { papersDir } = writePapers({ typo: note("2062-03-15"), quoted: note('"2999-01-01"'), past: note("2024-03-15"), draft: note("2062-03-15", "true") });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    // The check's own clock: any day before 2062 gives these.
    expect(check.warnings.map(formatShort)).toEqual([
      expect.stringMatching(/^quoted\.mdx:4:1: date 2999-01-01 is still to come \(today is \d{4}-\d\d-\d\d\), so the note heads the list until then; a mistyped year\?$/),
      expect.stringMatching(/^typo\.mdx:4:1: date 2062-03-15 is still to come \(today is \d{4}-\d\d-\d\d\)/),
    ]);
    // A fixed clock, for the exact text and the day after tomorrow (tomorrow may be today where the author is).
    const now = new Date("2024-03-15T23:59:59Z");
    const { index } = check;
    const dated = (day: string) => new Map([["t", { ...index.get("past")!, day }]]);
    expect(dateWarnings(index, now).map(formatShort)).toEqual([
      "quoted.mdx:4:1: date 2999-01-01 is still to come (today is 2024-03-15), so the note heads the list until then; a mistyped year?",
      "typo.mdx:4:1: date 2062-03-15 is still to come (today is 2024-03-15), so the note heads the list until then; a mistyped year?",
    ]);
    expect(dateWarnings(dated("2024-03-16"), now)).toEqual([]);
    expect(dateWarnings(dated("2024-03-17"), now).map(formatShort)).toEqual([expect.stringMatching(/^past\.mdx:4:1: date 2024-03-17 is still to come \(today is 2024-03-15\)/)]);
  });

  it("warns at a \\tag that shows a number another equation shows too, whichever comes first", async () => {
    const body = `${frontmatter()}\n$$\na \\tag{2}\n$$\n\n$$\nb\n$$\n\n$$\nc\n$$\n\n$$\nd \\tag{1}\n$$\n\n$$\ne \\tag{A}\n$$\n`;
    const { papersDir } = writePapers({ tags: body });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatShort)).toEqual([
      "tags.mdx:10:3: \\tag{2}: (2) is shown twice, on lines 10 and 17: give this equation another tag",
      "tags.mdx:22:3: \\tag{1}: (1) is shown twice, on lines 13 and 22: give this equation another tag",
    ]);
    // In one align: the tagged row is found, not another row's \tag.
    const { papersDir: alignDir } = writePapers({ rows: `${frontmatter()}\n$$\n\\begin{align}\na &= 1 \\tag{2} \\\\\nb &= 2 \\\\\nc &= 3\n\\end{align}\n$$\n` });
    const rows = await checkContent(alignDir);
    expect(rows.warnings.map(formatShort)).toEqual(["rows.mdx:11:8: \\tag{2}: (2) is shown twice, on lines 9 and 11: give this equation another tag"]);
  });

  it("lets one \\tag be shown twice, as LaTeX does, told at the second as written (\\tag*, spaces), each with an anchor of its own", async () => {
    const body = `${frontmatter()}\n$$\na \\tag{A}\n$$\n\n$$\nb \\tag*{ B }\n$$\n\n$$\nc \\tag{A}\n$$\n\n$$\nd \\tag*{ B }\n$$\n`;
    const { papersDir } = writePapers({ again: body });
    const check = await checkContent(papersDir, "/", { render: true });
    expect(check.problems.map(formatShort)).toEqual([]);
    expect(check.warnings.map(formatShort)).toEqual([
      "again.mdx:18:3: \\tag{A}: (A) is shown twice, on lines 10 and 18: give this equation another tag",
      "again.mdx:22:3: \\tag{B}: (B) is shown twice, on lines 14 and 22: give this equation another tag",
    ]);
    const html = paperHtml(check.rendered.get("again")!);
    expect([...html.matchAll(/<div class="equation" id="([^"]+)"/g)].map((m) => m[1])).toEqual(["eq-tag-A", "eq-tag-B", "eq-tag-A-2", "eq-tag-B-2"]);
  });

  it("reports a label used twice and a label that collides with a heading", async () => {
    const body = `${frontmatter()}\n## Eq loss\n\n$$\na \\label{eq:a}\n$$\n\n$$\nb \\label{eq:a}\n$$\n\n$$\nc \\label{loss}\n$$\n`;
    const problems = await problemsOf({ dup: body });
    expect(problems).toEqual([
      // At the label's line, not the display's opening $$, and saying where the first one is.
      expect.stringMatching(/^dup\.mdx:16:10: two equations on this page have the anchor #eq-a \(label eq:a\); the first is on line 12/),
      expect.stringMatching(/^dup\.mdx:20:10: equation anchor #eq-loss is also the id of a heading/),
    ]);
  });

  it("reports two labels with one anchor once, not also \\eqref to either as to a label that is not there", async () => {
    const body = `${frontmatter()}\n$$\na \\label{eq:simple-loss}\n$$\n\n$$\nb \\label{eq:simple loss}\n$$\n\nBy $\\eqref{eq:simple-loss}$ and $\\eqref{eq:simple loss}$, not $\\eqref{eq:simple.loss}$.\n`;
    expect(await problemsOf({ dup: body })).toEqual([
      "dup.mdx:14:10: labels eq:simple-loss (line 10) and eq:simple loss give one anchor, #eq-simple-loss, as an anchor keeps only letters, digits and -: rename one",
      expect.stringMatching(/^dup\.mdx:17:\d+: \\eqref\{eq:simple\.loss\}: no equation on this page has \\label\{eq:simple\.loss\}; did you mean/),
    ]);
  });

  it("says at the label when \\label{eq:3} takes the anchor of unlabelled equation (3), and rejects a / in a label", async () => {
    const body = `${frontmatter()}\n$$\na\n$$\n\n$$\n\\begin{align}\nu &= 1 \\label{eq:3} \\\\\nv &= 2\n\\end{align}\n$$\n\n$$\nw \\label{eq:kl/forward}\n$$\n`;
    expect(await problemsOf({ clash: body })).toEqual([
      "clash.mdx:15:15: \\label{eq:3} gives the anchor #eq-3, which equation (3) has without a label; choose another label",
      "clash.mdx:21:9: \\label{eq:kl/forward}: a label cannot hold /, as \\eqref{paper/label} is another paper's equation; write \\label{eq:kl-forward}",
    ]);
  });

  it("reports a label used twice in the rows of one align at the second row", async () => {
    const body = `${frontmatter()}\n$$\n\\begin{align}\nx &= 1 \\label{eq:r1} \\\\\ny &= 2 \\label{eq:r1}\n\\end{align}\n$$\n`;
    expect(await problemsOf({ rows: body })).toEqual([expect.stringMatching(/^rows\.mdx:12:15: two equations on this page have the anchor #eq-r1 \(label eq:r1\); the first is on line 11$/)]);
  });

  it("reports links to missing papers and anchors", async () => {
    const problems = await problemsOf({ main: twoEquations, links: `${frontmatter()}\n[a](/papers/main/#eq-zzz) [b](/papers/gone/) [c](/papers/main/#method)\n` });
    expect(problems).toEqual([
      expect.stringMatching(/^links\.mdx:9:1: link \/papers\/main\/#eq-zzz: paper "main" has no equation or heading with the anchor #eq-zzz/),
      expect.stringMatching(/^links\.mdx:9:27: link \/papers\/gone\/: there is no paper "gone"/),
    ]);
  });

  it("checks links to the site's other pages and files, and reads /papers/x/index.html?q#a as a paper link", async () => {
    const links = `${frontmatter()}\n[a](/papers/main/index.html#eq-zzz) [b](/papers/main/?utm=x#method) [c](/foo/bar/) [d](/archive) [e](/formulas/2/) [g](/rss.xml) [h](/) [i](/favicon.svg) [j](/sitemap-0.xml) [k](/papers/main/#main)\n`;
    expect(await problemsOf({ main: twoEquations, links })).toEqual([
      expect.stringMatching(/^links\.mdx:9:1: link \/papers\/main\/index\.html#eq-zzz: paper "main" has no equation or heading with the anchor #eq-zzz/),
      expect.stringMatching(/^links\.mdx:9:\d+: link \/foo\/bar\/: the site has no page or file there \(under public\/\); a paper is \/papers\/<slug>\//),
      expect.stringMatching(/^links\.mdx:9:\d+: link \/formulas\/2\/: a list's later pages change as papers are added/),
    ]);
  });

  it("gives a link to one of the site's folders its last slash, which from disk would open a file listing, and the base path", async () => {
    const tagged = `${frontmatter({ tags: '["diffusion"]' })}\nText.\n`;
    const links = `${frontmatter()}\n[a](/archive) [b](/formulas#top) [c](/tags?x=1) [d](/tags/diffusion) [e](/archive/) [f](/rss.xml)\n`;
    const check = await checkContent(writePapers({ tagged, "links.md": links }).papersDir, "/notes/", { render: true });
    expect(check.problems).toEqual([]);
    const hrefs = [...paperHtml(check.rendered.get("links")!).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(["/notes/archive/", "/notes/formulas/#top", "/notes/tags/?x=1", "/notes/tags/diffusion/", "/notes/archive/", "/notes/rss.xml"]);
  });

  it("checks a link to a tag's page against the published papers' tags", async () => {
    const tagged = `${frontmatter({ tags: '["diffusion"]' })}\nText.\n`;
    const draft = `${frontmatter({ tags: '["wip-only"]', draft: "true" })}\nText.\n`;
    const links = `${frontmatter()}\n[a](/tags/diffusion/) [b](/tags/no-such-tag/) [c](/tags/wip-only/) [d](/tags/)\n`;
    expect(await problemsOf({ tagged, draft, links })).toEqual([
      expect.stringMatching(/^links\.mdx:9:\d+: link \/tags\/no-such-tag\/: no published paper has the tag "no-such-tag"/),
      expect.stringMatching(/^links\.mdx:9:\d+: link \/tags\/wip-only\/: no published paper has the tag "wip-only"/),
    ]);
    // A draft is not built, and not counted as a built paper.
    const { papersDir } = writePapers({ tagged, draft });
    expect(await checkContent(papersDir)).toMatchObject({ papers: 1, drafts: 1 });
  });

  it("suggests the tag a link to a tag's page most likely meant, only when one is close", async () => {
    const tagged = `${frontmatter({ tags: '["diffusion"]' })}\nText.\n`;
    const links = `${frontmatter()}\n[a](/tags/difusion/) [b](/tags/no-such-tag/)\n`;
    expect(await problemsOf({ tagged, links })).toEqual([
      'links.mdx:9:1: link /tags/difusion/: no published paper has the tag "difusion"; did you mean diffusion?',
      'links.mdx:9:22: link /tags/no-such-tag/: no published paper has the tag "no-such-tag"',
    ]);
  });

  it("checks a draft as any note, its problems as warnings: it is not built, so it stops nothing yet", async () => {
    const draft = `${frontmatter({ draft: "true" })}\n$$\n\\frac{a}{b \\label{eq:x}\n$$\n\nSee $\\eqref{eq:y}$.\n`;
    const { papersDir } = writePapers({ draft, ok: `${frontmatter()}\nText.\n` });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/draft\.mdx:11:9: KaTeX cannot render .* is never closed; add its } \(a draft: this stops the build once it is published\)$/),
      expect.stringMatching(/draft\.mdx:14:5: \\eqref\{eq:y\}: no equation on this page has \\label\{eq:y\}.* \(a draft: this stops the build once it is published\)$/),
    ]);
  });

  it("renders a sound draft for the dev server's preview, and not one with problems, whose problems stay warnings; a build renders none", async () => {
    const sound = `${frontmatter({ draft: "true" })}\n$$\nx \\label{eq:x}\n$$\n\nSee $\\eqref{eq:x}$.\n`;
    const broken = `${frontmatter({ draft: "true" })}\nSee $\\eqref{eq:y}$.\n`;
    const { papersDir } = writePapers({ sound, broken, ok: `${frontmatter()}\nText.\n` });
    const preview = await checkContent(papersDir, "/", { render: true, previewDrafts: true });
    expect(preview.problems).toEqual([]);
    expect([...preview.rendered.keys()].sort()).toEqual(["ok", "sound"]);
    expect(preview.warnings.map(formatProblem)).toEqual([expect.stringMatching(/broken\.mdx:10:5: \\eqref\{eq:y\}: .* \(a draft: this stops the build once it is published\)$/)]);
    expect([...(await checkContent(papersDir, "/", { render: true })).rendered.keys()]).toEqual(["ok"]);
  });

  it("knows another paper's heading anchors as the page makes them: after SmartyPants, without images' alt text", async () => {
    const headed = `${frontmatter()}\n## Don't stop -- ablations\n\n## Fig ![x](/favicon.svg) here\n\nText.\n`;
    const links = `${frontmatter()}\n[a](/papers/headed/#dont-stop--ablations) [b](/papers/headed/#fig--here) [c](/papers/headed/#dont-stop----ablations)\n`;
    expect(await problemsOf({ headed, links })).toEqual([expect.stringMatching(/^links\.mdx:9:\d+: link \/papers\/headed\/#dont-stop----ablations: paper "headed" has no/)]);
  });

  it("knows a heading anchor with a footnote's number in it, as rehype-heading-ids makes it", async () => {
    const headed = `${frontmatter()}\nIntro with a note[^a].\n\n## Results[^b]\n\n## Method[^a]\n\n[^a]: First.\n[^b]: Second.\n`;
    const links = `${frontmatter()}\n[a](/papers/headed/#results2) [b](/papers/headed/#method1) [c](/papers/headed/#results)\n`;
    expect(await problemsOf({ headed, links })).toEqual([expect.stringMatching(/^links\.mdx:9:\d+: link \/papers\/headed\/#results: paper "headed" has no/)]);
    const { papersDir } = writePapers({ headed });
    const html = paperHtml((await checkContent(papersDir, "/", { render: true })).rendered.get("headed")!);
    // The footnotes' own heading (shown since e798ae2) comes after the note's.
    expect([...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1])).toEqual(["results2", "method1", "footnote-label"]);
  });

  it("names a heading's anchor to a link that slugs its formula's TeX, as GitHub does (and this site did)", async () => {
    const headed = `${frontmatter()}\n## Why $\\mathcal{L}_{\\text{DPO}}$ works\n\n## Why $\\mathcal{L}_{\\text{DPO}}$ works\n\nSee [it](#why-mathcall_textdpo-works-1).\n`;
    const links = `${frontmatter()}\n[a](/papers/headed/#why-mathcall_textdpo-works) [b](/papers/headed/#why-ldpo-works)\n`;
    expect(await problemsOf({ headed, links })).toEqual([
      "headed.mdx:13:5: link #why-mathcall_textdpo-works-1: no heading or equation on this page has that anchor; did you mean why-ldpo-works-1? (a formula in a heading is slugged as the text it shows, not its TeX)",
      "links.mdx:9:1: link /papers/headed/#why-mathcall_textdpo-works: paper \"headed\" has no equation or heading with the anchor #why-mathcall_textdpo-works; did you mean why-ldpo-works? (a formula in a heading is slugged as the text it shows, not its TeX)",
    ]);
  });

  it("names the file of a paper that an \\eqref cites, .md or missing, as it is", async () => {
    const wip = `${frontmatter({ draft: "true" })}\n$$\nx \\label{eq:x}\n$$\n`;
    const citing = `${frontmatter()}\nSee $\\eqref{wip/eq:x}$ and $\\eqref{gone/eq:x}$.\n`;
    expect(await problemsOf({ "wip.md": wip, citing })).toEqual([
      expect.stringMatching(/^citing\.mdx:9:5: \\eqref\{wip\/eq:x\}: paper "wip" \(\S*wip\.md\) is a draft, which is not published$/),
      expect.stringMatching(/^citing\.mdx:9:\d+: \\eqref\{gone\/eq:x\}: there is no paper "gone" \(no \S*gone\.mdx or \.md\)$/),
    ]);
  });

  it("reads a cross-paper anchor as the browser's address bar gives it, percent-encoded", async () => {
    const chinese = `${frontmatter()}\n## 方法\n\nText.\n`;
    const links = `${frontmatter()}\n[a](/papers/zh/#%E6%96%B9%E6%B3%95) [b](/papers/zh/#方法) [c](/papers/zh/#%E7%BB%93)\n`;
    expect(await problemsOf({ zh: chinese, links })).toEqual([
      expect.stringMatching(/^links\.mdx:9:\d+: link \/papers\/zh\/#%E7%BB%93: paper "zh" has no equation or heading with the anchor #结$/),
    ]);
  });

  it("reports relative links, which would lead elsewhere than meant, and links to drafts; leaves full addresses and mail alone", async () => {
    const draft = `${frontmatter({ draft: "true" })}
Work in progress.
`;
    const body = `${frontmatter()}
[a](papers/main/) [b](../main/) [c](https://arxiv.org/abs/2306.00637) [d](mailto:a@b.c) [e](/papers/wip/) [f](#method)

## Method
`;
    const problems = await problemsOf({ main: twoEquations, wip: draft, rel: body });
    expect(problems).toEqual([
      expect.stringMatching(/^rel\.mdx:9:1: link papers\/main\/: a relative link; link to a paper as \/papers\/<slug>\//),
      expect.stringMatching(/^rel\.mdx:9:\d+: link \.\.\/main\/: a relative link/),
      expect.stringMatching(/^rel\.mdx:9:\d+: link \/papers\/wip\/: paper "wip" is a draft, which is not published/),
    ]);
  });

  it("says when the frontmatter is never closed, rather than calling its keys missing", async () => {
    const unclosed = frontmatter().replace(/---\n$/, "") + "\nBody text.\n";
    expect(await problemsOf({ open: unclosed })).toEqual([expect.stringMatching(/^open\.mdx:1:1: the frontmatter has no closing --- line/)]);
  });

  it("checks arXiv ids by their era, and says to quote one that YAML read as a number", async () => {
    // YAML reads 2006.11230 as the number 2006.1123: the fix quotes the id as written.
    const problems = await problemsOf({ short: frontmatter({ arxiv: '"1706.3762"' }) + "\nText.\n", bare: frontmatter({ arxiv: "1706.03762" }) + "\nText.\n", zero: frontmatter({ arxiv: "2006.11230  # DDPM" }) + "\nText.\n", ok: frontmatter({ arxiv: '"1412.6980v9"' }) + "\nText.\n", next: frontmatter({ arxiv: "\n  2006.11230" }) + "\nText.\n" });
    expect(problems).toEqual([
      expect.stringMatching(/^bare\.mdx:7:1: frontmatter key "arxiv": put the value in quotes, as arxiv: "1706.03762"/),
      // The value alone on the line after its key, as YAML allows.
      expect.stringMatching(/^next\.mdx:7:1: frontmatter key "arxiv": put the value in quotes, as arxiv: "2006\.11230"$/),
      expect.stringMatching(/^short\.mdx:7:1: frontmatter key "arxiv": must be a new-style arXiv id/),
      expect.stringMatching(/^zero\.mdx:7:1: frontmatter key "arxiv": put the value in quotes, as arxiv: "2006\.11230"$/),
    ]);
  });

  it("gives the arXiv id itself when it was written with its arXiv: prefix or as its page's address", async () => {
    const cited = (arxiv: string) => frontmatter({ arxiv }) + "\nText.\n";
    const problems = await problemsOf({ prefix: cited('"arXiv:2006.11239"'), abs: cited("https://arxiv.org/abs/2006.11239"), pdf: cited('"https://arxiv.org/pdf/2006.11239v2.pdf"'), other: cited('"arXiv:cs/0112017"') });
    expect(problems).toEqual([
      'abs.mdx:7:1: frontmatter key "arxiv": must be a new-style arXiv id such as 2306.00637: write "2006.11239"',
      // An old-style id is no id the site takes: nothing to write instead.
      'other.mdx:7:1: frontmatter key "arxiv": must be a new-style arXiv id such as 2306.00637',
      'pdf.mdx:7:1: frontmatter key "arxiv": must be a new-style arXiv id such as 2306.00637: write "2006.11239v2"',
      'prefix.mdx:7:1: frontmatter key "arxiv": must be a new-style arXiv id such as 2306.00637: write "2006.11239"',
    ]);
  });

  it("shows a list key written as one value as a list, from the writer's own value", async () => {
    const note = `${frontmatter({ authors: "Edward J. Hu, Yelong Shen", tags: "llm" })}\nText.\n`;
    expect(await problemsOf({ lora: note })).toEqual([
      'lora.mdx:3:1: frontmatter key "authors" is a list: write authors: ["Edward J. Hu", "Yelong Shen"]',
      'lora.mdx:7:1: frontmatter key "tags" is a list: write tags: ["llm"]',
    ]);
    // One author written last name first is one author.
    expect(await problemsOf({ attention: `${frontmatter({ authors: '"Vaswani, Ashish"', tags: "llm, attention" })}\nText.\n` })).toEqual([
      'attention.mdx:3:1: frontmatter key "authors" is a list: write authors: ["Vaswani, Ashish"]',
      'attention.mdx:7:1: frontmatter key "tags" is a list: write tags: ["llm", "attention"]',
    ]);
  });

  it("says which key is empty, and which slug a tag or a file name most likely meant", async () => {
    const body = frontmatter({ summary: '""', authors: "[]", tags: '["Machine Learning", "RLHF", "ok"]' }) + "\nText.\n";
    const listed = frontmatter({ authors: '["A", " "]' }) + "\nText.\n";
    expect(await problemsOf({ meta: body, listed, My_Paper: frontmatter() + "\nText.\n" })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^meta\.mdx:\d+:1: frontmatter key "summary" is empty$/),
        expect.stringMatching(/^meta\.mdx:\d+:1: frontmatter key "authors" is empty: list at least one, as authors: \["…"\]$/),
        expect.stringMatching(/^meta\.mdx:\d+:1: frontmatter key "tags": "Machine Learning" must be lowercase ASCII .*; write "machine-learning"$/),
        expect.stringMatching(/^meta\.mdx:\d+:1: frontmatter key "tags": "RLHF" must be lowercase ASCII .*; write "rlhf"$/),
        expect.stringMatching(/^listed\.mdx:\d+:1: frontmatter key "authors" lists an empty item$/),
        expect.stringMatching(/^My_Paper\.mdx:1:1: file name "My_Paper" is not a slug: use lowercase ASCII letters \(a-z\), digits and -, as my-paper\.mdx$/),
      ]),
    );
  });

  it("says once that a file has no frontmatter, and names a key given twice, with the frontmatter's other problems", async () => {
    const twice = `---\ntitle: "A"\nauthors: ["A"]\ndate: 2024-03-15\nlang: en\nlang: zh\nsummary: "S."\ncolour: red\ntags:\n  - x\ntags:\n  - y\n---\n\nText.\n`;
    expect(await problemsOf({ bare: "Just text.\n", twice })).toEqual([
      "bare.mdx:1:1: the file has no frontmatter; start it with a --- block (see CONTENT-FORMAT.md)",
      expect.stringMatching(/^twice\.mdx:6:1: the frontmatter is not valid YAML: duplicated mapping key.*: "lang" is given twice; keep one$/),
      'twice.mdx:8:1: unknown frontmatter key "colour"',
      expect.stringMatching(/^twice\.mdx:11:1: the frontmatter is not valid YAML: duplicated mapping key.*: "tags" is given twice; keep one$/),
    ]);
  });

  it("names the file and key of every frontmatter problem", async () => {
    const body = frontmatter({ title: "", date: "2024-13-45", lang: "fr", arxiv: '"12345"', colour: "red" }) + "\nText.\n";
    const problems = await problemsOf({ meta: body });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^meta\.mdx:1:1: frontmatter key "title" is missing/),
        // title is left out entirely, so date is on line 3
        expect.stringMatching(/^meta\.mdx:3:1: frontmatter key "date": 2024-13-45 is not a calendar date/),
        expect.stringMatching(/^meta\.mdx:4:1: frontmatter key "lang": must be en or zh/),
        expect.stringMatching(/^meta\.mdx:6:1: frontmatter key "arxiv": must be a new-style arXiv id/),
        expect.stringMatching(/^meta\.mdx:7:1: unknown frontmatter key "colour"/),
      ]),
    );
  });

  it("reads the date only in the frontmatter, not on a line of the note that starts with date:", async () => {
    const problems = await problemsOf({ undated: `${frontmatter({ date: "" })}\nThe log said\n\ndate: 2024-13-45\n` });
    expect(problems).toEqual([expect.stringMatching(/^undated\.mdx:1:1: frontmatter key "date" is missing/)]);
  });

  it("says that an \\eqref of a paper's slug alone names a paper, not an equation, with its labels (the first 8 of more)", async () => {
    const designedit = `${frontmatter()}\n$$\na \\label{eq:edit}\n$$\n\n$$\nb \\label{eq:loss}\n$$\n`;
    const many = `${frontmatter()}\n$$\n\\begin{align}\n${Array.from({ length: 10 }, (_, i) => `x_${i + 1} \\label{eq:x${i + 1}}`).join(" \\\\\n")}\n\\end{align}\n$$\n`;
    const none = `${frontmatter()}\nText.\n`;
    const citing = `${frontmatter()}\nSee $\\eqref{designedit}$, $\\ref{many}$ and $\\eqref{none}$.\n`;
    expect(await problemsOf({ designedit, many, none, citing })).toEqual([
      'citing.mdx:9:5: \\eqref{designedit}: "designedit" names a paper, not an equation; write \\eqref{designedit/eq:…}; its labels are eq:edit, eq:loss',
      'citing.mdx:9:27: \\ref{many}: "many" names a paper, not an equation; write \\ref{many/eq:…}; its labels are eq:x1, eq:x2, eq:x3, eq:x4, eq:x5, eq:x6, eq:x7, eq:x8, and 2 more',
      'citing.mdx:9:44: \\eqref{none}: "none" names a paper, not an equation; write \\eqref{none/eq:…}',
    ]);
  });

  it("suggests the name most likely meant: a renamed label or paper, a mistyped anchor or key", async () => {
    const cited = `${frontmatter()}\n## Results\n\n$$\nL \\label{eq:noise-objective}\n$$\n`;
    const citing = `${frontmatter({ authr: '"x"' })}\n$$\ny \\label{eq:local-loss}\n$$\n\nSee $\\eqref{eq:local-los}$, $\\eqref{cited/eq:noise-obj}$, $\\eqref{citd/eq:noise-objective}$, [a](/papers/cited/#reslts) and [b](#eq-local).\n`;
    const problems = await problemsOf({ cited, citing });
    expect(problems).toEqual([
      expect.stringMatching(/unknown frontmatter key "authr"; did you mean authors\?$/),
      expect.stringMatching(/\\eqref\{eq:local-los\}: no equation on this page has \\label\{eq:local-los\}; did you mean eq:local-loss\?$/),
      expect.stringMatching(/\\eqref\{cited\/eq:noise-obj\}: paper "cited" has no equation with \\label\{eq:noise-obj\}; did you mean eq:noise-objective\?$/),
      expect.stringMatching(/\\eqref\{citd\/eq:noise-objective\}: there is no paper "citd" .*; did you mean cited\?$/),
      expect.stringMatching(/link \/papers\/cited\/#reslts: paper "cited" has no equation or heading with the anchor #reslts; did you mean results\?$/),
      expect.stringMatching(/link #eq-local: no equation on this page has that anchor; did you mean eq-local-loss\?$/),
    ]);
    // Nothing close (a label renamed beyond a typo): no guess, but the labels the paper has.
    expect(await problemsOf({ cited, far: `${frontmatter()}\nSee $\\eqref{cited/eq:zzz}$.\n` })).toEqual([expect.stringMatching(/has no equation with \\label\{eq:zzz\}; its labels are eq:noise-objective$/)]);
  });

  it("suggests en for lang: EN, which differs only in case", async () => {
    expect(await problemsOf({ upper: `${frontmatter({ lang: "EN" })}\nText.\n` })).toEqual(['upper.mdx:5:1: frontmatter key "lang": must be en or zh; did you mean en?']);
  });

  it("suggests zh for lang: cn, and a labelled equation's anchor for a link to it by number", async () => {
    const cited = `${frontmatter()}\n$$\na \\label{eq:first}\n$$\n\n$$\nb\n$$\n\n$$\nc \\label{eq:third}\n$$\n`;
    const citing = `${frontmatter({ lang: "cn" })}\n$$\nx \\label{eq:mine}\n$$\n\n[a](/papers/cited/#eq-3), [b](/papers/cited/#eq-2), [c](#eq-1) and [d](/papers/cited/#eq-9).\n\n[e](#eq-7)\n`;
    const says = "by its label's anchor, which stays when equations are added above it";
    expect(await problemsOf({ cited, citing })).toEqual([
      'citing.mdx:5:1: frontmatter key "lang": must be en or zh; did you mean zh?',
      `citing.mdx:13:1: link /papers/cited/#eq-3: paper "cited" has no equation or heading with the anchor #eq-3; did you mean eq-third? (equation (3), ${says})`,
      `citing.mdx:13:53: link #eq-1: no equation on this page has that anchor; did you mean eq-mine? (equation (1), ${says})`,
      // No equation (9): no guess, as eq-2, one letter away, is another equation.
      'citing.mdx:13:68: link /papers/cited/#eq-9: paper "cited" has no equation or heading with the anchor #eq-9; no equation there is numbered (9)',
      "citing.mdx:15:1: link #eq-7: no equation on this page has that anchor; no equation on this page is numbered (7)",
    ]);
  });

  it("warns that $…$ in a title or summary shows as written, as both are plain text", async () => {
    const { papersDir } = writePapers({ sum: frontmatter({ summary: '"Attention in $O(n^2)$ time, at $5 a run."' }) + "\nText.\n", price: frontmatter({ summary: '"Costs $5 or $10."' }) + "\nText.\n" });
    const check = await checkContent(papersDir, "/", { render: true });
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatProblem)).toEqual([expect.stringMatching(/sum\.mdx:6:1: frontmatter key "summary" is plain text wherever it shows .* write the formula in words or in Unicode/)]);
  });

  it("names TeX that YAML read as an escape in double quotes (\\theta a tab, \\beta a backspace), not in single quotes or a block", async () => {
    const problems = await problemsOf({
      tab: frontmatter({ summary: '"Optimizes \\theta directly."' }) + "\nText.\n",
      names: frontmatter({ authors: '["Ada Lovelace", "B\\beta Tester"]' }) + "\nText.\n",
      single: frontmatter({ summary: "'Optimizes \\theta directly.'" }) + "\nText.\n",
      block: frontmatter({ summary: "|\n  Two lines,\n  as written." }) + "\nText.\n",
    });
    expect(problems).toEqual([
      'names.mdx:3:1: frontmatter key "authors": in double quotes, YAML reads \\b as an escape, so "\\beta" is not what shows; write \\\\beta (a backslash doubled), or put the value in single quotes',
      'tab.mdx:6:1: frontmatter key "summary": in double quotes, YAML reads \\t as an escape, so "\\theta" is not what shows; write \\\\theta (a backslash doubled), or put the value in single quotes',
    ]);
    // \P, \L, \N and \_ are escapes too, each named; \sigma is none, and YAML fails: how to write TeX there.
    expect(await problemsOf({ greek: frontmatter({ title: '"The \\Phi and \\beta functions"' }) + "\nText.\n", sigma: frontmatter({ title: '"On \\sigma"' }) + "\nText.\n" })).toEqual([
      'greek.mdx:2:1: frontmatter key "title": in double quotes, YAML reads \\P, \\b as an escape, so "\\Phi", "\\beta" are not what shows; write \\\\Phi, \\\\beta (a backslash doubled), or put the value in single quotes',
      expect.stringMatching(/^sigma\.mdx:2:\d+: the frontmatter is not valid YAML: unknown escape sequence.*; in double quotes a backslash starts an escape: for TeX, double it \(\\\\sigma\) or put the value in single quotes$/),
    ]);
  });

  it("prints at most 10 warnings of a note, then how many more it has: a habit repeated on every line does not scroll all else away", () => {
    const at = (file: string, line: number) => ({ file, line, column: 1, reason: `\\(x\\) shows as written (${line})` });
    const lines = warningLines([...Array.from({ length: 60 }, (_, i) => at("flood.mdx", i + 1)), at("other.mdx", 3)]);
    expect(lines).toHaveLength(12);
    expect(lines.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `flood.mdx:${i + 1}:1: \\(x\\) shows as written (${i + 1})`));
    expect(lines.slice(10)).toEqual(["flood.mdx: 50 more warnings (npm run check lists them all)", "other.mdx:3:1: \\(x\\) shows as written (3)"]);
    expect(warningLines([at("a.mdx", 1)])).toEqual(["a.mdx:1:1: \\(x\\) shows as written (1)"]);
  });

  it("warns, at its place, that \\(…\\), \\[…\\] and ＄…＄ show as written, not as math", async () => {
    const { papersDir } = writePapers({ delims: `${frontmatter()}\nSo \\(x^2\\) and ＄y_1＄.\n\n\\[\nE = mc^2\n\\]\n` });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    const says = "shows as written, not as math: math is written between $ signs ($…$), or as a display between $$ lines of their own";
    expect(check.warnings.map(formatShort)).toEqual([`delims.mdx:9:4: \\(x^2\\) ${says}`, `delims.mdx:9:16: ＄y_1＄ ${says.replace(": math", " (＄ is the full-width dollar sign, U+FF04, as a Chinese input method types it; math takes the ASCII $): math")}`, `delims.mdx:11:1: \\[ E = mc^2 \\] ${says}`]);
  });

  it("tells a misspelt key once, as the key it means, and never suggests a note's own page for a link to another", async () => {
    const problems = await problemsOf({
      author: frontmatter({ authors: "", author: '["Ada Lovelace"]' }) + "\nText.\n",
      ddpm: frontmatter() + "\nSee [DDIM](/papers/ddim/) and $\\eqref{ddim/eq:x}$.\n",
    });
    expect(problems).toEqual([
      'author.mdx:6:1: unknown frontmatter key "author"; did you mean authors?',
      expect.stringMatching(/^ddpm\.mdx:9:\d+: link \/papers\/ddim\/: there is no paper "ddim" \(no \S*ddim\.mdx or \.md\)$/),
      expect.stringMatching(/^ddpm\.mdx:9:\d+: \\eqref\{ddim\/eq:x\}: there is no paper "ddim" \(no \S*ddim\.mdx or \.md\)$/),
    ]);
  });

  it("names a paper by its short: in references to it and in the index, instead of its title's words", async () => {
    const dpo = `${frontmatter({ title: '"Direct Preference Optimization Your Language Model is Secretly a Reward Model"', short: '"  DPO "' })}\n$$\nL \\label{eq:dpo-loss}\n$$\n`;
    const citing = `${frontmatter()}\nSee $\\eqref{dpo/eq:dpo-loss}$ and $x = \\eqref{dpo/eq:dpo-loss}$.\n`;
    const check = await checkContent(writePapers({ dpo, citing }).papersDir, "/", { render: true });
    expect(check.problems).toEqual([]);
    expect(check.index.get("dpo")!.shortTitle).toBe("DPO");
    const html = paperHtml(check.rendered.get("citing")!);
    expect(html).toContain('data-tex="\\eqref{dpo/eq:dpo-loss}">DPO\u00a0(1)</a>');
    // Inside a formula too, as KaTeX's text.
    expect(html).toMatch(/<mtext href="\/papers\/dpo\/#eq-dpo-loss">DPO\u00a0\(1\)<\/mtext>/);
    // Its preview, which has room, gives the whole title.
    expect(html).toContain('data-paper="Direct Preference Optimization Your Language Model is Secretly a Reward Model"');
  });

  it("checks short as the other keys: a string, not empty, not long, plain text, with its line; and suggests it for a typo", async () => {
    const note = (fields: Record<string, string>) => `${frontmatter(fields)}\nText.\n`;
    expect(
      await problemsOf({
        empty: note({ short: '"  "' }),
        long: note({ short: `"${"Direct Preference Optimization Your Language Model"}"` }),
        listed: note({ short: '["DPO"]' }),
        number: note({ short: "42" }),
        typo: note({ shrot: '"DPO"' }),
        camel: note({ shortTitle: '"DPO"' }),
      }),
    ).toEqual([
      'camel.mdx:7:1: unknown frontmatter key "shortTitle"; did you mean short?',
      'empty.mdx:7:1: frontmatter key "short" is empty',
      'listed.mdx:7:1: frontmatter key "short": Invalid input: expected string, received array',
      'long.mdx:7:1: frontmatter key "short": must be at most 48 characters (it has 50): it names the paper briefly, as "DPO" in "DPO (3)"',
      'number.mdx:7:1: frontmatter key "short": put the value in quotes, as short: "42"',
      'typo.mdx:7:1: unknown frontmatter key "shrot"; did you mean short?',
    ]);
    const { papersDir } = writePapers({ math: note({ short: "'$\\beta$-DPO'" }) });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatShort)).toEqual([expect.stringMatching(/^math\.mdx:7:1: frontmatter key "short" is plain text wherever it shows/)]);
  });

  it("says a missing lang is missing, as for the other keys", async () => {
    expect(await problemsOf({ nolang: frontmatter({ lang: "" }) + "\nText.\n" })).toEqual([expect.stringMatching(/^nolang\.mdx:1:1: frontmatter key "lang" is missing: add a line such as lang: en \(or zh\)$/)]);
  });

  it("reports a KaTeX problem on one line, and a \\label in inline math as such", async () => {
    const body = `${frontmatter()}\n$$\n\\begin{aligned}\na &= \\tims b\n\\end{aligned}\n$$\n\nInline $x \\label{eq:inline}$ here.\n`;
    const problems = await problemsOf({ tex: body });
    expect(problems).toEqual([
      expect.stringMatching(/^tex\.mdx:11:\d+: KaTeX cannot render \$\\begin\{aligned\} a &= \\tims b \\end\{aligned\}\$: Undefined control sequence: \\tims/),
      expect.stringMatching(/^tex\.mdx:15:8: KaTeX cannot render \$x \\label\{eq:inline\}\$: \\label names display equations only: put the formula between \$\$ lines of its own/),
    ]);
    expect(problems.every((problem) => !problem.includes("\n"))).toBe(true);
  });

  it("reports MDX syntax errors, empty files, non-UTF-8 files and slug clashes", async () => {
    const problems = await problemsOf({
      jsx: `${frontmatter()}\nAn unclosed <Note tag.\n`,
      empty: "",
      latin: new Uint8Array([0x74, 0xe9, 0xff, 0x0a]),
      "Twin.mdx": `${frontmatter()}\nA.\n`,
      twin: `${frontmatter()}\nB.\n`,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^jsx\.mdx:9:\d+: MDX syntax error/),
        expect.stringMatching(/^empty\.mdx:1:1: the file is empty/),
        expect.stringMatching(/^latin\.mdx:1:1: the file is not UTF-8/),
        expect.stringMatching(/two files have the slug "twin"/),
      ]),
    );
  });

  it("reports names that an MDX note's braces and components never define, but not in a .md note, where they are text", async () => {
    const prose = "The set {x | x > 0} and <Aside>a note</Aside>.\n";
    const problems = await problemsOf({ "note.mdx": `${frontmatter()}\n${prose}`, "plain.md": `${frontmatter()}\n${prose}` });
    expect(problems).toEqual([expect.stringMatching(/^note\.mdx:9:9: \{x \| x > 0\}: "x" is not defined/), expect.stringMatching(/^note\.mdx:9:25: <Aside>: the component Aside is not imported/)]);
  });

  it("warns at braces in MDX prose that use no name, whose JavaScript the page shows instead of them, but not at a comment or a {\" \"}", async () => {
    const prose = `Sets like {1, 2} are common, and {"a"} or {x => 1}, {/* a comment */} and{" "}a space.\n`;
    const { papersDir } = writePapers({ "note.mdx": `${frontmatter()}\n${prose}`, "plain.md": `${frontmatter()}\n${prose}` });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatShort)).toEqual([
      expect.stringMatching(/^note\.mdx:9:11: \{1, 2\}: in MDX, braces in prose hold JavaScript, so the page shows what it gives, not these characters; /),
      expect.stringMatching(/^note\.mdx:9:34: \{"a"\}: in MDX/),
      expect.stringMatching(/^note\.mdx:9:43: \{x => 1\}: in MDX/),
    ]);
  });

  it("after an MDX syntax error, still lists the note's frontmatter, TeX, label and link problems, read as Markdown", async () => {
    const body = `${frontmatter({ lang: "cn" })}\nA stray { here.\n\n$$\na \\label{eq:a}\n$$\n\n$$\n\\frac{b\n$$\n\nSee $\\eqref{eq:b}$ and [it](/papers/ghost/).\n`;
    expect(await problemsOf({ note: body })).toEqual([
      'note.mdx:5:1: frontmatter key "lang": must be en or zh; did you mean zh?',
      "note.mdx:9:16: MDX syntax error: Unexpected end of file in expression, expected a corresponding closing brace for `{`; until it is fixed, the rest of the note is checked as plain Markdown",
      "note.mdx:16:6: KaTeX cannot render $\\frac{b$: Unexpected end of input in a macro argument, expected '}'; the { before \"b\" is never closed; add its }",
      "note.mdx:19:5: \\eqref{eq:b}: no equation on this page has \\label{eq:b}; did you mean eq:a?",
      expect.stringMatching(/^note\.mdx:19:24: link \/papers\/ghost\/: there is no paper "ghost" \(no \S*ghost\.mdx or \.md\)$/),
    ]);
  });

  it("reads raw HTML in a .md note as HTML, which in an MDX note is a syntax error", async () => {
    const prose = "A line<br>break, <kbd>Ctrl</kbd> and a figure:\n\n<img src=\"/favicon.svg\" alt=\"x\">\n\n<details><summary>More</summary>\n\nHidden.\n\n</details>\n";
    const problems = await problemsOf({ "note.mdx": `${frontmatter()}\n${prose}`, "plain.md": `${frontmatter()}\n${prose}` });
    expect(problems).toEqual([expect.stringMatching(/^note\.mdx:9:7: MDX syntax error: Expected a closing tag for `<br>`.*In MDX every HTML tag is closed, as <br \/> or <br>…<\/br>; a \.md note takes HTML as written; until it is fixed, the rest of the note is checked as plain Markdown$/)]);
  });

  it("warns, in a .md note, that Markdown right after </summary> is raw HTML without a blank line", async () => {
    const { papersDir } = writePapers({ "plain.md": `${frontmatter()}\n<details>\n<summary>Proof</summary>\nBy **induction** on $n$.\n</details>\n\n<details><summary>Fine</summary>\n\nRead **this**.\n\n</details>\n` });
    const check = await checkContent(papersDir);
    expect(check.problems).toEqual([]);
    expect(check.warnings.map(formatShort)).toEqual([
      "plain.md:11:1: add a blank line after <summary>…</summary> so the Markdown inside is read; without one, the lines up to the next blank line are raw HTML, shown as typed and left out of search",
    ]);
  });

  it("stops at HTML the page would block: a script or an embed from another site, in a .md note or in MDX", async () => {
    const problems = await problemsOf({ "plain.md": `${frontmatter()}\n<iframe src="https://www.youtube.com/embed/xyz"></iframe>\n\nText.\n`, "note.mdx": `${frontmatter()}\nText.\n\n<script src="https://cdn.example.com/x.js" />\n` });
    expect(problems).toEqual([
      expect.stringMatching(/^note\.mdx:11:1: <script>: a script in a note never runs/),
      expect.stringMatching(/^plain\.md:9:1: <iframe src="https:\/\/www\.youtube\.com\/embed\/xyz">: pages load nothing from another site/),
    ]);
  });

  it("renders a .md note's raw HTML itself, checks its links and images, and gives them the base path", async () => {
    const note = `${frontmatter()}\n## Setup $a_{b}$\n\nA line<br>break, <a href="/papers/other/#eq-x">a link</a> and <img src="/favicon.svg" alt="icon">.\n\n<details><summary>More</summary>\n\nHidden.\n\n</details>\n\n<a href="/papers/nope/">gone</a> <img src='/figures/none.png'>\n`;
    const other = `${frontmatter()}\n$$\nx \\label{eq:x}\n$$\n`;
    const { papersDir } = writePapers({ "plain.md": note, other });
    const check = await checkContent(papersDir, "/notes/", { render: true });
    expect(check.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/plain\.md:19:1: link \/papers\/nope\/: there is no paper "nope" \(no \S*nope\.mdx or \.md\)$/),
      expect.stringMatching(/plain\.md:19:34: image \/figures\/none\.png: there is no file public\/figures\/none\.png$/),
    ]);
    const { papersDir: fixed } = writePapers({ "plain.md": note.replace(/\n<a href="\/papers\/nope\/.*\n$/, "\n"), other });
    const good = await checkContent(fixed, "/notes/", { render: true });
    expect(good.problems).toEqual([]);
    // Not left to Astro: the fast path renders it, HTML and all, with a table of contents that shows the heading's formula.
    expect(good.index.get("plain")!.mdx).toBe(false);
    const html = paperHtml(good.rendered.get("plain")!);
    expect(html).toContain('A line<br>break, <a href="/notes/papers/other/#eq-x">a link</a> and <img src="/notes/favicon.svg" width="32" height="32" alt="icon">.');
    expect(html).toContain("<details><summary>More</summary>");
    expect(good.rendered.get("plain")!.headings[0]!.html).toMatch(/^Setup <span class="katex">/);
  });

  it("passes over links and images in a .md note's HTML comments, and checks and rewrites an unquoted href as a quoted one", async () => {
    const note = `${frontmatter()}\n<!-- <a href="/papers/nope/">x</a> <img src="/figures/old.png"> -->\n\n<div>\n<a href=/papers/other/>other</a>\n<a href=/papers/nope/>gone</a>\n</div>\n`;
    const { papersDir } = writePapers({ "plain.md": note, other: `${frontmatter()}\nText.\n` });
    const check = await checkContent(papersDir, "/notes/", { render: true });
    expect(check.problems.map(formatProblem)).toEqual([expect.stringMatching(/plain\.md:13:4: link \/papers\/nope\/: there is no paper "nope" \(no \S*nope\.mdx or \.md\)$/)]);
    const { papersDir: fixed } = writePapers({ "plain.md": note.replace("<a href=/papers/nope/>gone</a>\n", ""), other: `${frontmatter()}\nText.\n` });
    const good = await checkContent(fixed, "/notes/", { render: true });
    expect(good.problems).toEqual([]);
    expect(paperHtml(good.rendered.get("plain")!)).toContain('<div>\n<a href="/notes/papers/other/">other</a>\n</div>');
  });

  it("checks an MDX note's <a href> and <img src> as it does Markdown links and images, and gives them the base path", async () => {
    const note = `${frontmatter()}\nSee <a href="/papers/other/#eq-x">it</a> and <img src="/favicon.svg" alt="icon" />.\n\n<a href="/papers/nope/">gone</a> and <img src="/figures/none.png" alt="" />\n`;
    const other = `${frontmatter()}\n$$\nx \\label{eq:x}\n$$\n`;
    const { papersDir } = writePapers({ note, other });
    const check = await checkContent(papersDir, "/notes/", { render: true });
    expect(check.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/note\.mdx:11:1: link \/papers\/nope\/: there is no paper "nope"/),
      expect.stringMatching(/note\.mdx:11:38: image \/figures\/none\.png: there is no file public\/figures\/none\.png$/),
    ]);
    const { papersDir: fixed } = writePapers({ note: note.replace(/\n<a href="\/papers\/nope\/.*\n$/, "\n"), other });
    const good = await checkContent(fixed, "/notes/", { render: true });
    expect(good.problems).toEqual([]);
    const tree = runMdxPipeline(fixed, "note", note.replace(/\n<a href="\/papers\/nope\/.*\n$/, "\n"), good.index, "/notes/");
    const urls: string[] = [];
    visit(tree, (node) => void (node as { attributes?: { name: string; value: unknown }[] }).attributes?.forEach((a) => (a.name === "href" || a.name === "src") && urls.push(String(a.value))));
    expect(urls).toEqual(["/notes/papers/other/#eq-x", "/notes/favicon.svg"]);
  });

  it("checks an MDX note's imports again on the next build, though the note is unchanged", async () => {
    const { contentDir, papersDir } = writePapers({ note: `${frontmatter()}\nimport Aside from "../Aside.astro"\n\n<Aside>a note</Aside>\n` });
    writeFileSync(join(contentDir, "Aside.astro"), "<aside><slot /></aside>\n");
    expect((await checkContent(papersDir, "/", { render: true, cache: true })).problems).toEqual([]);
    rmSync(join(contentDir, "Aside.astro"));
    const problems = (await checkContent(papersDir, "/", { render: true, cache: true })).problems.map(formatProblem);
    expect(problems).toEqual([expect.stringMatching(/note\.mdx:9:1: import "\.\.\/Aside\.astro": there is no such file/)]);
  });

  it("checks a cached note's link to a tag again when another paper drops the tag", async () => {
    const { papersDir } = writePapers({ tagged: `${frontmatter({ tags: '["diffusion"]' })}\nText.\n`, links: `${frontmatter()}\nSee [the tag](/tags/diffusion/).\n` });
    expect((await checkContent(papersDir, "/", { render: true, cache: true })).problems).toEqual([]);
    writeFileSync(join(papersDir, "tagged.mdx"), `${frontmatter({ tags: '["vision"]' })}\nText.\n`);
    const problems = (await checkContent(papersDir, "/", { render: true, cache: true })).problems.map(formatProblem);
    expect(problems).toEqual([expect.stringMatching(/links\.mdx:9:5: link \/tags\/diffusion\/: no published paper has the tag "diffusion"/)]);
  });

  it("says what was likely meant when TeX or a comparison in prose breaks MDX's syntax", async () => {
    const problems = await problemsOf({ tex: `${frontmatter()}\nBy \\eqref{eq:sdpa} in prose.\n`, braces: `${frontmatter()}\nThe dict {"a": 1} here.\n`, less: `${frontmatter()}\nLength n<512 tokens.\n`, env: `${frontmatter()}\n\\begin{equation}\nx = 1\n\\end{equation}\n`, stray: `${frontmatter()}\n$$\n\\begin{aligned} a \\end{aligned}\n$$\n\nLater a stray \\end{aligned} here.\n`, starred: `${frontmatter()}\n\\begin{align*}\nx &= 1\n\\end{align*}\n` });
    expect(problems).toEqual([
      expect.stringMatching(/^braces\.mdx:9:\d+: MDX syntax error: .*\. In MDX, braces in prose hold JavaScript/),
      // Told once, at its \begin.
      "env.mdx:9:7: {equation}: \"equation\" is not defined. TeX belongs in math: put the environment between $$ lines of their own ($$, then \\begin{…}…\\end{…}, then $$)",
      expect.stringMatching(/^less\.mdx:9:10: MDX syntax error: .*\. In MDX, < in prose starts a tag; write \\< /),
      expect.stringMatching(/^starred\.mdx:9:\d+: MDX syntax error: .*\. TeX belongs in math: put the environment between \$\$ lines of their own/),
      // A stray \end, whose \begin was in math: still told.
      expect.stringMatching(/^stray\.mdx:13:\d+: \{aligned\}: "aligned" is not defined/),
      expect.stringMatching(/^tex\.mdx:9:\d+: MDX syntax error: .*\. TeX belongs in math: put it between \$ signs, as \$\\eqref\{eq:name\}\$/),
    ]);
  });

  it("tells of a starred environment in MDX prose once, as the syntax error, and of a later one as a warning", async () => {
    const { papersDir } = writePapers({ starred: `${frontmatter()}\n\\begin{align*}\nx &= 1\n\\end{align*}\n\nLater \\begin{gather*} y \\end{gather*} too.\n` });
    const result = await checkContent(papersDir);
    expect(result.problems.map((p) => `${p.line}: ${p.reason}`)).toEqual([expect.stringMatching(/^9: MDX syntax error: .*TeX belongs in math: put the environment between/)]);
    expect(result.warnings.map((p) => `${p.line}: ${p.reason}`)).toEqual([expect.stringMatching(/^13: \\begin\{gather\*\} outside math shows as written/)]);
  });

  it("names a bad tag by its value, a tag listed twice, a draft flag that is not true or false, and a link to /papers/ itself", async () => {
    const problems = await problemsOf({
      tags: `${frontmatter({ tags: '["Transformers", "注意力", "nlp", "nlp"]' })}\nText.\n`,
      flag: `${frontmatter({ draft: "yes" })}\nText.\n`,
      list: `${frontmatter()}\nAll [papers](/papers/).\n`,
    });
    expect(problems).toEqual([
      expect.stringMatching(/^flag\.mdx:7:1: frontmatter key "draft": write true or false$/),
      expect.stringMatching(/^list\.mdx:9:5: link \/papers\/: name a paper, as \/papers\/<slug>\/; the list of papers is the home page, \/$/),
      "tags.mdx:7:1: frontmatter key \"tags\": \"Transformers\" must be lowercase ASCII letters (a-z), digits and -, as a tag is part of its page's address; write \"transformers\"",
      // No ASCII slug to suggest.
      "tags.mdx:7:1: frontmatter key \"tags\": \"注意力\" must be lowercase ASCII letters (a-z), digits and -, as a tag is part of its page's address",
      expect.stringMatching(/^tags\.mdx:7:1: frontmatter key "tags": lists the tag "nlp" twice; keep one$/),
    ]);
  });

  it("says how to quote a title that holds a colon or quotes, and the quoted title passes", async () => {
    const titled = (title: string) => `---\ntitle: ${title}\nauthors: ["A"]\ndate: 2024-03-15\nlang: en\nsummary: "S."\n---\nText.\n`;
    const problems = await problemsOf({ quotes: titled('"Attention: "Is" All"'), colon: titled("Attention: Is All"), fixed: titled(`'Attention: "Is" All'`) });
    const hint = `the frontmatter is not valid YAML: bad indentation of a mapping entry; a value that holds ": " or quotes needs quotes around all of it, as title: '…'`;
    expect(problems).toEqual([expect.stringContaining(`colon.mdx:2:17: ${hint}`), expect.stringContaining(`quotes.mdx:2:21: ${hint}`)]);
  });

  it("places an unclosed quote at its own line, not at the key where YAML gave up", async () => {
    const fm = (title: string, rest = "") => `---\ntitle: ${title}\nauthors: ["A"]\ndate: 2024-03-15\nlang: en\nsummary: "S."\n${rest}---\nText.\n`;
    const problems = await problemsOf({
      double: fm('"Attention Is All'),
      single: fm("'It''s All"),
      // A quoted value may span lines: a later mistake is still placed where YAML found it.
      spanning: `---\ntitle: "A title\n  over two lines"\nauthors: ["A"\ndate: 2024-03-15\nlang: en\nsummary: "S."\n---\nText.\n`,
    });
    expect(problems).toEqual([
      expect.stringMatching(/^double\.mdx:2:8: frontmatter key "title": its value opens a " quote that is not closed on its line; end the value with "$/),
      expect.stringMatching(/^single\.mdx:2:8: frontmatter key "title": its value opens a ' quote that is not closed on its line; end the value with '$/),
      expect.stringMatching(/^spanning\.mdx:\d+:\d+: the frontmatter is not valid YAML/),
    ]);
  });

  it("checks the body of a note whose frontmatter cannot be read, and lists its problems with the frontmatter's", async () => {
    const broken = `---\ntitle: "Attention Is All\nauthors: ["A"]\ndate: 2024-03-15\nlang: en\nsummary: "S."\n---\n\n## Method\n\n$$\na \\label{eq:a}\n$$\n\n$$\nb \\label{eq:a}\n$$\n\nSee $\\eqref{eq:nope}$, [the method](#method), [it](/papers/broken/#eq-a) and $\\frac{x$.\n`;
    // Another paper's references to it are not checked: they cannot be, without its frontmatter.
    const citing = `${frontmatter()}\nSee $\\eqref{broken/eq:zz}$ and [it](/papers/broken/#eq-zz).\n`;
    const { papersDir } = writePapers({ broken, citing });
    for (const workers of [1, 2]) {
      const problems = (await checkContentInParallel(papersDir, "/", { workers })).problems.map(formatShort);
      expect(problems, `${workers} worker(s)`).toEqual([
        'broken.mdx:2:8: frontmatter key "title": its value opens a " quote that is not closed on its line; end the value with "',
        "broken.mdx:16:10: two equations on this page have the anchor #eq-a (label eq:a); the first is on line 12",
        "broken.mdx:19:5: \\eqref{eq:nope}: no equation on this page has \\label{eq:nope}; its labels are eq:a",
        "broken.mdx:19:78: KaTeX cannot render $\\frac{x$: Unexpected end of input in a macro argument, expected '}'; the { before \"x\" is never closed; add its }",
      ]);
    }
   }, 20_000); // two worker processes, each loading the pipeline

  it("refuses a date that is not written as 2024-03-15, rather than guessing it", async () => {
    const dated = (date: string) => `${frontmatter({ date })}\nText.\n`;
    const problems = await problemsOf({ empty: dated(" "), year: dated("2025"), slashes: dated("10/01/2025"), words: dated('"January 10, 2025"'), quoted: dated('"2024-03-15"'), plain: dated("2024-03-15") });
    expect(problems).toEqual(["empty", "slashes", "words", "year"].map((name) => expect.stringMatching(new RegExp(`^${name}\\.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15`))));
  });

  it("writes a date with a one-digit month or day, or year first with / or . between, as it should be, and keeps the plain message for what is no date", async () => {
    const dated = (date: string) => `${frontmatter({ date })}\nText.\n`;
    const problems = await problemsOf({ both: dated("2024-3-5"), day: dated("2024-03-5"), quoted: dated('"2024-3-5"'), nosuchday: dated("2024-2-30"), words: dated('"March 2024"'), slashes: dated("2024/3/5"), dots: dated("2024.03.05"), mixed: dated("2024/03-05") });
    expect(problems).toEqual([
      'both.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15: write 2024-03-05',
      'day.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15: write 2024-03-05',
      'dots.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15: write 2024-03-05',
      'mixed.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15',
      'nosuchday.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15',
      'quoted.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15: write 2024-03-05',
      'slashes.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15: write 2024-03-05',
      'words.mdx:4:1: frontmatter key "date": must be a date such as 2024-03-15',
    ]);
  });

  it("says nothing more of links to a paper whose own file cannot be read, and checks them again once it can", async () => {
    const broken = `---\ntitle: "Cited"\ndate: [\n---\n\n$$\na \\label{eq:a}\n$$\n`;
    const citing = `${frontmatter()}\nSee $\\eqref{cited/eq:a}$ and [it](/papers/cited/#eq-a).\n`;
    const { papersDir } = writePapers({ cited: broken, citing });
    for (const workers of [1, 2]) {
      const problems = (await checkContentInParallel(papersDir, "/", { render: true, cache: true, workers })).problems.map(formatProblem);
      expect(problems, `${workers} worker(s)`).toEqual([expect.stringMatching(/cited\.mdx:\d+:\d+: the frontmatter is not valid YAML/)]);
    }
    // Cached as checked against nothing: deleting the cited paper must not pass.
    rmSync(join(papersDir, "cited.mdx"));
    const problems = (await checkContent(papersDir, "/", { render: true, cache: true })).problems.map(formatProblem);
    expect(problems).toEqual([expect.stringMatching(/citing\.mdx:9:5: \\eqref\{cited\/eq:a\}: there is no paper "cited"/), expect.stringMatching(/citing\.mdx:9:\d+: link \/papers\/cited\/#eq-a: there is no paper "cited"/)]);
  });

  it("reports a same-page link to an anchor that no heading or equation has", async () => {
    const note = `${frontmatter()}\n## Method\n\n$$\na \\label{eq:a}\n$$\n\n[ok](#method), [ok](#eq-a), [ok](#main), [bad](#nope), [bad](#eq-b).\n`;
    expect(await problemsOf({ note })).toEqual([
      expect.stringMatching(/^note\.mdx:15:\d+: link #nope: no heading or equation on this page has that anchor/),
      expect.stringMatching(/^note\.mdx:15:\d+: link #eq-b: no equation on this page has that anchor/),
    ]);
  });

  it("keeps a heading's formula for the table of contents, as HTML, where its text would lose it", async () => {
    const { papersDir } = writePapers({ note: `${frontmatter()}\n## The loss $L_\\text{simple}$\n\n## Method\n\n## $\\beta$ against [the other](/papers/note/)\n` });
    const { headings } = (await checkContent(papersDir, "/", { render: true })).rendered.get("note")!;
    expect(headings[0]).toEqual({ depth: 2, slug: "the-loss-lsimple", text: expect.any(String), html: expect.stringMatching(/^The loss <span class="katex">.*<annotation encoding="application\/x-tex">L_\\text\{simple\}<\/annotation>/) });
    expect(headings[1]).toEqual({ depth: 2, slug: "method", text: "Method" });
    // The entry is a link itself: a link in the heading is its text there.
    expect(headings[2]!.html).toMatch(/<\/span> against the other$/);
  });

  it("reports a heading whose id the page itself uses", async () => {
    const note = `${frontmatter()}\n## Main\n\nText.[^1]\n\n## Footnote label\n\n## Method\n\n## Page status\n\n[^1]: A footnote.\n`;
    expect(await problemsOf({ note })).toEqual([
      expect.stringMatching(/^note\.mdx:9:1: heading "Main" would get the id #main, which the page itself uses; reword the heading$/),
      expect.stringMatching(/^note\.mdx:13:1: heading "Footnote label" would get the id #footnote-label/),
      expect.stringMatching(/^note\.mdx:17:1: heading "Page status" would get the id #page-status/),
    ]);
  });

  it("reports a note in a subfolder or named .MDX or .markdown, which would be left out, with the name to give it, and passes over hidden files such as an editor's lock", async () => {
    const { papersDir } = writePapers({ main: twoEquations, ".#main.mdx": "not a note", "._main.mdx": "\u0000", "shout.MDX": twoEquations, "long.markdown": twoEquations });
    mkdirSync(join(papersDir, "2024"));
    writeFileSync(join(papersDir, "2024", "older.mdx"), twoEquations);
    const result = await checkContent(papersDir);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/papers\/2024\/older\.mdx:1:1: a note in a subfolder is not read: move it into .*papers\/ itself/),
      expect.stringMatching(/papers\/long\.markdown:1:1: a note is not read unless its name ends in \.mdx or \.md \(lower case\): rename it long\.md$/),
      expect.stringMatching(/papers\/shout\.MDX:1:1: a note is not read unless .*: rename it shout\.mdx$/),
    ]);
    expect(result.papers).toBe(1);
  });

  it("names the folder it read when there are no papers to check", async () => {
    const { papersDir } = writePapers({});
    expect((await checkContent(papersDir)).problems.map(formatProblem)).toEqual([expect.stringMatching(/papers:1:1: this folder has no papers \(\.mdx or \.md files\)/)]);
    expect((await checkContent(`${papersDir}-gone`)).problems.map(formatProblem)).toEqual([expect.stringMatching(/papers-gone:1:1: there is no such folder; the content folder \(PAPERNOTES_CONTENT/)]);
  });
});

describe("mdxPaperFiles", () => {
  it("names the notes that need MDX, drafts too, from the content pass's index as from the files", async () => {
    const { papersDir } = writePapers({
      plain: `${frontmatter()}\nPlain text with braces only in math: $\\{a\\}$.\n`,
      expression: `${frontmatter()}\nexport const n = 2;\n\nThere are {n} of them.\n`,
      draft: `${frontmatter({ draft: "true" })}\nA <b>draft</b>.\n`,
      // A byte-order mark before the frontmatter, whose title holds a tag: the frontmatter is still no body.
      bom: `\ufeff${frontmatter({ title: '"The <b> tag"' })}\nPlain text.\n`,
    });
    const fromFiles = mdxPaperFiles(papersDir, "/");
    expect(fromFiles.sort()).toEqual(["draft.mdx", "expression.mdx"]);
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems).toEqual([]);
    handOffRenderedContent({ papersDir, base: "/", result });
    try {
      expect(mdxPaperFiles(papersDir, "/").sort()).toEqual(fromFiles);
    } finally {
      handOffRenderedContent(undefined as never);
    }
  });
});
