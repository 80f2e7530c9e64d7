// remark-other-math-delimiters: \(…\), \[…\], ＄…＄ and \eqref in prose get a warning at their place; escapes, code and math do not.
import remarkMath from "remark-math";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkOtherMathDelimiters from "../../src/plugins/remark-other-math-delimiters.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkMath, remarkOtherMathDelimiters]);
const SAYS = "shows as written, not as math: math is written between $ signs ($…$), or as a display between $$ lines of their own";
const SAYS_FULL_WIDTH = "shows as written, not as math (＄ is the full-width dollar sign, U+FF04, as a Chinese input method types it; math takes the ASCII $): math is written between $ signs ($…$), or as a display between $$ lines of their own";

describe("remark-other-math-delimiters", () => {
  it("warns about \\(…\\), \\[…\\] and full-width ＄…＄ at their place", () => {
    expect(messagesOf("Inline \\(x^2 + y\\) and 公式＄a_1＄ here, and \\(a *b* c_1\\).\n\n\\[\nE = mc^2\n\\]\n")).toEqual([
      `1:8: warning: \\(x^2 + y\\) ${SAYS}`,
      `1:26: warning: ＄a_1＄ ${SAYS_FULL_WIDTH}`,
      `1:42: warning: \\(a *b* c_1\\) ${SAYS}`,
      `3:1: warning: \\[ E = mc^2 \\] ${SAYS}`,
    ]);
    // A display between full-width ＄＄ lines: told once, at its first ＄＄.
    expect(messagesOf("损失为\n\n＄＄\nL = \\|x - \\hat{x}\\|^2\n＄＄\n")).toEqual([`3:1: warning: ＄＄ L = \\|x - \\hat{x}\\|^2 ＄＄ ${SAYS_FULL_WIDTH}`]);
    // Inline, a single letter is TeX enough.
    expect(messagesOf("Where \\(x\\) is given.\n")).toEqual([`1:7: warning: \\(x\\) ${SAYS}`]);
    // And so is a number or arithmetic, which no word in escaped parentheses has.
    expect(messagesOf("Sum \\(a+b\\), \\(2\\), \\(p|q\\), \\(see below\\), \\(state-of-the-art\\).\n")).toEqual([
      `1:5: warning: \\(a+b\\) ${SAYS}`,
      `1:14: warning: \\(2\\) ${SAYS}`,
      `1:21: warning: \\(p|q\\) ${SAYS}`,
    ]);
  });

  it("leaves alone escaped brackets that are no TeX, a price, code, math and escaped backslashes", () => {
    expect(messagesOf("A citation \\[1\\], a note \\[a\\], a price ＄5 and ＄10, `\\(x^2\\)`, $x^2$, \\\\(not\\\\).\n\n```text\n\\[ a^2 \\]\n```\n")).toEqual([]);
  });

  it("warns about a LaTeX environment in prose, once, at its \\begin, and names the \\label it loses", () => {
    const ENV = "outside math shows as written, not as a formula: put the environment between $$ lines of their own";
    expect(messagesOf("Sampling:\n\n\\begin{equation}\nx_{t-1} = \\mu + \\sigma_t z \\label{eq:sampling}\n\\end{equation}\n\nThen \\begin{align*}\na &= b \\begin{aligned} c \\end{aligned}\n\\end{align*}\n")).toEqual([
      `3:1: warning: \\begin{equation} ${ENV} ($$, then \\begin{equation}…, then $$); until then its \\label{eq:sampling} names no equation`,
      `7:6: warning: \\begin{align*} ${ENV} ($$, then \\begin{align*}…, then $$)`,
    ]);
    // An environment KaTeX lacks would be no formula between $$ either; a \label after a blank line is another paragraph's.
    expect(messagesOf("\\begin{document} and \\begin{figure}.\n\nDo not write \\begin{align} in prose.\n\n$$\n\\begin{align}\na \\label{eq:a}\n\\end{align}\n$$\n")).toEqual([`3:14: warning: \\begin{align} ${ENV} ($$, then \\begin{align}…, then $$)`]);
    // With CRLF line ends, a blank line still ends it: a later \(…\) is told too.
    expect(messagesOf("A \\begin{equation} here.\r\n\r\nThen \\(x^2\\).\r\n\r\n\\end{equation}\r\n")).toEqual([`1:3: warning: \\begin{equation} ${ENV} ($$, then \\begin{equation}…, then $$)`, `3:6: warning: \\(x^2\\) ${SAYS}`]);
    // In math or code, or escaped, it is no problem.
    expect(messagesOf("$$\n\\begin{aligned} a \\end{aligned}\n$$\n\n`\\begin{equation}` and \\\\begin{x}.\n\n```tex\n\\begin{equation}\n```\n")).toEqual([]);
  });

  it("warns about \\eqref{…} and \\ref{…} in prose, which show as typed, but not in math or code", () => {
    expect(messagesOf("By \\eqref{loss} and\n*see* \\ref{ddpm/eq:x}.\n")).toEqual([
      "1:4: warning: \\eqref{loss} outside math shows as written: write it as math, $\\eqref{loss}$",
      "2:7: warning: \\ref{ddpm/eq:x} outside math shows as written: write it as math, $\\ref{ddpm/eq:x}$",
    ]);
    expect(messagesOf("$\\eqref{a}$, $x = \\ref{b}$, `\\eqref{c}`, \\\\eqref{d}, \\refs{e}.\n\n```tex\n\\eqref{f}\n```\n\n$$\n\\eqref{g}\n$$\n")).toEqual([]);
    // Inside \(…\) it is one problem, told once.
    expect(messagesOf("See \\(\\eqref{h}\\).\n")).toEqual([`1:5: warning: \\(\\eqref{h}\\) ${SAYS}`]);
  });
});
