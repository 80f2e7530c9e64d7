// For the content check: renders every formula with the site's KaTeX options
// and reports each one KaTeX rejects, with its place and TeX.
import type { Root } from "mdast";
import type { Point } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { boundedMemo } from "../lib/bounded-memo.ts";
import { unclosedDisplay } from "../lib/content-check-results.ts";
import { readBraceGroup, unbalancedGroup } from "../lib/equations.ts";
import { formulaKey } from "../lib/katex-classes.ts";
import { katexHas } from "../lib/katex-options.ts";
import { literalPattern } from "../lib/literal-pattern.ts";
import { texWithMacros, type MathNode } from "../lib/mdast-math.ts";
import { BLANK_LINE, placeOfFound, report } from "./messages.ts";
import { renderMath } from "../lib/katex-render.ts";

/** KaTeX's verdict per distinct TeX string (null: it renders); the HTML itself is cached for rendering. */
const verdicts = boundedMemo<string | null>(4096);

export function katexProblem(tex: string, displayMode: boolean): string | null {
  return verdicts(formulaKey(tex, displayMode), () => {
    try {
      const html = renderMath(tex, displayMode);
      // Untrusted commands do not throw: KaTeX shows them as red text instead.
      return hasErrorText(html) ? untrustedReason(tex) : null;
    } catch (error) {
      // rawMessage leaves out KaTeX's underlined excerpt, which terminals garble.
      return (error as { rawMessage?: string }).rawMessage ?? (error as Error).message;
    }
  });
}

/** remark-math, as a code fence, runs a display whose closing $$ is missing to the end of the note (or of its quote or list item). */
export function isUnclosedDisplay(file: VFile, math: MathNode): boolean {
  const { start, end } = math.position ?? {};
  if (math.type !== "math" || start?.offset === undefined || end?.offset === undefined) return false;
  const lines = String(file.value).slice(start.offset, end.offset).split("\n");
  return lines.length === 1 || !/^[\s>]*\${2,}\s*$/.test(lines.at(-1)!);
}

/** \tag's argument is text to KaTeX, as to LaTeX: a math command there (\tag{\dagger}) is unknown, though it works in $…$. */
function mathInTag(tex: string, command: string): string {
  for (const tag of tex.matchAll(/\\tag\*?\s*(?=\{)/g)) {
    const argument = readBraceGroup(tex, tag.index + tag[0].length)?.content.trim();
    if (argument?.includes(command) && katexProblem(command, false) === null) return `; \\tag{…} holds text, so math in it goes between $ signs: \\tag{$${argument}$}`;
  }
  return "";
}

/**
 * A macro is known from its definition to the end of the note (remark-math-macros),
 * not before; one whose definition could not be read, not at all.
 */
function definedLater(file: VFile, command: string, math: MathNode): string {
  const here = math.position?.start.line ?? 0;
  const line = file.data.mathMacroLines?.get(command);
  if (line !== undefined && line > here) return `; ${command} is defined later, on line ${line}: a definition holds from its formula to the end of the note, so move it above the first use`;
  const unreadable = file.data.unreadableMacroLines?.get(command);
  return line === undefined && unreadable !== undefined && unreadable < here ? `; the definition of ${command} on line ${unreadable} could not be read (see the problem reported there), so it is not defined here` : "";
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * The names one slip away from `name`, most likely first: a letter doubled, two
 * swapped; from 4 letters, a letter dropped; from 5, one mistyped or one too many.
 * A short name has too many neighbours (\Var is not \bar, nor \diag \ddag).
 */
function oneSlipFrom(name: string): Set<string> {
  const variants = new Set<string>();
  for (let i = 1; i < name.length; i++) if (name[i] === name[i - 1]) variants.add(name.slice(0, i) + name.slice(i + 1));
  for (let i = 0; i + 1 < name.length; i++) variants.add(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2));
  if (name.length >= 4) for (let i = 0; i <= name.length; i++) for (const letter of LETTERS) variants.add(name.slice(0, i) + letter + name.slice(i));
  if (name.length >= 5) {
    for (let i = 0; i < name.length; i++) for (const letter of LETTERS) variants.add(name.slice(0, i) + letter + name.slice(i + 1));
    for (let i = 0; i < name.length; i++) variants.add(name.slice(0, i) + name.slice(i + 1));
  }
  variants.delete(name);
  variants.delete("");
  return variants;
}

/** By unknown command: the one meant, or "" (a guess renders up to about 1,500 names, 30 ms). */
const commandsMeant = boundedMemo<string>(4096);

/** Commands that our plugins read before KaTeX sees the formula, and KaTeX does not know: \label (remark-equation-numbers), \eqref and \ref (remark-equation-refs). */
const OUR_COMMANDS = ["\\label", "\\eqref", "\\ref"];

/** A macro of the note, one of ours or a command of KaTeX one slip away from an unknown command (\sqrtt, \alpah, \lable). */
function commandMeant(file: VFile, command: string): string {
  const name = command.slice(1);
  if (!/^[A-Za-z]{2,}$/.test(name)) return "";
  const variants = oneSlipFrom(name);
  for (const macro of [...(file.data.mathMacroLines?.keys() ?? []), ...OUR_COMMANDS]) if (variants.has(macro.slice(1))) return `; did you mean ${macro}?`;
  return commandsMeant(name, () => {
    const found = [...variants].find((variant) => katexHas(`\\${variant}`, true));
    return found ? `; did you mean \\${found}?` : "";
  });
}

/** Unknown commands told of one formula, at most: a paste from a LaTeX source may hold a dozen. */
const MAX_UNKNOWN_COMMANDS = 5;

/** \newcommand{\Ex}[2][]{…}: a definition with a default for its first argument. */
const OPTIONAL_ARGUMENT_DEFINITION = /\\(?:re|provide)?newcommand\*?\s*\{?\s*(\\[A-Za-z]+)\s*\}?\s*\[\s*(\d)\s*\]\s*\[/;

/** What to write instead of LaTeX commands, common in papers, that KaTeX does not have. */
const INDICATOR = "write \\mathbb{…} (\\mathbb{E}, \\mathbb{R}); for an indicator, which \\mathbb{1} shows as a plain 1, write \\mathbb{I} or \\mathbf{1}";
const REFERENCE = "refer to an equation with \\eqref{…}";
const INTERTEXT = "end the display there, write the text as prose, and go on in a new display";
const CITATION = "cite in the prose, outside math";
const COMMANDS_INSTEAD: Record<string, string> = {
  "\\mathbbm": INDICATOR,
  "\\mathds": INDICATOR,
  "\\cref": REFERENCE,
  "\\Cref": REFERENCE,
  "\\autoref": REFERENCE,
  "\\intertext": INTERTEXT,
  "\\shortintertext": INTERTEXT,
  "\\nicefrac": "write \\tfrac{…}{…} or a/b",
  "\\textsc": "write \\text{…} or \\mathrm{…}",
  "\\cite": CITATION,
  "\\citep": CITATION,
  "\\citet": CITATION,
};

function commandInstead(command: string): string {
  const instead = COMMANDS_INSTEAD[command];
  return instead ? `; KaTeX has no ${command}: ${instead}` : "";
}

/** For a command no slip away from any: most often a macro of the paper (\abs, \E, \Tr). */
function defineIt(command: string): string {
  return /^\\[A-Za-z]+$/.test(command) ? `; if it is a macro of the paper, define it in a formula before its first use, as \\newcommand{${command}}{…}` : "";
}

/** What to write instead of a LaTeX environment that KaTeX does not have. */
const ENVIRONMENTS_INSTEAD: Record<string, string> = {
  multline: "gather (one row per line), or split inside equation",
  eqnarray: "align, with one & before the relation (a &= b)",
  flalign: "align",
  subequations: "one display per equation, each with its \\label",
  IEEEeqnarray: "align",
};

/** What KaTeX's words for a misplaced & or an unmatched \left or \right mean, and the fix. */
const PAIRING_HINTS: [RegExp, string][] = [
  [/^Expected 'EOF', got '&'/, "; & lines up columns only inside an environment: put the rows in \\begin{aligned} … \\end{aligned}"],
  [/^Expected '\\right', got /, "; a \\left has no \\right in the same formula (or row): close it with one, \\right. if nothing should show"],
  [/^Expected 'EOF', got '\\right'/, "; this \\right has no \\left before it: add one, \\left. if nothing should show"],
  [/^Double (superscript|subscript)/, "; group the second in braces: x^{a^b} or {x^a}^b, x_{a_b}"],
];

function pairingHint(problem: string): string {
  return PAIRING_HINTS.find(([pattern]) => pattern.test(problem))?.[1] ?? "";
}

function environmentInstead(problem: string): string {
  const name = /^No such environment: (\w+)/.exec(problem)?.[1];
  const instead = name && ENVIRONMENTS_INSTEAD[name];
  return instead ? `; KaTeX has no ${name}: use ${instead}` : "";
}

/** The marks KaTeX leaves where it rendered an error as text. */
function hasErrorText(html: string): boolean {
  return /katex-error|#cc0000/.test(html);
}

function untrustedReason(tex: string): string {
  const command = /\\(href|url|html[A-Z][a-z]+|includegraphics)\b/.exec(tex)?.[0] ?? "a command";
  return `${command} is not allowed here: formulas may only link inside the site, and may not set HTML ids, classes, styles or images`;
}

/**
 * A display with a blank line that still reads as one formula: one environment
 * from \begin to its \end, or an unknown command before the blank line (so not
 * in prose it ran on into). Its problem is the TeX's own, told as usual.
 */
function closedDespiteBlankLine(tex: string, unknown: string | undefined): boolean {
  const environment = /^\\begin\{([^{}]+)\}/.exec(tex)?.[1];
  if (environment !== undefined && tex.endsWith(`\\end{${environment}}`)) return true;
  const blank = BLANK_LINE.exec(tex)?.index ?? tex.length;
  return unknown !== undefined && new RegExp(`${literalPattern(unknown)}(?![A-Za-z])`).test(tex.slice(0, blank));
}

/**
 * The line of a display's TeX (the first being `firstLine`) that most likely
 * was meant to close it, but closes nothing: the formula's last line with $$
 * typed at its end, or a $$ with text after it (LaTeX's "$$.").
 */
function meantCloser(tex: string, firstLine: number): string | undefined {
  const lines = tex.split("\n");
  for (const [i, line] of lines.entries()) {
    if (/\S[ \t]*\$\$[ \t]*\r?$/.test(line)) return `line ${firstLine + i} ends with $$, which closes nothing there: put it on a line of its own`;
    const after = /^[ \t>]*\$\$[ \t]*(\S.*?)[ \t]*\r?$/.exec(line)?.[1];
    if (after !== undefined) return `line ${firstLine + i} has "${after}" after its $$, so that $$ closes nothing: a closing $$ stands alone on its line (put "${after}" at the end of the formula, before the $$)`;
  }
  return undefined;
}

export default function remarkKatexCheck() {
  return (tree: Root, file: VFile) => {
    // The first display that ran on past a blank line (LaTeX allows none in a formula): its $$ was likely never closed, and
    // each $$ after it then paired with the wrong one.
    let ranOn: number | undefined;
    visit(tree, ["math", "inlineMath"], (node) => {
      const math = node as MathNode;
      if (isUnclosedDisplay(file, math)) {
        // KaTeX would quote the rest of the note back, and fail on whatever Markdown it holds.
        const line = math.position!.start.line;
        const above = ranOn !== undefined ? `the $$ on line ${ranOn}, whose formula runs on past a blank line, is likely` : "a $$ above it is";
        const meant = meantCloser(math.data?.originalTex ?? math.value, line + 1);
        const ends = !meant && /^[ \t]*(?:\r?\n|$)/.test(math.data?.originalTex ?? math.value) ? `; if this $$ was meant to end a formula, ${above} the one never closed` : "";
        return void report(file, math, `${unclosedDisplay(line, false)}, so all that follows it is read as math: ${meant ?? "end the formula with a line holding only $$"}${ends}`);
      }
      const blankLine = math.type === "math" && BLANK_LINE.test(math.data?.originalTex ?? math.value);
      if (blankLine) ranOn ??= math.position?.start.line;
      const problem = katexProblem(texWithMacros(math), math.type === "math");
      if (!problem) return;
      // One line per problem (for editors and grep): the TeX's line breaks are shown as spaces.
      const tex = (math.data?.originalTex ?? math.value).trim();
      const unknown = /control sequence: (\\\S+)/.exec(problem)?.[1];
      // A display's \label left in its TeX is one without braces, which remark-equation-numbers has told,
      // unless a brace is left open (\label{x): it leaves that to the group's message below.
      if (unknown === "\\label" && math.type === "math" && !unbalancedGroup(tex)) return;
      if (blankLine && !closedDespiteBlankLine(tex, unknown)) {
        // Prose and headings read as TeX: quoting them back would not show what is wrong.
        const { start, end } = math.position!;
        const where = `; ${meantCloser(math.data?.originalTex ?? math.value, start.line + 1) ?? "end the formula with a line holding only $$"}`;
        return void report(file, math, `${unclosedDisplay(start.line, true)}: its formula runs on past a blank line to the $$ on line ${end.line}, and KaTeX cannot render what lies between (${problem})${where}`);
      }
      // KaTeX's own words ("Expected '}', got '#'") do not say what it lacks.
      const optional = OPTIONAL_ARGUMENT_DEFINITION.exec(tex);
      if (optional) {
        const [written, name, count] = optional as unknown as [string, string, string];
        return void report(file, math, `KaTeX's \\newcommand takes no optional argument (the [ after [${count}]): define ${name} with required arguments only, as \\newcommand{${name}}[${count}]{…}, and give each at every use`, written);
      }
      const inlineLabel = math.type === "inlineMath" && /\\label(?![A-Za-z])/.test(math.value);
      // KaTeX says what it expected next; a brace or environment left open is named, at its own line.
      const group = inlineLabel ? undefined : unbalancedGroup(tex);
      const unknownReason = (command: string) => mathInTag(tex, command) || definedLater(file, command, math) || commandInstead(command) || commandMeant(file, command) || defineIt(command);
      const reason = inlineLabel ? "\\label names display equations only: put the formula between $$ lines of its own to number and link it" : group ? `${problem}; ${group.reason}` : problem + (unknown ? unknownReason(unknown) : environmentInstead(problem) || pairingHint(problem));
      const say = (reason: string, at: string | Point | undefined) => report(file, math, `KaTeX cannot render $${tex}$: ${reason}`.replace(/\s*\n\s*/g, " "), at);
      // An unknown command can be found in the author's TeX, at its own line.
      say(reason, group ? placeOfFound(file, math, group.text, tex, group.offset) : unknown);
      // KaTeX stops at the first unknown command: the others of the formula are found with those before it defined as nothing.
      if (inlineLabel || group || !unknown) return;
      for (const known = [unknown]; known.length < MAX_UNKNOWN_COMMANDS; ) {
        const next = /^Undefined control sequence: (\\\S+)$/.exec(katexProblem(known.map((command) => `\\def${command}{}`).join("") + texWithMacros(math), math.type === "math") ?? "")?.[1];
        if (!next || known.includes(next)) return;
        known.push(next);
        say(`Undefined control sequence: ${next}${unknownReason(next)}`, next);
      }
    });
  };
}
