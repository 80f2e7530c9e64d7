// For the content check: every name that a note's MDX uses must be defined.
// MDX turns `{x | x > 0}` in prose into JavaScript and `<Note>` into a
// component; undefined, they pass the MDX parser and only fail when Astro
// renders the page, as a stack trace without the note's line. Braces that use
// no name at all (`{1, 2}`, shown as "2") are allowed, but the author hears of them.
import type { Node as EsNode, Program } from "estree";
import type { Root } from "mdast";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from "mdast-util-mdx-jsx";
import { analyze } from "periscopic";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { didYouMean } from "../lib/did-you-mean.ts";
import { report, SOURCE } from "./messages.ts";

/** What MDX and Astro give every expression: the content's props, and the note's frontmatter. */
const PROVIDED = new Set(["props", "frontmatter"]);

type EstreeCarrier = { data?: { estree?: Program | null } };

export default function remarkMdxNames() {
  return (tree: Root, file: VFile) => {
    const defined = new Set(PROVIDED);
    // Imports and exports may come after their use: MDX hoists them.
    visit(tree, "mdxjsEsm", (node) => {
      const program = (node as EstreeCarrier).data?.estree;
      if (program) for (const name of analyze(program).scope.declarations.keys()) defined.add(name);
    });
    const isDefined = (name: string) => defined.has(name) || name in globalThis;
    const toldBegins = new Set<string>();

    visit(tree, (node) => {
      if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
        const program = (node as EstreeCarrier).data?.estree;
        const names = freeNames(program);
        if (names.length === 0 && program && program.body.length > 0 && !doesWork(program) && !/^\s*(["'`])\s*\1\s*$/.test(node.value)) {
          // {1, 2}, {"a"}, {x => 1}: no name to be undefined, nothing called, yet the page shows what the JavaScript gives ("2").
          file.info(`{${node.value.trim()}}: in MDX, braces in prose hold JavaScript, so the page shows what it gives, not these characters; for the braces themselves write \\{ and \\}, or put a set in math, as $\\{1, 2\\}$`, { place: node.position, source: SOURCE, ruleId: "mdx-braces" });
          return;
        }
        const undefinedNames = names.filter((name) => !isDefined(name));
        if (undefinedNames.length === 0) return;
        const start = node.position?.start.offset ?? 0;
        const before = String(file.value).slice(Math.max(0, start - 80), start);
        // A LaTeX environment in prose: told once, at its \begin (an \end whose \begin was told is the same mistake).
        if (/\\end$/.test(before) && toldBegins.has(node.value)) return;
        const begins = /\\begin$/.test(before);
        if (begins) toldBegins.add(node.value);
        const why = begins
          ? ENVIRONMENT_IN_PROSE
          : endsInTexCommand(before)
          ? proseCommandInstead(before) ?? "TeX belongs in math: put it between $ signs"
          : "In MDX, braces in prose hold JavaScript; for the braces themselves write \\{ and \\}, or put the formula in math, as $\\{x \\mid x > 0\\}$";
        report(file, node, `{${node.value.trim()}}: ${notDefined(undefinedNames)}. ${why}`);
      } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
        // <Foo.Bar> needs Foo; lowercase names are HTML elements.
        const component = node.name?.split(".")[0];
        if (component && /^[A-Z]/.test(component) && !isDefined(component))
          report(file, node, `<${node.name}>: the component ${component} is not imported. Import it at the top of the note (import ${component} from "..."), or write \\<${node.name}> for the text itself${didYouMean(component, [...defined].filter((name) => /^[A-Z]/.test(name)))}`);
        for (const attribute of node.attributes) {
          const undefinedNames = freeNames(attributeProgram(attribute)).filter((name) => !isDefined(name));
          if (undefinedNames.length > 0) report(file, attribute.position ? attribute : node, `<${node.name ?? ""}>: ${notDefined(undefinedNames)}`);
        }
      }
    });
  };
}

/** LaTeX's commands for prose, which KaTeX has not either: what Markdown writes for each. */
const CITATION = "a citation is text here: write it out, or link the paper, as [Ho et al., 2020](https://arxiv.org/abs/2006.11239)";
const PROSE_COMMANDS: Record<string, string> = {
  cite: CITATION,
  citep: CITATION,
  citet: CITATION,
  emph: "for emphasis write *…*",
  textit: "for italics write *…*",
  textbf: "for bold write **…**",
  footnote: "for a footnote write [^1] here and [^1]: … below the paragraph",
  url: "write a link as <https://…> or [text](https://…)",
  href: "write a link as [text](https://…)",
};

/** What to write for the LaTeX prose command that `text` ends in (\cite{a}), if it is one. */
export function proseCommandInstead(text: string): string | undefined {
  const command = /\\([A-Za-z]+)(?:\{[^{}]*\})*\s*$/.exec(text)?.[1];
  const instead = command === undefined ? undefined : PROSE_COMMANDS[command];
  return instead && `\\${command} is LaTeX's, for prose, and neither MDX nor KaTeX has it: ${instead}`;
}

/** What to do with a LaTeX environment written in an MDX note's prose, where its {name} reads as JavaScript. */
export const ENVIRONMENT_IN_PROSE = "TeX belongs in math: put the environment between $$ lines of their own ($$, then \\begin{…}…\\end{…}, then $$)";

/** Whether text ends in a TeX command and its arguments so far (`\eqref`, `\frac{a}`): TeX written in prose. */
export function endsInTexCommand(text: string): boolean {
  return /\\[A-Za-z]+(?:\{[^{}]*\})*\s*$/.test(text);
}

/** Whether JavaScript calls or reads something ({list.join(", ")}, {props.x}): meant as code, unlike {1, 2}. */
function doesWork(node: unknown): boolean {
  if (node === null || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some(doesWork);
  const { type } = node as { type?: string };
  if (type === "CallExpression" || type === "MemberExpression" || type === "NewExpression" || type === "TaggedTemplateExpression") return true;
  return Object.entries(node).some(([key, value]) => key !== "loc" && key !== "range" && doesWork(value));
}

/** Names an expression reads but does not declare itself. */
function freeNames(program: Program | null | undefined): string[] {
  return program ? [...analyze(program as EsNode).globals.keys()] : [];
}

function attributeProgram(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): Program | null | undefined {
  if (attribute.type === "mdxJsxExpressionAttribute") return attribute.data?.estree;
  return typeof attribute.value === "object" ? attribute.value?.data?.estree : undefined;
}

/** `"x" is not defined`, `"a", "b" are not defined`. */
function notDefined(names: string[]): string {
  return `${names.map((name) => `"${name}"`).join(", ")} ${names.length > 1 ? "are" : "is"} not defined`;
}
