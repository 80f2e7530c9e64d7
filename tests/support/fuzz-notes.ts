// Random and mutated paper notes for the content-pipeline fuzz test
// (tests/unit/content-fuzz.test.ts). Five kinds:
//   tex       valid frontmatter, a body of random TeX in display and inline math
//   markdown  valid frontmatter, random Markdown and MDX-ish syntax
//   meta      mutated frontmatter (missing and unknown keys, bad dates, bad YAML)
//   mutant    a real seed note from content/papers with random edits, mostly in math
//   valid     built only from pieces that are valid by the contract: must pass the check
// Every note may reference the three seed notes and the batch's two target notes.
// The test saves a note as .md or .mdx (a valid one with MDX in it, as .mdx only).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { frontmatter } from "./papers.ts";

export type NoteKind = "tex" | "markdown" | "meta" | "mutant" | "valid";

export interface GeneratedNote {
  kind: NoteKind;
  text: string;
  /** A file name that is not a valid slug (the note must then get a problem). */
  badName?: string;
  /** A valid note with JSX, an expression or an export: valid only as .mdx (a .md note has no components). */
  mdxOnly?: boolean;
}

export const SEED_DIR = join(import.meta.dirname, "../../content/papers");
export const SEEDS: { slug: string; text: string }[] = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith(".mdx"))
  .sort()
  .map((name) => ({ slug: name.replace(/\.mdx$/, ""), text: readFileSync(join(SEED_DIR, name), "utf8") }));

/** Two notes per batch that others link to; their titles and tags are random. */
export const TARGET_SLUGS = ["target-a", "target-b"] as const;

// ---------------------------------------------------------------- frontmatter

const TITLES = [
  "A Test Paper",
  "Scaling 100% of X: a study",
  "Attention & Memory: Notes",
  "a_b: c",
  "#1 Paper",
  "Title with {braces}",
  "Back\\slash: x",
  "$x$ Paper",
  "Cost ~ $5",
  "中文标题：副标题",
  "扩散模型: 笔记",
  "😀 Emoji: Yes",
  '"Quoted" Title',
  "x^2 and y_1",
  "Über e\u0301: ü",
  "A: B: C",
  "t".repeat(200),
  "<script>alert(1)</script>",
  "\\frac{a}{b}",
  "}{",
];
const DATES = ["2024-03-15", "2023-12-31", "2024-02-29", "1999-01-01", "2024-03-15T10:00:00Z"];
const BAD_DATES = ["2024-13-45", "2023-02-29", "yesterday", "2024-3-5", '""', "0000-00-00", "2024/03/15", "[2024]", "2024-03-15x"];

function yamlString(s: string): string {
  return JSON.stringify(s);
}

const titleArb = fc.constantFrom(...TITLES);
const validTitleArb = titleArb.filter((t) => t.trim().length > 0);

const baseFieldsArb = fc.record({
  title: validTitleArb,
  lang: fc.constantFrom("en", "zh"),
  date: fc.constantFrom(...DATES),
  tags: fc.subarray(["diffusion", "llm", "a-b", "x1"]),
  arxiv: fc.option(fc.constantFrom("2306.00637", "2401.10020v2"), { nil: undefined }),
  venue: fc.option(fc.constantFrom("ICLR 2024", "NeurIPS", "会议"), { nil: undefined }),
});

/** A valid frontmatter block (the fuzz is in the body). */
export const validFrontmatterArb = baseFieldsArb.map((f) =>
  frontmatter({
    title: yamlString(f.title),
    authors: '["Ada Lovelace", "高斯"]',
    arxiv: f.arxiv ? yamlString(f.arxiv) : "", // "" leaves the key out
    venue: f.venue ? yamlString(f.venue) : "",
    date: f.date,
    tags: JSON.stringify(f.tags),
    lang: f.lang,
  }),
);

const FRONTMATTER_MUTATIONS = [
  (l: string[]) => l.filter((x) => !x.startsWith("title:")),
  (l: string[]) => l.filter((x) => !x.startsWith("date:")),
  (l: string[]) => l.filter((x) => !x.startsWith("lang:")),
  (l: string[]) => l.filter((x) => !x.startsWith("authors:")),
  (l: string[]) => [...l.slice(0, -2), "colour: red", ...l.slice(-2)],
  (l: string[]) => [...l.slice(0, -2), "Title: Caps", ...l.slice(-2)],
  (l: string[]) => [...l.slice(0, -2), "draft: true", ...l.slice(-2)],
  (l: string[]) => [...l.slice(0, -2), "draft: yes please", ...l.slice(-2)],
  (l: string[]) => [...l.slice(0, -2), "title: duplicate", ...l.slice(-2)],
  (l: string[]) => l.map((x) => (x.startsWith("date:") ? `date: ${BAD_DATES[x.length % BAD_DATES.length]}` : x)),
  (l: string[]) => l.map((x) => (x.startsWith("date:") ? "date: 2024-13-45" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("date:") ? "date: yesterday" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("lang:") ? "lang: fr" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("title:") ? 'title: "unclosed' : x)),
  (l: string[]) => l.map((x) => (x.startsWith("title:") ? "title: a: b: c" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("title:") ? "title: [1, 2" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("title:") ? "title: 42" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("title:") ? 'title: ""' : x)),
  (l: string[]) => l.map((x) => (x.startsWith("title:") ? "title:\n  - a\n  - b" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("authors:") ? "authors: Ada" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("authors:") ? "authors: []" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("tags:") ? 'tags: ["Diffusion", "a b"]' : x)),
  (l: string[]) => l.map((x) => (x.startsWith("summary:") ? "summary: |\n  multi\n  line" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("summary:") ? "summary: {a: b}" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("summary:") ? "\tsummary: tab" : x)),
  (l: string[]) => l.map((x) => (x.startsWith("arxiv:") ? 'arxiv: "12345"' : x)),
  (l: string[]) => l.map((x) => x.replace(": ", ":")),
  (l: string[]) => l.map((x) => "  " + x),
  (l: string[]) => l.slice(1), // no opening ---
  (l: string[]) => l.slice(0, -2), // frontmatter never closed
  (l: string[]) => [l[0]!, "&anchor *alias", ...l.slice(1)],
  (l: string[]) => [l[0]!, "? complex key", ...l.slice(1)],
  (l: string[]) => [l[0]!, "%YAML 1.2", ...l.slice(1)],
  (l: string[]) => [l[0]!, "title: !!binary aGVsbG8=", ...l.slice(1)],
  (l: string[]) => [l[0]!, "<<: {title: merged}", ...l.slice(1)],
  (l: string[]) => ["---", "---", ""],
  (l: string[]) => ["", ...l], // blank line before ---
  (l: string[]) => ["\ufeff" + l[0]!, ...l.slice(1)], // byte-order mark
];

const metaNoteArb = fc
  .tuple(validFrontmatterArb, fc.array(fc.nat(FRONTMATTER_MUTATIONS.length - 1), { minLength: 1, maxLength: 3 }), fc.constantFrom("Text.\n", "$x$ and $$y$$.\n", "", "## Heading\n"), fc.boolean())
  .map(([fm, picks, body, crlf]) => {
    let lines = fm.split("\n");
    for (const pick of picks) lines = FRONTMATTER_MUTATIONS[pick]!(lines);
    const text = lines.join("\n") + "\n" + body;
    return { kind: "meta" as const, text: crlf ? text.replace(/\n/g, "\r\n") : text };
  });

// ---------------------------------------------------------------- TeX

/** Label strings that stress anchors: collisions, odd characters, empty. */
export const LABELS = ["eq:a", "eq:b", "eq:a b", "eq:a-b", "a", "eq:长", "eq:😀", "eq:x/y", "eq:{x}", "eq:", " ", "eq:a%b", "eq:#1", "eq:a_b", "eq:\\alpha", "eq:" + "z".repeat(300), "eq:a\u0301", "eq:1", "eq:$", "eq:}"];
const REF_TARGETS = [
  ...LABELS,
  "wuerstchen/eq:vqgan",
  "wuerstchen/eq:nope",
  "designedit/eq:key-masked-attention",
  "self-rewarding-language-models/eq:dpo-loss",
  "ghost/eq:x",
  "target-a/eq:a",
  "target-a/eq:tagged",
  "target-b/eq:row-1",
  "target-b/eq:missing",
  "/eq:a",
  "wuerstchen/",
  "Wuerstchen/eq:vqgan",
  "wuerstchen/eq:vqgan/x",
];
const TAGS = ["A.1", "ii", "*", "", "50\\%", "$a_1$", "a_1", "\\alpha", "中", "😀", "1", "x y", "{", "}"];

const TEX_ATOMS = [
  "x", "y", "1", "42", "+", "-", "=", "<", ">", "|", "\\|", ",", ";", "!", "'", "(", ")", "[", "]",
  "\\alpha", "\\beta", "\\infty", "\\sum_{i=1}^n", "\\int_0^1", "\\mathbb{R}", "\\mathcal{N}", "\\operatorname{softmax}", "\\operatorname*{arg\\,max}",
  "\\cdot", "\\times", "\\quad", "\\,", "\\!", "~", "\\lvert", "\\rvert", "\\{", "\\}", "\\%", "\\$", "\\#", "\\&", "\\_",
  "^", "_", "^2", "_i", "^{", "_{", "{", "}", "{}", "&", "\\\\", "\\\\[2pt]", "\\cr", "\\newline",
  "$", "$$", "%", "% comment\n", "\\", "\n", "\n\n", " ", "\t", "#", "#1", "@",
  "中文", "公式", "😀", "e\u0301", "\u200b", "\u00a0", "\u2028", "𝔸", "\u0000",
  "\\label", "\\label{", "\\eqref", "\\ref{", "\\tag", "\\tag*{x}", "\\notag", "\\nonumber", "\\nonumberx",
  "\\left(", "\\right)", "\\right.", "\\left.", "\\middle|", "\\big(", "\\Bigg]",
  "\\begin{aligned}", "\\end{aligned}", "\\begin{foo}", "\\end{cases}", "\\hline", "\\limits", "\\nolimits",
  "\\text{方法}", "\\text{a % b}", "\\text{$x$}", "\\textbf{x}", "\\mathrm{d}", "\\boxed{x}", "\\not=", "\\overbrace{x}^{y}", "\\xrightarrow{abc}",
  "\\href{javascript:alert(1)}{x}", "\\href{/papers/wuerstchen/}{x}", "\\href{https://example.org}{x}", "\\url{https://example.org}", "\\url{/papers/x/}",
  "\\htmlId{eq-x}{y}", "\\htmlId{evil}{y}", "\\htmlClass{c}{x}", "\\htmlStyle{color:red}{x}", "\\htmlData{a=b}{x}", "\\includegraphics{x.png}",
  "\\def\\foo{x}\\foo", "\\newcommand{\\bar}{y}\\bar", "\\gdef\\g{z}\\g", "\\renewcommand{\\alpha}{b}", "\\def\\a{\\a}\\a", "\\def\\b#1{#1#1}\\b{\\b{\\b{\\b{x}}}}",
  "\\color{red}{x}", "\\textcolor{blue}{x}", "\\verb|x|", "\\char\"41", "\\unicode{x41}", "\\mathchoice{a}{b}{c}{d}", "\\undefinedmacro", "\\Alpha",
  "\\begin{array}{cc} a & b \\end{array}", "\\raisebox{2pt}{x}", "\\rule{1em}{1em}", "\\kern1em", "\\hspace{100000em}", "\\tiny", "\\displaystyle",
];

const texAtomArb = fc.constantFrom(...TEX_ATOMS);
const labelArb = fc.constantFrom(...LABELS);
const refArb = fc.tuple(fc.constantFrom("eqref", "ref"), fc.constantFrom(...REF_TARGETS)).map(([cmd, target]) => `\\${cmd}{${target}}`);

const texArb: fc.Arbitrary<string> = fc.letrec<{ tex: string; group: string }>((tie) => ({
  tex: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: texAtomArb, weight: 4 },
    { arbitrary: fc.array(tie("group"), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" ")), weight: 3 },
  ),
  group: fc.oneof(
    { depthSize: "small" },
    { arbitrary: texAtomArb, weight: 6 },
    { arbitrary: refArb, weight: 2 },
    { arbitrary: labelArb.map((l) => `\\label{${l}}`), weight: 1 },
    { arbitrary: fc.constantFrom(...TAGS).map((t) => `\\tag{${t}}`), weight: 1 },
    { arbitrary: fc.tuple(tie("tex"), tie("tex")).map(([a, b]) => `\\frac{${a}}{${b}}`), weight: 1 },
    { arbitrary: tie("tex").map((a) => `\\sqrt{${a}}`), weight: 1 },
    { arbitrary: tie("tex").map((a) => `\\sqrt[3]{${a}}`), weight: 1 },
    { arbitrary: tie("tex").map((a) => `x^{${a}}_{${a}}`), weight: 1 },
    { arbitrary: tie("tex").map((a) => `\\left( ${a} \\right.`), weight: 1 },
    { arbitrary: tie("tex").map((a) => `\\text{${a}}`), weight: 1 },
    { arbitrary: tie("tex").map((a) => `{${a}`), weight: 1 },
    { arbitrary: tie("tex").map((a) => `${a}}`), weight: 1 },
    { arbitrary: environmentArb(tie("tex")), weight: 2 },
  ),
})).tex;

function environmentArb(cell: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const env = fc.constantFrom("aligned", "align", "align*", "cases", "matrix", "pmatrix", "gather", "gathered", "alignat", "split", "array", "equation", "CD");
  const row = fc.tuple(fc.array(cell, { minLength: 1, maxLength: 3 }), fc.option(labelArb), fc.option(fc.constantFrom("\\notag", "\\nonumber", "\\tag{A}")));
  return fc.tuple(env, fc.array(row, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "\\\\", "\\\\ ")).map(([name, rows, tail]) =>
    [
      `\\begin{${name}}${name === "alignat" ? "{2}" : name === "array" ? "{cc}" : ""}`,
      rows.map(([cells, label, mark]) => cells.join(" & ") + (label !== null ? ` \\label{${label}}` : "") + (mark ? ` ${mark}` : "")).join(" \\\\\n") + tail,
      `\\end{${name}}`,
    ].join("\n"),
  );
}

/** Very long or deeply nested TeX. */
const bigTexArb = fc.tuple(fc.constantFrom("{", "\\frac{1}{", "\\sqrt{", "x^{", "\\left(", "\\text{", "\\begin{aligned}", "\\def\\x{\\x x}", "\\label{", "\\\\"), fc.integer({ min: 50, max: 1500 }), fc.boolean()).map(
  ([open, depth, close]) => {
    const closer = open.endsWith("{") ? "}" : open === "\\left(" ? "\\right)" : open === "\\begin{aligned}" ? "\\end{aligned}" : "";
    return open.repeat(depth) + "x" + (close ? closer.repeat(depth) : "");
  },
);
const longTexArb = fc.tuple(fc.constantFrom("x+", "a & b \\\\ ", "\\alpha ", "中", "\\eqref{eq:a}", "\\label{eq:a}"), fc.integer({ min: 500, max: 5000 })).map(([unit, n]) => unit.repeat(n));

function display(tex: string, style: number): string {
  switch (style) {
    case 0:
      return `$$\n${tex}\n$$`;
    case 1:
      return `$$${tex}$$`;
    case 2:
      return `$$\n${tex}`; // never closed
    case 3:
      return `  $$\n  ${tex}\n  $$`;
    default:
      return `> $$\n> ${tex.replace(/\n/g, "\n> ")}\n> $$`;
  }
}

const mathBlockArb = fc.oneof(
  { arbitrary: fc.tuple(texArb, fc.constantFrom(0, 0, 0, 0, 1, 3, 4)).map(([tex, style]) => display(tex, style)), weight: 8 },
  { arbitrary: texArb.map((tex) => display(tex, 2)), weight: 1 },
  { arbitrary: fc.tuple(texArb, texArb).map(([a, b]) => `Inline $${a}$ and $${b}$ and $$${a}$$.`), weight: 6 },
  { arbitrary: refArb.map((r) => `See $${r}$.`), weight: 3 },
  { arbitrary: fc.tuple(refArb, texAtomArb).map(([r, a]) => `Also $${a} = ${r}$.`), weight: 2 },
  { arbitrary: fc.oneof(bigTexArb, longTexArb).map((tex) => display(tex, 0)), weight: 1 },
  { arbitrary: fc.oneof(bigTexArb, longTexArb).map((tex) => `$${tex}$`), weight: 1 },
);

// ---------------------------------------------------------------- Markdown

const HEADINGS = ["Method", "Method", "方法", "方法", "Eq loss", "eq a", "1", "Résumé", "😀 emoji", "$x$ in heading", "`code`", "a {b}", "<Note>", "Eq 1", "", "#", "Über", "A & B", "Related work"];
const LINKS = [
  "/papers/wuerstchen/#eq-vqgan",
  "/papers/wuerstchen/#eq-nope",
  "/papers/wuerstchen/",
  "/papers/wuerstchen",
  "/papers/ghost/",
  "/papers/target-a/#eq-a",
  "/papers/target-b/#eq-row-1",
  "/papers/wuerstchen/#stage-a-a-mild-vqgan",
  "#eq-a",
  "#eq-1",
  "#eq-",
  "/papers/",
  "/papers//#x",
  "javascript:alert(1)",
  "/papers/%E4%B8%AD/",
  "/tags/diffusion/",
  "https://example.org/papers/x/",
  "//evil.example/",
  "<no spaces>",
  "/papers/designedit/#eq-key-masked-attention?x",
];
const WORDS = ["text", "模型", "😀", "e\u0301", "**bold**", "*em*", "_u_", "~~del~~", "\\$5", "$5", "100%", "a & b", "a < b", "a<b", "x{y}", "{", "}", "<", ">", "<br>", "<br/>", "<Note>", "</Note>", "<div>", "<script>alert(1)</script>", "<!-- c -->", "`code`", "``a ` b``", "`", "[^1]", "[x]", "<https://example.org>", "\\", "|", "&amp;", "&#x3C;", "{/* c */}", "{1 + 1}", "@", "*", "_", "\u0000", "\t"];
const CODE_LANGS = ["python", "ts", "text", "", "nonexistent-lang", "PYTHON", "c++", "py {1,3}", "mermaid", "math", "ansi", "diff", "latex", "{x}", "<b>", "`x`", "😀"];
const CODE_BODIES = ["print(1)", "x = {a: 1}", "<script>alert(1)</script>", "$x$ \\frac{a}{b}", "```", "\t\tindent", "", "中文", "}{", "katex-error"];

const inlineArb = fc.array(
  fc.oneof(
    { arbitrary: fc.constantFrom(...WORDS), weight: 6 },
    { arbitrary: fc.tuple(fc.constantFrom("link", "[x]", "`c`", "$x$", ""), fc.constantFrom(...LINKS)).map(([t, u]) => `[${t}](${u})`), weight: 2 },
    { arbitrary: texAtomArb.map((t) => `$${t}$`), weight: 2 },
    { arbitrary: refArb.map((r) => `$${r}$`), weight: 1 },
  ),
  { minLength: 1, maxLength: 10 },
).map((parts) => parts.join(" "));

const markdownBlockArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(...HEADINGS)).map(([d, h]) => `${"#".repeat(d)} ${h}`), weight: 3 },
  { arbitrary: inlineArb, weight: 5 },
  { arbitrary: fc.array(inlineArb, { minLength: 1, maxLength: 4 }).map((items) => items.map((i, n) => `${"  ".repeat(n % 3)}- ${i}`).join("\n")), weight: 2 },
  { arbitrary: fc.array(inlineArb, { minLength: 1, maxLength: 3 }).map((items) => items.map((i, n) => `${n + 1}. [${n % 2 ? "x" : " "}] ${i}`).join("\n")), weight: 1 },
  {
    arbitrary: fc.tuple(fc.array(inlineArb, { minLength: 1, maxLength: 3 }), fc.constantFrom("| --- | --- |", "|:-:|", "| - |")).map(([cells, sep]) => `| a | b |\n${sep}\n| ${cells.join(" | ")} |\n| $x|y$ | \\| |`),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(fc.constantFrom("```", "~~~", "````"), fc.constantFrom(...CODE_LANGS), fc.constantFrom(...CODE_BODIES), fc.boolean()).map(([fence, lang, body, closed]) => `${fence}${lang}\n${body}\n${closed ? fence : ""}`),
    weight: 2,
  },
  { arbitrary: inlineArb.map((t) => `> ${t}\n> > ${t}`), weight: 1 },
  { arbitrary: fc.constantFrom("<Note>\ntext\n</Note>", "<div class=\"x\">\n\n$x$\n\n</div>", "<br>", "<Foo bar={1} />", "{/* comment */}", "export const x = 1", "import X from './x'", "<>\n</>", "<a href=\"/papers/ghost/\">x</a>", "<span>{'{'}</span>", "<svg><path d=\"M0\"/></svg>"), weight: 1 },
  { arbitrary: fc.constantFrom("---", "***", "", "\n\n\n", "[^1]: A footnote with $x$.", "[r]: /papers/ghost/", "[w]: /papers/wuerstchen/#eq-vqgan", "    indented code {x}", "\\", "<!-- comment -->", "+ plus"), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom("> ", "- ", "1. ", "* ", "[", "**", "<div>"), fc.integer({ min: 20, max: 400 })).map(([u, n]) => u.repeat(n) + "x"), weight: 1 },
  { arbitrary: mathBlockArb, weight: 4 },
);

function bodyOf(blocks: fc.Arbitrary<string>, maxBlocks: number): fc.Arbitrary<string> {
  return fc.array(fc.tuple(blocks, fc.constantFrom("\n\n", "\n\n", "\n\n", "\n", "")), { minLength: 1, maxLength: maxBlocks }).map((parts) => parts.map(([b, sep]) => b + sep).join("") + "\n");
}

const texNoteArb = fc.tuple(validFrontmatterArb, bodyOf(fc.oneof({ arbitrary: mathBlockArb, weight: 5 }, { arbitrary: markdownBlockArb, weight: 1 }), 8)).map(([fm, body]) => ({ kind: "tex" as const, text: fm + "\n" + body }));
const markdownNoteArb = fc.tuple(validFrontmatterArb, bodyOf(markdownBlockArb, 10)).map(([fm, body]) => ({ kind: "markdown" as const, text: fm + "\n" + body }));

// ---------------------------------------------------------------- seed mutations

const INSERTS = ["{", "}", "$", "$$", "\\", "&", "_", "^", "%", "\\\\", "\n", "\n$$\n", "<", "`", "```", "|", "#", "\\label{eq:a}", "\\eqref{eq:a}", "\\notag", "\\tag{x}", "\\end{aligned}", "\\begin{aligned}", "中", "😀", "\u0301", "\\left(", "\\right", "\\frac"];
const MATHY = /[$\\{}&^_]/g;

interface Mutation {
  op: "delete" | "insert" | "duplicate" | "swap" | "delete-line" | "duplicate-line" | "swap-lines" | "truncate";
  at: number;
  other: number;
  mathy: boolean;
  insert: string;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom("delete", "delete", "insert", "insert", "duplicate", "swap", "delete-line", "duplicate-line", "swap-lines", "truncate"),
  at: fc.nat(),
  other: fc.nat(),
  mathy: fc.boolean(),
  insert: fc.constantFrom(...INSERTS),
});

/** A position in `text`; with `mathy`, one at a TeX-special character. */
function position(text: string, at: number, mathy: boolean): number {
  if (mathy) {
    const spots = [...text.matchAll(MATHY)].map((m) => m.index);
    if (spots.length > 0) return spots[at % spots.length]!;
  }
  return at % Math.max(1, text.length);
}

export function mutate(text: string, m: Mutation): string {
  const i = position(text, m.at, m.mathy);
  const lines = text.split("\n");
  const line = text.slice(0, i).split("\n").length - 1;
  const otherLine = m.other % lines.length;
  switch (m.op) {
    case "delete":
      return text.slice(0, i) + text.slice(i + 1 + (m.other % 3));
    case "insert":
      return text.slice(0, i) + m.insert + text.slice(i);
    case "duplicate":
      return text.slice(0, i) + text.slice(i, i + 1 + (m.other % 8)) + text.slice(i);
    case "swap":
      return text.slice(0, i) + text.slice(i + 1, i + 2) + text.slice(i, i + 1) + text.slice(i + 2);
    case "delete-line":
      return lines.filter((_, n) => n !== line).join("\n");
    case "duplicate-line":
      return [...lines.slice(0, line + 1), lines[line]!, ...lines.slice(line + 1)].join("\n");
    case "swap-lines": {
      const copy = [...lines];
      [copy[line], copy[otherLine]] = [copy[otherLine]!, copy[line]!];
      return copy.join("\n");
    }
    case "truncate":
      return text.slice(0, Math.max(i, Math.floor(text.length / 2)));
  }
}

const mutantNoteArb = fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([seed, mutations]) => ({
  kind: "mutant" as const,
  text: mutations.reduce(mutate, seed.text),
}));

// ---------------------------------------------------------------- valid by construction

/** Formulas that are valid for KaTeX and for our plugins, in display and inline mode. */
const VALID_TEX = [
  "x^2 + y^2 = z^2",
  "\\frac{a}{b} + \\sqrt{x}",
  "\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}",
  "\\mathbb{E}_{x \\sim p}\\left[ \\log p(x) \\right]",
  "\\text{损失} = \\lVert \\epsilon - \\hat\\epsilon \\rVert^2",
  "f(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
  "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
  "\\operatorname*{arg\\,max}_\\theta \\; p_\\theta(y \\mid x)",
  "\\href{/papers/wuerstchen/}{\\text{Würstchen}}",
  // Not \\$: inside $...$ it would end the formula (remark-math has no escapes in math).
  "50\\% \\text{ of } x",
  "\\alpha_{t} \\cdot \\bar\\alpha_{t-1}",
];
const VALID_TAGS = ["A.1", "ii", "*", "50\\%", "$a_1$", "x y", "中"];
const VALID_LINKS = ["/papers/wuerstchen/#eq-vqgan", "/papers/wuerstchen/", "/papers/target-a/#eq-a", "/papers/target-b/#eq-row-1", "/papers/designedit/#eq-key-masked-attention"];
const VALID_CROSS_REFS = ["wuerstchen/eq:vqgan", "designedit/eq:key-masked-attention", "target-a/eq:a", "target-a/eq:tagged", "target-b/eq:row-1", "target-b/eq:row-2"];

/** MDX that Astro's MDX compiles without any import: such notes take the MDX path. */
const VALID_JSX = [
  '<div className="aside">\n\nSee $x^2$ and [the paper](/papers/wuerstchen/).\n\n</div>',
  "<details>\n<summary>Proof</summary>\n\nBy $\\frac{a}{b} = c$.\n\n</details>",
  "{/* a comment for the author */}",
  "Some <abbr title=\"Kullback-Leibler\">KL</abbr> divergence and <sub>2</sub>.",
  "export const answer = 42;\n\nThe answer is {answer}, or {String(6 * 7)}.",
];

type ValidPiece =
  | { kind: "display"; tex: string; tag?: string; aligned: boolean }
  | { kind: "prose"; tex: string; ref: string; inFormula: boolean; local: boolean }
  | { kind: "code"; lang: string }
  | { kind: "link"; url: string }
  | { kind: "heading"; text: string }
  | { kind: "jsx"; mdx: string };

const validPieceArb: fc.Arbitrary<ValidPiece> = fc.oneof(
  fc.record({ kind: fc.constant("display" as const), tex: fc.constantFrom(...VALID_TEX), tag: fc.option(fc.constantFrom(...VALID_TAGS), { nil: undefined }), aligned: fc.boolean() }),
  fc.record({ kind: fc.constant("prose" as const), tex: fc.constantFrom(...VALID_TEX), ref: fc.constantFrom(...VALID_CROSS_REFS), inFormula: fc.boolean(), local: fc.boolean() }),
  fc.record({ kind: fc.constant("code" as const), lang: fc.constantFrom("python", "text", "bash", "ts", "") }),
  fc.record({ kind: fc.constant("link" as const), url: fc.constantFrom(...VALID_LINKS) }),
  fc.record({ kind: fc.constant("heading" as const), text: fc.constantFrom("Background", "方法", "Results and discussion", "Über alles", "Results") }),
  fc.record({ kind: fc.constant("jsx" as const), mdx: fc.constantFrom(...VALID_JSX) }),
);

/** A note that follows CONTENT-FORMAT.md everywhere: the check must accept it. */
const validNoteArb = fc.tuple(validFrontmatterArb, fc.array(validPieceArb, { minLength: 1, maxLength: 10 })).map(([fm, pieces]) => {
  const blocks: string[] = [];
  const labels: string[] = [];
  const headings = new Set<string>();
  let mdxOnly = false;
  for (const piece of pieces) {
    if (piece.kind === "display") {
      const label = `eq:v${labels.length}`;
      labels.push(label);
      const tag = piece.tag !== undefined ? ` \\tag{${piece.tag}}` : "";
      blocks.push(piece.aligned ? `$$\n\\begin{aligned}\n${piece.tex} \\\\\n&= 0\n\\end{aligned}${tag}\n\\label{${label}}\n$$` : `$$\n${piece.tex}${tag} \\label{${label}}\n$$`);
    } else if (piece.kind === "prose") {
      const ref = piece.local && labels.length > 0 ? labels[labels.length - 1]! : piece.ref;
      blocks.push(piece.inFormula ? `By $${piece.tex} = \\eqref{${ref}}$, and $\\ref{${ref}}$.` : `See $\\eqref{${ref}}$ and $${piece.tex}$.`);
    } else if (piece.kind === "code") {
      blocks.push("```" + piece.lang + "\nfor i in range(3):\n    print(i)  # 100% {x}\n```");
    } else if (piece.kind === "jsx") {
      if (!blocks.includes(piece.mdx)) blocks.push(piece.mdx);
      mdxOnly = true;
    } else if (piece.kind === "link") {
      blocks.push(`A [link](${piece.url}) to another note.`);
    } else if (!headings.has(piece.text)) {
      headings.add(piece.text);
      blocks.push(`## ${piece.text}`);
    }
  }
  return { kind: "valid" as const, text: fm + "\n" + blocks.join("\n\n") + "\n", mdxOnly };
});

// ---------------------------------------------------------------- notes and targets

const BAD_NAMES = ["Upper-Case", "under_score", "trailing-", "a--b", "中文", "with space", "x.y"];

export const noteArb: fc.Arbitrary<GeneratedNote> = fc
  .tuple(
    fc.oneof({ arbitrary: texNoteArb, weight: 7 }, { arbitrary: markdownNoteArb, weight: 5 }, { arbitrary: metaNoteArb, weight: 2 }, { arbitrary: mutantNoteArb, weight: 3 }, { arbitrary: validNoteArb, weight: 3 }),
    // About 1 note in 20 gets a bad name (fc.option's freq is the other way round: 1 in freq is nil),
    // so that most notes stand or fall by their text, and those that pass reach the checks after rendering.
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 19 }, { arbitrary: fc.constantFrom(...BAD_NAMES), weight: 1 }),
  )
  .map(([note, badName]) => (badName && note.kind !== "valid" ? { ...note, badName } : note));

/** A note other notes refer to: valid TeX with labels and a custom tag; a random title. */
export const targetArb: fc.Arbitrary<string> = fc.tuple(validFrontmatterArb, fc.constantFrom(...VALID_TAGS)).map(
  ([fm, tag]) => `${fm}
## Target

$$
a = b \\label{eq:a}
$$

$$
c = d \\tag{${tag}} \\label{eq:tagged}
$$

$$
\\begin{align}
x &= 1 \\label{eq:row-1} \\\\
y &= 2 \\label{eq:row-2}
\\end{align}
$$
`,
);
