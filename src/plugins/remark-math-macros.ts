// A macro defined in one formula (\newcommand, \def, ...) lasts to the end of
// the note, as in a LaTeX document and on MathJax pages. KaTeX renders each
// formula alone, so each formula that uses earlier definitions is given them
// (node.data.macros, as \def lines; rehype-math-macros prepends them just
// before KaTeX). A formula that holds nothing but definitions is removed: it
// would show as an empty, numbered equation.
import type { Parent, Root } from "mdast";
import { SKIP, visitParents } from "unist-util-visit-parents";
import { readBraceGroup } from "../lib/equations.ts";
import type { VFile } from "vfile";
import type { MathNode } from "../lib/mdast-math.ts";

export interface MacroDefinition {
  /** The control sequence, with its backslash: "\\E". */
  name: string;
  /** The definition as \def: "\\def\\E#1{\\mathbb{E}[#1]}". */
  asDef: string;
  /** Where the definition is in the formula's TeX. */
  start: number;
  end: number;
  /** \newcommand and \providecommand fail on (or skip) a name that exists: an earlier one is not given to this formula. */
  makesNew: boolean;
}

const DEFINITION = /\\(newcommand|renewcommand|providecommand|def|gdef|edef|xdef)(?![A-Za-z])/g;
const CONTROL_SEQUENCE = /^\\(?:[A-Za-z]+|[^A-Za-z])/;

/** The definitions a formula makes, in order; one KaTeX cannot read is left to KaTeX to report. */
export function definitionsIn(tex: string): MacroDefinition[] {
  const found: MacroDefinition[] = [];
  for (const match of tex.matchAll(DEFINITION)) {
    if (found.length > 0 && match.index < found.at(-1)!.end) continue; // inside a definition's body
    const command = match[1]!;
    let at = skipSpaces(tex, match.index + match[0].length);
    let name: string | undefined;
    let parameters = "";
    if (command.endsWith("command")) {
      // \newcommand{\E}[1]{...} or \newcommand\E{...}
      const braced = readBraceGroup(tex, at);
      name = braced ? CONTROL_SEQUENCE.exec(braced.content.trim())?.[0] : CONTROL_SEQUENCE.exec(tex.slice(at))?.[0];
      if (!name || (braced && braced.content.trim() !== name)) continue;
      at = skipSpaces(tex, braced ? braced.end : at + name.length);
      const count = /^\[(\d)\]/.exec(tex.slice(at));
      if (count) {
        for (let n = 1; n <= Number(count[1]); n++) parameters += `#${n}`;
        at = skipSpaces(tex, at + count[0].length);
      }
    } else {
      // \def\E#1{...}: the parameter text runs to the body's brace.
      name = CONTROL_SEQUENCE.exec(tex.slice(at))?.[0];
      if (!name) continue;
      at += name.length;
      const open = tex.indexOf("{", at);
      if (open < 0) continue;
      parameters = tex.slice(at, open).trim();
      at = open;
    }
    const body = readBraceGroup(tex, at);
    if (!body) continue;
    const def = command === "edef" || command === "xdef" ? `\\${command}` : "\\def";
    found.push({ name, asDef: `${def}${name}${parameters}{${body.content}}`, start: match.index, end: body.end, makesNew: command === "newcommand" || command === "providecommand" });
  }
  return found;
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

/** The earlier definitions a piece of TeX needs, and those they need in turn, in the order they were made. */
export function definitionsNeeded(tex: string, known: ReadonlyMap<string, MacroDefinition>): MacroDefinition[] {
  const needed = new Set<string>();
  const pending = [tex];
  while (pending.length > 0) {
    const text = pending.pop()!;
    for (const [name, definition] of known) {
      if (needed.has(name) || !uses(text, name)) continue;
      needed.add(name);
      pending.push(definition.asDef.slice(definition.asDef.indexOf("{")));
    }
  }
  return [...known.values()].filter((definition) => needed.has(definition.name));
}

declare module "vfile" {
  interface DataMap {
    /** Each macro the note defines, and the line of its first definition. */
    mathMacroLines: ReadonlyMap<string, number>;
  }
}

export default function remarkMathMacros() {
  return (tree: Root, file?: VFile) => {
    const known = new Map<string, MacroDefinition>();
    const lines = new Map<string, number>();
    const definitionsOnly: [MathNode, Parent[]][] = [];
    visitParents(tree, ["math", "inlineMath"], (node, parents) => {
      const math = node as MathNode;
      // Fast: most notes define nothing.
      if (known.size === 0 && !math.value.includes("def") && !math.value.includes("command")) return SKIP;
      const own = definitionsIn(math.value);
      const given = definitionsNeeded(math.value, known).filter((earlier) => !own.some((mine) => mine.makesNew && mine.name === earlier.name));
      if (given.length > 0) {
        const macros = given.map((definition) => definition.asDef).join("") + "\n";
        math.data = { ...math.data, macros, hProperties: { ...math.data?.hProperties, dataMacros: macros } };
      }
      for (const definition of own) {
        if (!lines.has(definition.name) && math.position) lines.set(definition.name, math.position.start.line + (math.value.slice(0, definition.start).match(/\n/g)?.length ?? 0) + (math.type === "math" ? 1 : 0));
        known.delete(definition.name); // a redefinition comes after what it replaces
        known.set(definition.name, definition);
      }
      let rest = "";
      let last = 0;
      for (const definition of own) [rest, last] = [rest + math.value.slice(last, definition.start), definition.end];
      if (own.length > 0 && !/\S/.test(rest + math.value.slice(last))) definitionsOnly.push([math, parents]);
      return SKIP;
    });
    if (file) file.data.mathMacroLines = lines;
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
