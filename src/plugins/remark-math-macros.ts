// A macro defined in a formula (\newcommand, \def, \let, \DeclareMathOperator,
// ...) holds from there to the end of the note, as in a LaTeX document and on
// MathJax pages. KaTeX renders each formula alone, and scopes a definition to
// the cell of an align it is made in, so the definitions leave the formula's
// TeX (node.value; the TeX as written stays in data.originalTex), and each
// formula is given those it uses, its own and earlier ones, as \def lines
// (node.data.macros; rehype-math-macros puts them before the TeX just before
// KaTeX). A display's copy (its TeX button) carries the earlier definitions it
// uses (node.data.copyMacros). A formula that holds nothing but definitions
// (and comments) is removed: it would show as an empty, numbered equation.
import { katexHas } from "../lib/katex-options.ts";
import type { Parent, Root } from "mdast";
import { SKIP, visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";
import { maskTexComments, readBraceGroup } from "../lib/equations.ts";
import { setMathTex, texWithMacros, type MathNode } from "../lib/mdast-math.ts";
import { placeOf, SOURCE } from "./messages.ts";

export interface MacroDefinition {
  /** The control sequence, with its backslash: "\\E". */
  name: string;
  /** The definition as KaTeX takes it: "\\def\\E#1{\\mathbb{E}[#1]}", "\\let\\eps\\varepsilon". */
  asDef: string;
  /** What follows the name in asDef: where other macros it uses are. */
  expansion: string;
  /** Where the definition is in the formula's TeX. */
  start: number;
  end: number;
  /** \providecommand: only for a name not yet defined. */
  provides: boolean;
  /** How it was written: "newcommand", "renewcommand", "def", ... */
  command: string;
}

/** The definitions that need no earlier one of their name: \renewcommand does, and \providecommand keeps it. */
const MAKES_ANEW = new Set(["newcommand", "DeclareMathOperator", "def", "gdef", "edef", "xdef", "let"]);
const DEFINITION = /\\(newcommand|renewcommand|providecommand|DeclareMathOperator|def|gdef|edef|xdef|let)(?![A-Za-z])\*?/g;
const CONTROL_SEQUENCE = /^\\(?:[A-Za-z]+|[^A-Za-z])/;

/**
 * The definitions a formula makes, in order; one that cannot be read is left to
 * KaTeX to report, and its name (if that much can be read) and place go to
 * `unreadable`. Comments are not read.
 */
export function definitionsIn(tex: string, unreadable?: { name: string; start: number }[]): MacroDefinition[] {
  const visible = maskTexComments(tex);
  const found: MacroDefinition[] = [];
  for (const match of visible.matchAll(DEFINITION)) {
    if (found.length > 0 && match.index < found.at(-1)!.end) continue; // inside a definition's body
    const at = match.index + match[0].length;
    const definition = readDefinition(visible, match.index, match[1]!, match[0].endsWith("*"), at);
    if (definition) found.push(definition);
    else {
      const name = CONTROL_SEQUENCE.exec(visible.slice(at).replace(/^\s*\{?\s*/, ""))?.[0];
      if (name) unreadable?.push({ name, start: match.index });
    }
  }
  return found;
}

function readDefinition(tex: string, start: number, command: string, starred: boolean, at: number): MacroDefinition | undefined {
  at = skipSpaces(tex, at);
  // {\E} or \E
  const braced = command === "newcommand" || command === "renewcommand" || command === "providecommand" || command === "DeclareMathOperator" ? readBraceGroup(tex, at) : undefined;
  const name = CONTROL_SEQUENCE.exec(braced ? braced.content.trim() : tex.slice(at))?.[0];
  if (!name || (braced && braced.content.trim() !== name)) return undefined;
  at = braced ? braced.end : at + name.length;
  if (command === "let") {
    // \let\eps\varepsilon, \let\eps=\varepsilon
    const other = /^\s*=?\s*(\\(?:[A-Za-z]+|[^A-Za-z])|[^\s\\{}])/.exec(tex.slice(at));
    if (!other) return undefined;
    return { name, asDef: `\\let${name}${other[1]}`, expansion: other[1]!, start, end: at + other[0].length, provides: false, command };
  }
  let parameters = "";
  if (command === "def" || command === "gdef" || command === "edef" || command === "xdef") {
    // \def\E#1{...}: the parameter text runs to the body's brace.
    const open = tex.indexOf("{", at);
    if (open < 0) return undefined;
    parameters = tex.slice(at, open).trim();
    at = open;
  } else {
    at = skipSpaces(tex, at);
    const count = command === "DeclareMathOperator" ? null : /^\[(\d)\]/.exec(tex.slice(at));
    if (count) {
      for (let n = 1; n <= Number(count[1]); n++) parameters += `#${n}`;
      at = skipSpaces(tex, at + count[0].length);
    }
  }
  const body = readBraceGroup(tex, at);
  if (!body) return undefined;
  const content = command === "DeclareMathOperator" ? `\\operatorname${starred ? "*" : ""}{${body.content}}` : body.content;
  const def = command === "edef" || command === "xdef" ? "\\edef" : "\\def";
  const expansion = `${parameters}{${content}}`;
  return { name, asDef: def + name + expansion, expansion, start, end: body.end, provides: command === "providecommand", command };
}

function skipSpaces(tex: string, at: number): number {
  while (at < tex.length && /\s/.test(tex[at]!)) at++;
  return at;
}

/** Whether TeX uses a control sequence: \E, but not \Ex. */
function uses(tex: string, name: string): boolean {
  for (let at = tex.indexOf(name); at >= 0; at = tex.indexOf(name, at + 1)) {
    if (/[A-Za-z]$/.test(name) && /[A-Za-z]/.test(tex[at + name.length] ?? "")) continue;
    if (tex[at - 1] === "\\" && tex[at - 2] !== "\\") continue; // \\E is a line break, then E
    return true;
  }
  return false;
}

/** The definitions a piece of TeX needs, and those they need in turn, in the order they were made. */
function definitionsNeeded(tex: string, known: ReadonlyMap<string, MacroDefinition>): MacroDefinition[] {
  const needed = new Set<string>();
  const pending = [tex];
  while (pending.length > 0) {
    const text = pending.pop()!;
    for (const [name, definition] of known) {
      if (needed.has(name) || !uses(text, name)) continue;
      needed.add(name);
      pending.push(definition.expansion);
    }
  }
  return [...known.values()].filter((definition) => needed.has(definition.name));
}


/**
 * The definitions a copy of a display (or of its text from `from` to `to`, a row of its align) carries before
 * it, as KaTeX takes them, a line each, so that it renders where it is pasted: those it uses of the note's
 * earlier ones (a \renewcommand of one too) and of the display's own outside the copy (another row's).
 */
export function copiedMacros(math: MathNode, from = 0, to = Infinity): string | undefined {
  const scope = math.data?.copyScope;
  if (!scope) return undefined;
  const available = new Map(scope.earlier.map((definition) => [definition.name, definition]));
  for (const definition of scope.own) {
    if (definition.start >= from && definition.end <= to) continue; // in the copy itself
    available.delete(definition.name); // a redefinition comes after what it replaces
    available.set(definition.name, definition);
  }
  const copied = definitionsNeeded((math.data?.originalTex ?? math.value).slice(from, to), available);
  return copied.length > 0 ? copied.map((definition) => definition.asDef + "\n").join("") : undefined;
}

/** What is left of a formula once its definitions are out: nothing to show, if only comments, \notag and an empty environment. */
export function showsNothing(rest: string): boolean {
  return !/\S/.test(maskTexComments(rest).replace(/\\(?:notag|nonumber)(?![A-Za-z])|\\(?:begin|end)\{[A-Za-z]+\*?\}/g, ""));
}

/**
 * LaTeX stops at a \newcommand of a name already defined, and at a
 * \renewcommand of one not yet defined. Here the definition holds (as on
 * MathJax pages), but the author hears of it: the TeX would not build as a paper.
 */
function unlikeLatex(definition: MacroDefinition, known: ReadonlyMap<string, MacroDefinition>, lines: ReadonlyMap<string, number>): string | undefined {
  const { name, command } = definition;
  if ((command === "newcommand" || command === "DeclareMathOperator") && known.has(name)) {
    const first = lines.get(name);
    const renew = command === "DeclareMathOperator" ? `\\renewcommand{${name}}{\\operatorname{…}}` : `\\renewcommand{${name}}`;
    return `\\${command}{${name}} defines ${name} again${first === undefined ? "" : ` (first on line ${first})`}, which LaTeX stops at: to redefine it, write ${renew}. The new definition holds from here on`;
  }
  if (command === "renewcommand" && !known.has(name) && !katexHas(name)) return `\\renewcommand{${name}}: ${name} is not defined before it, which LaTeX stops at: write \\newcommand{${name}}`;
  return undefined;
}

declare module "vfile" {
  interface DataMap {
    /** Each macro the note defines, and the line of its first definition. */
    mathMacroLines: ReadonlyMap<string, number>;
    /** Each macro whose definition could not be read (KaTeX reports it there), and the line of the first such. */
    unreadableMacroLines: ReadonlyMap<string, number>;
  }
}

/** The line of a place in a formula's TeX as written. */
function lineOf(math: MathNode, tex: string, offset: number): number | undefined {
  return math.position && math.position.start.line + (tex.slice(0, offset).match(/\n/g)?.length ?? 0) + (math.type === "math" ? 1 : 0);
}

export default function remarkMathMacros() {
  return (tree: Root, file?: VFile) => {
    const known = new Map<string, MacroDefinition>();
    const lines = new Map<string, number>();
    const unreadableLines = new Map<string, number>();
    const definitionsOnly: [MathNode, Parent[]][] = [];
    visitParents(tree, ["math", "inlineMath"], (node, parents) => {
      const math = node as MathNode;
      // Fast: most notes define nothing.
      if (known.size === 0 && !/def|command|let|Operator/.test(math.value)) return SKIP;
      const unreadable: { name: string; start: number }[] = [];
      const tex = math.value;
      const own = definitionsIn(tex, unreadable);
      for (const { name, start } of unreadable) {
        const line = lineOf(math, tex, start);
        if (line !== undefined && !unreadableLines.has(name)) unreadableLines.set(name, line);
      }
      // A display's copy carries the definitions it uses (copiedMacros): those made before it, and its own. Not an
      // earlier one the formula makes anew before it uses it (a \def pasted from a TeX button, or a \newcommand,
      // which KaTeX stops at after a \def of the name; an \edef{\x}{\x+1} uses it).
      if (math.type === "math" && (known.size > 0 || own.length > 0)) {
        const madeAnew = (name: string) => own.some((definition) => definition.name === name && MAKES_ANEW.has(definition.command) && !uses(tex.slice(0, definition.start) + " " + definition.expansion, name));
        const earlier = [...known.values()].filter((definition) => !madeAnew(definition.name));
        math.data = { ...math.data, copyScope: { earlier, own } };
      }
      let rest = tex;
      if (own.length > 0) {
        for (const definition of own.toReversed()) rest = rest.slice(0, definition.start) + " ".repeat(definition.end - definition.start) + rest.slice(definition.end);
        setMathTex(math, rest);
      }
      for (const definition of own) {
        if (definition.provides && (known.has(definition.name) || katexHas(definition.name))) continue;
        const line = lineOf(math, math.data!.originalTex!, definition.start);
        const notice = unlikeLatex(definition, known, lines);
        if (notice && file) file.info(notice, { place: placeOf(file, math, math.data!.originalTex!.slice(definition.start, definition.end)) ?? math.position, source: SOURCE, ruleId: "macro-redefinition" });
        if (!lines.has(definition.name) && line !== undefined) lines.set(definition.name, line);
        known.delete(definition.name); // a redefinition comes after what it replaces
        known.set(definition.name, definition);
      }
      if (own.length > 0 && showsNothing(rest)) return void definitionsOnly.push([math, parents]);
      const given = definitionsNeeded(rest, known);
      if (given.length > 0) {
        const macros = given.map((definition) => definition.asDef).join("") + "\n";
        math.data = { ...math.data, macros, hProperties: { ...math.data?.hProperties, dataMacros: macros } };
      }
      // A display's TeX button copies its TeX as written, its own definitions and all.
      const copyMacros = math.type === "math" ? copiedMacros(math) : undefined;
      if (copyMacros) math.data = { ...math.data, copyMacros };
      // KaTeX's annotation (a copied selection) keeps the definitions (rehype-katex-source). By the
      // TeX KaTeX is given, definitions and all: with them blanked out, $\def\x{1}\x$ and $\def\x{2}\x$ read alike.
      if (own.length > 0 && math.type === "inlineMath" && file) (file.data.inlineTexAsWritten ??= new Map()).set(texWithMacros(math), math.data!.originalTex!);
      return SKIP;
    });
    if (file) {
      file.data.mathMacroLines = lines;
      file.data.unreadableMacroLines = unreadableLines;
    }
    for (const [math, parents] of definitionsOnly) {
      const parent = parents.at(-1)!;
      parent.children.splice(parent.children.indexOf(math as never), 1);
      // A paragraph that held only definitions goes too (once, if it held several).
      const grandparent = parents.at(-2);
      const at = grandparent ? grandparent.children.indexOf(parent as never) : -1;
      if (parent.type === "paragraph" && at >= 0 && parent.children.every((child) => child.type === "text" && !/\S/.test(child.value))) grandparent!.children.splice(at, 1);
    }
  };
}
