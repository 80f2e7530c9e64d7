// The site-wide index's entry of each equation: a row of an align is an
// equation of its own, so what is shown of it away from its page (the formula
// list, a preview where another paper refers to it) is that row.
import { describe, expect, it } from "vitest";
import { indexPaper } from "../../src/lib/paper-index.ts";
import { parseNote, readPaperSource } from "../../src/lib/paper-source.ts";
import { rmSync } from "node:fs";
import { checkContent } from "../../src/lib/content-check.ts";
import { formatProblem } from "../../src/lib/content-check-results.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const note = `${frontmatter()}
$$
\\newcommand{\\KL}{D_{\\mathrm{KL}}}
$$

$$
\\begin{align}
a &= \\KL(p, q) \\label{eq:first} \\\\
&\\quad + b \\label{eq:second} \\\\
c &= \\eqref{eq:first} \\notag
\\end{align}
$$

$$
x = y \\tag*{B.2} \\label{eq:bare}
$$
`;

const indexed = () => {
  const source = readPaperSource("/notes/papers/rows.mdx", note);
  return indexPaper(source, parseNote(source).tree).equations;
};

describe("an indexed row of a display of several", () => {
  it("is previewed alone, with its number and the note's macros, and copied alone, as written in its environment", () => {
    const [first, second, bare] = indexed();
    expect([first, second, bare].map((eq) => [eq!.anchor, eq!.number])).toEqual([["eq-first", "1"], ["eq-second", "2"], ["eq-bare", "B.2"]]);
    // The display's definitions go with each of its rows.
    const macros = String.raw`\def\KL{D_{\mathrm{KL}}}` + "\n";
    expect(first!.previewTex).toBe(macros + String.raw`\begin{align*}` + "\n" + String.raw`a &= \KL(p, q) \tag{1}` + "\n" + String.raw`\end{align*}`);
    expect(second!.previewTex).toBe(macros + String.raw`\begin{align*}` + "\n" + String.raw`&\quad + b \tag{2}` + "\n" + String.raw`\end{align*}`);
    expect(second!.rowTex).toBe(String.raw`\begin{align}` + "\n" + String.raw`&\quad + b \label{eq:second}` + "\n" + String.raw`\end{align}`);
    // The whole display is still its TeX as written (search and the note's own TeX button read it).
    expect(second!.tex).toContain(String.raw`c &= \eqref{eq:first} \notag`);
    // One equation alone has no row of its own; its preview keeps a \tag* bare, as its page shows it.
    expect([bare!.rowTex, bare!.previewTex]).toEqual([undefined, String.raw`x = y \tag*{B.2}`]);
  });
});

describe("an indexed row's copy in the formula list", () => {
  const macrosNote = `${frontmatter()}
$$
\\def\\E{\\mathbb{E}}
\\def\\V{\\mathbb{V}}
$$

$$
\\begin{align}
a &= \\E x \\label{eq:a} \\\\
\\def\\Q{\\mathbb{Q}} b &= \\Q \\label{eq:b} \\\\
c &= \\Q + \\V \\label{eq:c}
\\end{align}
$$
`;

  it("keeps a definition made in the row, and carries the definitions it uses alone: the note's, and another row's", async () => {
    const source = readPaperSource("/notes/papers/macro-rows.mdx", macrosNote);
    const [a, b, c] = indexPaper(source, parseNote(source).tree).equations;
    expect([a, b, c].map((eq) => [eq!.rowTex, eq!.copyMacros])).toEqual([
      [String.raw`\begin{align}` + "\n" + String.raw`a &= \E x \label{eq:a}` + "\n" + String.raw`\end{align}`, String.raw`\def\E{\mathbb{E}}` + "\n"],
      [String.raw`\begin{align}` + "\n" + String.raw`\def\Q{\mathbb{Q}} b &= \Q \label{eq:b}` + "\n" + String.raw`\end{align}`, undefined],
      [String.raw`\begin{align}` + "\n" + String.raw`c &= \Q + \V \label{eq:c}` + "\n" + String.raw`\end{align}`, String.raw`\def\V{\mathbb{V}}` + "\n" + String.raw`\def\Q{\mathbb{Q}}` + "\n"],
    ]);
    // Each, pasted into a note of its own after the definitions it carries, renders.
    const pasted = Object.fromEntries([a, b, c].map((eq, i) => [`pasted-${i}`, `${frontmatter()}\n$$\n${eq!.copyMacros ?? ""}${eq!.rowTex}\n$$\n`]));
    const { contentDir, papersDir } = writePapers(pasted);
    const check = await checkContent(papersDir, "/");
    rmSync(contentDir, { recursive: true, force: true });
    expect(check.problems.map((problem) => formatProblem(problem))).toEqual([]);
  });
});

describe("an indexed equation's name", () => {
  it("spells a word of its label as the paper's short name does, which its prose may never say outside math", () => {
    const dpo = `${frontmatter({ title: '"Direct Preference Optimization Your Language Model is Secretly a Reward Model"', short: '"DPO"' })}
The policy learns from preference pairs, with a reward model in $\\mathcal{L}_{\\text{DPO}}$.

$$
\\mathcal{L}_{\\text{DPO}} = -\\log \\sigma(\\Delta) \\label{eq:dpo-loss}
$$

$$
r = \\beta \\log \\pi \\label{eq:reward-model}
$$
`;
    const source = readPaperSource("/notes/papers/dpo.mdx", dpo);
    // Not "Reward Model": the title's capitals are title case, not how the note spells the words.
    expect(indexPaper(source, parseNote(source).tree).equations.map((eq) => eq.name)).toEqual(["DPO loss", "reward model"]);
  });
});
