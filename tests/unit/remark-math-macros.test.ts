// A macro defined in one formula lasts to the end of the note: in the check,
// in both pipelines and in previews on other pages; a display's TeX button
// copies the definitions it uses before it; a selection's copy and search
// keep the TeX as written.
import type { Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Root } from "mdast";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { formatProblem } from "../../src/lib/content-check-results.ts";
import { hasClass } from "../../src/lib/hast-class.ts";
import type { MathNode } from "../../src/lib/mdast-math.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import remarkMathMacros, { definitionsIn } from "../../src/plugins/remark-math-macros.ts";
import { runMdxPipeline } from "../support/mdx-pipeline.ts";
import { frontmatter, writePapers } from "../support/papers.ts";
import { toHtml } from "hast-util-to-html";

function transformed(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkMathMacros);
  return processor.runSync(processor.parse(markdown)) as Root;
}

/**
 * What each TeX button of a rendered note copies, as papernotes.js puts it together:
 * its data-macros, then its data-tex. Throws at a data-macros anywhere else.
 */
function texButtonCopies(html: string | HastRoot): string[] {
  const copies: string[] = [];
  visit(typeof html === "string" ? fromHtml(html, { fragment: true }) : html, "element", (element) => {
    const { dataMacros, dataTex } = element.properties;
    if (!hasClass(element, "equation-copy-tex")) {
      if (dataMacros !== undefined) throw new Error(`data-macros on a <${element.tagName}>`);
      return;
    }
    copies.push(String(dataMacros ?? "") + String(dataTex));
  });
  return copies;
}

function formulas(tree: Root): { value: string; macros?: string }[] {
  const found: { value: string; macros?: string }[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "math" || node.type === "inlineMath") found.push({ value: (node as MathNode).value, macros: (node as MathNode).data?.macros });
    for (const child of (node.children ?? []) as { type: string }[]) walk(child);
  };
  walk(tree);
  return found;
}

describe("definitionsIn", () => {
  it("reads each form of definition a LaTeX preamble has, as KaTeX takes it", () => {
    const tex = String.raw`\newcommand{\E}{\mathbb{E}} \renewcommand\vec[1]{\mathbf{#1}} \def\R{\mathbb{R}} \gdef\norm#1{\lVert #1 \rVert} \providecommand{\P}[2]{p(#1 \mid #2)}
\newcommand*{\F}{f} \let\eps\varepsilon \let\phi=\varphi \DeclareMathOperator{\tr}{tr} \DeclareMathOperator*{\argmax}{arg\,max} x`;
    expect(definitionsIn(tex).map((d) => [d.name, d.asDef, d.provides])).toEqual([
      ["\\E", String.raw`\def\E{\mathbb{E}}`, false],
      ["\\vec", String.raw`\def\vec#1{\mathbf{#1}}`, false],
      ["\\R", String.raw`\def\R{\mathbb{R}}`, false],
      ["\\norm", String.raw`\def\norm#1{\lVert #1 \rVert}`, false],
      ["\\P", String.raw`\def\P#1#2{p(#1 \mid #2)}`, true],
      ["\\F", String.raw`\def\F{f}`, false],
      ["\\eps", String.raw`\let\eps\varepsilon`, false],
      ["\\phi", String.raw`\let\phi\varphi`, false],
      ["\\tr", String.raw`\def\tr{\operatorname{tr}}`, false],
      ["\\argmax", String.raw`\def\argmax{\operatorname*{arg\,max}}`, false],
    ]);
  });

  it("skips what is no definition it could read, definitions inside another's body, and comments", () => {
    for (const tex of [String.raw`\newcommand{\E x}{1}`, String.raw`\newcommand{\F}`, String.raw`\newcommand{\broken}{\mathcal{B}`, String.raw`x \def`]) expect(definitionsIn(tex), tex).toEqual([]);
    const unreadable: { name: string; start: number }[] = [];
    definitionsIn(String.raw`a \newcommand{\broken}{\mathcal{B}`, unreadable);
    expect(unreadable).toEqual([{ name: "\\broken", start: 2 }]);
    expect(definitionsIn(String.raw`\newcommand{\outer}{\def\inner{1}}`).map((d) => d.name)).toEqual(["\\outer"]);
    expect(definitionsIn("\\newcommand{\\E}{\\mathbb{E}}\n% \\renewcommand{\\E}{\\mathsf{E}}\n100\\% \\def\\x{1}").map((d) => d.asDef)).toEqual(["\\def\\E{\\mathbb{E}}", "\\def\\x{1}"]);
  });
});

describe("remark-math-macros", () => {
  it("gives a later formula the definitions it uses, and those they use, but not others", () => {
    const tree = transformed(String.raw`$$
\newcommand{\E}{\mathbb{E}}
\newcommand{\Ex}[1]{\E_{x}[#1]}
\def\R{\mathbb{R}}
$$

Then $\Ex{f}$, $\R^n$, $\Exp$ and $a \\E$.

$$
\E[x] = 1
$$`);
    expect(formulas(tree)).toEqual([
      { value: String.raw`\Ex{f}`, macros: String.raw`\def\E{\mathbb{E}}\def\Ex#1{\E_{x}[#1]}` + "\n" },
      { value: String.raw`\R^n`, macros: String.raw`\def\R{\mathbb{R}}` + "\n" },
      { value: String.raw`\Exp`, macros: undefined },
      { value: String.raw`a \\E`, macros: undefined },
      { value: String.raw`\E[x] = 1`, macros: String.raw`\def\E{\mathbb{E}}` + "\n" },
    ]);
  });

  it("takes a formula's own definitions out of its TeX, to give them to all of it (every cell of an align), keeping the TeX as written", () => {
    const tree = transformed(String.raw`$$
\begin{aligned} \newcommand{\W}{\mathcal{W}} \W &= a \\ \W &= b \end{aligned}
$$`);
    const [aligned] = formulas(tree);
    expect(aligned!.macros).toBe(String.raw`\def\W{\mathcal{W}}` + "\n");
    expect(aligned!.value).toMatch(/^\\begin\{aligned\} +\\W &= a/);
    expect((tree.children[0] as MathNode).data!.originalTex).toBe(String.raw`\begin{aligned} \newcommand{\W}{\mathcal{W}} \W &= a \\ \W &= b \end{aligned}`);
  });

  it("removes a formula that only defines (with comments, \\notag or an empty environment), with its paragraph, and keeps one that also shows something", () => {
    const tree = transformed(String.raw`$\newcommand{\E}{\mathbb{E}}$ $\def\R{\mathbb{R}}$

$$
\newcommand{\V}{\mathbb{V}} % variance
\let\eps\varepsilon \notag
$$

$$
\begin{equation*}\newcommand{\C}{\mathbb{C}}\end{equation*}
$$

$$
\newcommand{\T}{\mathbb{T}} \T[x]
$$

Text $\E \R \V \eps \C$.`);
    expect(tree.children.map((node) => node.type)).toEqual(["math", "paragraph"]);
    expect(formulas(tree).map((f) => f.value.trim())).toEqual([String.raw`\T[x]`, String.raw`\E \R \V \eps \C`]);
  });

  it("gives a display's copy the earlier definitions it uses and those they use, in the order made, a line each; not its own, which its TeX as written holds", () => {
    const tree = transformed(String.raw`$$
\newcommand{\E}{\mathbb{E}}
\newcommand{\KL}{D_{\mathrm{KL}}}
\def\R{\mathbb{R}}
\newcommand{\Ex}[1]{\E_{x}[#1]}
$$

$$
\Ex{f} + \KL
$$

$$
a = b
$$

$$
\newcommand{\V}{\mathbb{V}} \V[x] = \E[x^2]
$$

$$
\renewcommand{\R}{\mathcal{R}} \R
$$

Inline $\E[x]$.`);
    const copyMacros = (node: { type: string }) => (node as MathNode).data?.copyMacros;
    const displays = tree.children.filter((node) => node.type === "math");
    expect(displays.map(copyMacros)).toEqual([
      // \Ex before \KL in the formula, after it in the note.
      String.raw`\def\E{\mathbb{E}}` + "\n" + String.raw`\def\KL{D_{\mathrm{KL}}}` + "\n" + String.raw`\def\Ex#1{\E_{x}[#1]}` + "\n",
      // None: a formula that uses no macro of the note copies as it did before macros were carried.
      undefined,
      // \V is defined in the formula's TeX as written, which follows.
      String.raw`\def\E{\mathbb{E}}` + "\n",
      // What a \renewcommand redefines must be defined before it, in LaTeX and KaTeX.
      String.raw`\def\R{\mathbb{R}}` + "\n",
    ]);
    // An inline formula has no TeX button.
    const inline = (tree.children.at(-1) as { children: { type: string }[] }).children.find((node) => node.type === "inlineMath")!;
    expect([(inline as MathNode).data?.macros, copyMacros(inline)]).toEqual([String.raw`\def\E{\mathbb{E}}` + "\n", undefined]);
  });

  it("copies no earlier definition of a name the formula defines itself before it uses it", () => {
    const tree = transformed(String.raw`$$
\newcommand{\E}{\mathbb{E}}
\newcommand{\piref}{\pi_{\mathrm{ref}}}
$$

$$
\def\piref{\pi_{\mathrm{ref}}}
\E[\piref]
$$

$$
\newcommand{\E}{\mathrm{E}} \E
$$

$$
\def\P{\piref} \P + \piref
$$

$$
\piref + \def\piref{\pi_0} \piref
$$

$$
\edef\piref{\piref'} \piref
$$`);
    const copies = tree.children.filter((node) => node.type === "math").map((node) => (node as MathNode).data?.copyMacros);
    expect(copies).toEqual([
      // A formula pasted from another note's TeX button, which brought its own \def: the copy of it would say it twice, once more on each paste.
      String.raw`\def\E{\mathbb{E}}` + "\n",
      // KaTeX stops at a \newcommand of a name defined before it, so a copy with \def\E first would not render.
      undefined,
      // Its own definition uses the note's \piref.
      String.raw`\def\piref{\pi_{\mathrm{ref}}}` + "\n",
      // Used before its own definition.
      String.raw`\def\piref{\pi_{\mathrm{ref}}}` + "\n",
      // Used by it: the \piref of (5), by then \pi_0.
      String.raw`\def\piref{\pi_0}` + "\n",
    ]);
  });

  it("takes the last of two definitions, and lets \\providecommand define only what is not defined yet", () => {
    const tree = transformed(String.raw`$\newcommand{\E}{1}\E$, $\newcommand{\E}{2}\E$, $\renewcommand{\E}{3}\E$, $\providecommand{\E}{4}\E$, $\providecommand{\alpha}{5}\alpha$, $\providecommand{\G}{6}\G$ and $\E$.`);
    const def = (name: string, body: string) => `\\def\\${name}{${body}}\n`;
    expect(formulas(tree).map((f) => f.macros)).toEqual([def("E", "1"), def("E", "2"), def("E", "3"), def("E", "3"), undefined, def("G", "6"), def("E", "3")]);
  });
});

const note = `${frontmatter()}
$$
\\newcommand{\\E}{\\mathbb{E}}
\\newcommand{\\KL}{D_{\\mathrm{KL}}}
$$

## Loss

$$
\\mathcal{L} = \\E_{x}[\\KL(p \\Vert q)] \\label{eq:loss}
$$

With $\\E[x]$ and $\\eqref{eq:loss}$.
`;
/** What the TeX button of eq:loss copies. */
const LOSS_COPIED = String.raw`\def\E{\mathbb{E}}
\def\KL{D_{\mathrm{KL}}}
\mathcal{L} = \E_{x}[\KL(p \Vert q)] \label{eq:loss}`;

describe("macros in a note", () => {
  it("pass the check, are not an equation, and render in the fast path, with the TeX as written wherever a reader sees it", async () => {
    const other = `${frontmatter({ title: '"Other"' })}\nSee $\\eqref{main/eq:loss}$.\n`;
    const { papersDir } = writePapers({ main: note, other });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems.map((p) => formatProblem(p))).toEqual([]);
    const [loss] = result.index.get("main")!.equations;
    expect(loss).toMatchObject({ anchor: "eq-loss", number: "1" }); // the definitions are no equation (1)
    // The preview shown on the other paper renders \E and \KL too.
    expect(loss!.previewTex.startsWith(String.raw`\def\E{\mathbb{E}}\def\KL{D_{\mathrm{KL}}}`)).toBe(true);
    const html = paperHtml(result.rendered.get("main")!);
    expect(html).not.toMatch(/katex-error|#cc0000/);
    // The TeX button copies the definitions the formula uses, a line each, then its TeX as written, so that it renders where it is pasted.
    expect(texButtonCopies(html)).toEqual([LOSS_COPIED]);
    expect(loss!.copyMacros).toBe(LOSS_COPIED.slice(0, LOSS_COPIED.indexOf("\\mathcal"))); // for the formula list's button
    // What a reader searches or copies as a selection is the TeX as written: KaTeX's annotation, the search records.
    expect(html).toContain('<annotation encoding="application/x-tex">\\E[x]</annotation>');
    expect(html.replace(/ data-macros="[^"]*"/, "")).not.toContain("\\def");
    const records = JSON.stringify(result.search.flatMap((page) => page.documents!));
    expect(records).toContain("\\\\E[x]");
    expect(records).not.toContain("\\\\def");
    expect(html.match(/class="mord mathbb">E</g)).toHaveLength(2); // \E in the display and in the text
    expect(paperHtml(result.rendered.get("other")!)).toContain('class="mord mathbb">E<');
  });

  it("as an Overleaf preamble writes them: comments, a definition before an align or in its first row, a built-in's name", async () => {
    const overleaf = `${frontmatter()}
$$
a = b \\label{eq:c} % the key identity
$$

$$
\\newcommand{\\E}{\\mathbb{E}}
% \\renewcommand{\\E}{\\mathsf{E}}
\\newcommand{\\R}{\\mathbb{R}} % KaTeX has a \\R of its own
$$

$$
\\newcommand{\\W}{\\mathcal{W}}
\\begin{align}
\\W &= \\E[x] \\label{eq:w1} \\\\
\\W &\\in \\R \\label{eq:w2}
\\end{align}
$$

$$
\\begin{aligned} \\newcommand{\\V}{\\mathbb{V}} \\V &= a \\label{eq:v1} \\\\ \\V &= b \\label{eq:v2} \\end{aligned}
$$
`;
    const { papersDir } = writePapers({ overleaf });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems.map((p) => formatProblem(p))).toEqual([]);
    expect(result.index.get("overleaf")!.equations.map((eq) => [eq.anchor, eq.number])).toEqual([["eq-c", "1"], ["eq-w1", "2"], ["eq-w2", "3"], ["eq-v1", "4"], ["eq-v2", "5"]]);
    const html = paperHtml(result.rendered.get("overleaf")!);
    expect(html).toContain("<mtext>(1)</mtext>"); // its \\tag was not put inside the comment
    expect(html).not.toMatch(/mathsf|katex-error|#cc0000/);
    expect(html.match(/class="mord mathbb">E</g)).toHaveLength(1);
    // Its TeX buttons: a formula that uses no definition of the note copies as written; one that uses them, they come first, and not its own, which it holds.
    expect(texButtonCopies(html)).toEqual([
      "a = b \\label{eq:c} % the key identity",
      "\\def\\E{\\mathbb{E}}\n\\def\\R{\\mathbb{R}}\n\\newcommand{\\W}{\\mathcal{W}}\n\\begin{align}\n\\W &= \\E[x] \\label{eq:w1} \\\\\n\\W &\\in \\R \\label{eq:w2}\n\\end{align}",
      "\\begin{aligned} \\newcommand{\\V}{\\mathbb{V}} \\V &= a \\label{eq:v1} \\\\ \\V &= b \\label{eq:v2} \\end{aligned}",
    ]);
    // A selection's copy of an equation that uses earlier definitions is its TeX as written: no \\tag, no \\def.
    expect(html).toContain(`<annotation encoding="application/x-tex">\\newcommand{\\W}{\\mathcal{W}}\n\\begin{align}`);
    expect(html).not.toMatch(/<annotation[^>]*>[^<]*\\(tag|def)/);
  });

  it("render in the MDX path", async () => {
    const { papersDir } = writePapers({ main: note });
    const { index } = await checkContent(papersDir);
    const tree = runMdxPipeline(papersDir, "main", note, index);
    const html = toHtml(tree);
    expect(html).not.toMatch(/katex-error|#cc0000/);
    expect(html.match(/class="mord mathbb">E</g)).toHaveLength(2);
    expect(texButtonCopies(tree)).toEqual([LOSS_COPIED]);
    expect(html.replace(/ data-macros="[^"]*"/, "")).not.toContain("\\def");
    expect(html).toContain('<annotation encoding="application/x-tex">\\E[x]</annotation>');
  });

  it("where LaTeX would stop (\\newcommand of a name the note defined, \\renewcommand of one never defined) are warned of, and hold", async () => {
    const redefined = `${frontmatter()}
$$
\\newcommand{\\E}{\\mathbb{E}}
\\renewcommand{\\F}{\\mathcal{F}}
\\newcommand{\\R}{\\mathbb{R}} \\renewcommand{\\vec}[1]{\\mathbf{#1}} \\def\\G{g} \\def\\G{G}
$$

Then $\\newcommand{\\E}{\\mathsf{E}} \\E[x] + \\F + \\G$.
`;
    const { papersDir } = writePapers({ redefined });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.problems).toEqual([]);
    // Not for a name KaTeX has (\\R, \\vec), nor for \\def, which LaTeX lets redefine.
    expect(result.warnings.map((p) => formatProblem({ ...p, file: "redefined.mdx" }))).toEqual([
      "redefined.mdx:11:1: \\renewcommand{\\F}: \\F is not defined before it, which LaTeX stops at: write \\newcommand{\\F}",
      "redefined.mdx:15:7: \\newcommand{\\E} defines \\E again (first on line 10), which LaTeX stops at: to redefine it, write \\renewcommand{\\E}. The new definition holds from here on",
    ]);
    const html = paperHtml(result.rendered.get("redefined")!);
    expect(html).toMatch(/class="mord mathsf">E</);
    expect(html).toMatch(/class="mord mathcal"[^>]*>F</);
    // A copied selection gives the inline formula as written, its definition too (it vanished from the page once: KaTeX got the definition twice).
    expect(html).toContain(String.raw`<annotation encoding="application/x-tex">\newcommand{\E}{\mathsf{E}} \E[x] + \F + \G</annotation>`);
    expect(html).not.toMatch(/mathbb">E|katex-error/);
    const mdx = toHtml(runMdxPipeline(papersDir, "redefined", redefined, result.index));
    expect(mdx).toMatch(/class="mord mathsf">E</);
    expect(mdx).not.toMatch(/katex-error|#cc0000/);
  });

  it("declared twice as operators are told how to redefine one, as an operator", async () => {
    const { papersDir } = writePapers({ ops: `${frontmatter()}\n$\\DeclareMathOperator{\\tr}{tr}\\tr A$ and $\\DeclareMathOperator{\\tr}{Tr}\\tr B$.\n` });
    const result = await checkContent(papersDir, "/", { render: true });
    expect(result.warnings.map((p) => formatProblem({ ...p, file: "ops.mdx" }))).toEqual([
      "ops.mdx:9:43: \\DeclareMathOperator{\\tr} defines \\tr again (first on line 9), which LaTeX stops at: to redefine it, write \\renewcommand{\\tr}{\\operatorname{…}}. The new definition holds from here on",
    ]);
  });

  it("defined in two inline formulas alike but for what they define keep each its own TeX as written, for a copied selection", async () => {
    const twice = `${frontmatter()}\nFirst $\\def\\x{1}\\x$ and second $\\def\\x{2}\\x$.\n`;
    const { papersDir } = writePapers({ twice });
    const result = await checkContent(papersDir, "/", { render: true });
    const annotations = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map(([, tex]) => tex);
    expect(annotations(paperHtml(result.rendered.get("twice")!))).toEqual(["\\def\\x{1}\\x", "\\def\\x{2}\\x"]);
    expect(annotations(toHtml(runMdxPipeline(papersDir, "twice", twice, result.index)))).toEqual(["\\def\\x{1}\\x", "\\def\\x{2}\\x"]);
  });

  it("used before their definition fail the check at the formula, which says where the definition is", async () => {
    const { papersDir } = writePapers({ early: `${frontmatter()}\nFirst $\\E[x]$.\n\n$\\newcommand{\\E}{\\mathbb{E}}$\n` });
    const problems = (await checkContent(papersDir)).problems.map((p) => formatProblem({ ...p, file: "early.mdx" }));
    expect(problems).toEqual([expect.stringMatching(/^early\.mdx:9:7: KaTeX cannot render \$\\E\[x\]\$: Undefined control sequence: \\E; \\E is defined later, on line 11: /)]);
  });

  it("whose definition cannot be read are named at their later uses, which point back to it", async () => {
    const { papersDir } = writePapers({ broken: `${frontmatter()}\n$$\n\\newcommand{\\Rset}{\\mathbb{R}\n$$\n\nThen $x \\in \\Rset$ and $\\Q$.\n` });
    const problems = (await checkContent(papersDir)).problems.map((p) => formatProblem({ ...p, file: "broken.mdx" }));
    expect(problems).toEqual([
      expect.stringMatching(/^broken\.mdx:10:\d+: KaTeX cannot render \$\\newcommand\{\\Rset\}\{\\mathbb\{R\}\$: .*never closed/),
      "broken.mdx:13:6: KaTeX cannot render $x \\in \\Rset$: Undefined control sequence: \\Rset; the definition of \\Rset on line 10 could not be read (see the problem reported there), so it is not defined here",
      // A command defined nowhere gets no such pointer.
      "broken.mdx:13:24: KaTeX cannot render $\\Q$: Undefined control sequence: \\Q; if it is a macro of the paper, define it in a formula before its first use, as \\newcommand{\\Q}{…}",
    ]);
  });
});
