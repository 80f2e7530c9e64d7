// Pure TeX analysis for display equations: labels, \notag, \tag, align rows.
// KaTeX knows none of \label/\eqref/\ref and numbers `align` with CSS counters,
// so numbering happens here and KaTeX only ever sees explicit \tag{...}.

export interface EquationRow {
  label?: string;
  /** Author-written \tag{...} text; it replaces the automatic number. */
  customTag?: string;
  /** That \tag command as written (`\tag*{ A }`), to point at. */
  tagAsWritten?: string;
  /** The tag was \tag*{...}: shown without parentheses. */
  bareTag?: boolean;
  /** \notag or \nonumber was present. */
  unnumbered: boolean;
}

export interface ParsedDisplay {
  /** TeX with \label, \tag, \notag and \nonumber removed. */
  body: string;
  /** Set when each row carries its own number (align/gather, or several labels). */
  rowEnvironment?: {
    name: string;
    before: string;
    rows: string[];
    /**
     * Where each row is in the TeX parsed, which is where it is as written too: what is blanked out
     * or replaced before the parse keeps its length (definitions, \\*, comments). See rowTexAsWritten.
     */
    rowPlaces: [start: number, end: number][];
    after: string;
  };
  rows: EquationRow[];
  problems: DisplayProblem[];
}

/** A problem of a display's labels or tags; `at` is the TeX it is about, as written, to point at. */
export interface DisplayProblem {
  reason: string;
  at?: string;
}

export interface NumberedEquation {
  /** Shown number, without parentheses: "3" or a custom tag. */
  number?: string;
  anchor?: string;
  label?: string;
  /** Shown without parentheses (\tag*). */
  bare?: boolean;
}

/**
 * For a reference or link written by number (`\eqref{eq:4}`, `\eqref{4}`, `#eq-4`) rather than by label, which
 * stays when equations are added above: the number, and the equation among these that has it, if any.
 */
export function numberedAsWritten<E extends { number?: string }>(written: string, equations: Iterable<E>): { number: string; equation?: E } | undefined {
  const number = /^(?:eq[:-])?(\d+)$/.exec(written)?.[1];
  if (number === undefined) return undefined;
  for (const equation of equations) if (equation.number === number) return { number, equation };
  return { number };
}

const ROW_ENVIRONMENTS = new Set(["align", "align*", "gather", "gather*", "alignat", "alignat*", "flalign", "flalign*", "aligned", "gathered", "alignedat"]);
/** A display that is one starred environment, `\begin{align*}…\end{align*}`. */
const STARRED_ENVIRONMENT = /^\s*\\begin\{([a-z]+)\*\}[\s\S]*\\end\{\1\*\}\s*$/;
// LaTeX numbers every row of these; starred and inner (aligned) ones only when labelled.
const NUMBERS_EVERY_ROW = new Set(["align", "gather", "alignat", "flalign"]);
/** The optional space of a `\\` that ends a row, `[4pt]`, as the next row's text starts with it. */
const ROW_SPACE = /^\[[^\]]*\]/;

/** Characters other than letters (of any script: `eq:注意力` is `eq-注意力`), digits, `-` and `_` become `-`. */
function anchorText(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}_-]/gu, "-");
}

/** `\label{eq:noise-objective}` → `eq-noise-objective` (CONTENT-FORMAT.md). */
export function anchorForLabel(label: string): string {
  return "eq-" + anchorText(label.replace(/^eq:/, ""));
}

/** The TeX with each comment (an unescaped % to the end of its line) blanked out, offsets kept. */
export function maskTexComments(tex: string): string {
  if (!tex.includes("%")) return tex;
  let out = "";
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === "\\") {
      out += tex.slice(i, i + 2);
      i++;
    } else if (tex[i] === "%") {
      const end = tex.indexOf("\n", i);
      const stop = end < 0 ? tex.length : end;
      out += " ".repeat(stop - i);
      i = stop - 1;
    } else out += tex[i];
  }
  return out;
}

/** Reads a brace group starting at `open` (which must be `{`); returns its content and end. */
export function readBraceGroup(tex: string, open: number): { content: string; end: number } | undefined {
  if (tex[open] !== "{") return undefined;
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return { content: tex.slice(open + 1, i), end: i + 1 };
  }
  return undefined;
}

/** Removes `\name{...}` commands from `tex` and returns their arguments, and each command as written. */
function extractCommand(tex: string, name: string, problems: DisplayProblem[]): { rest: string; args: string[]; written: string[] } {
  const pattern = new RegExp(String.raw`\\${name}(?![A-Za-z])\s*`, "g");
  const args: string[] = [];
  const written: string[] = [];
  let rest = "";
  let last = 0;
  for (let match = pattern.exec(tex); match; match = pattern.exec(tex)) {
    const group = readBraceGroup(tex, match.index + match[0].length);
    if (!group) {
      problems.push({ reason: `\\${name} needs an argument in braces`, at: tex.slice(match.index).split("\n")[0]!.trim() });
      continue;
    }
    rest += tex.slice(last, match.index);
    args.push(group.content.trim());
    written.push(tex.slice(match.index, group.end));
    last = group.end;
    pattern.lastIndex = group.end;
  }
  return { rest: rest + tex.slice(last), args, written };
}

function parseRow(tex: string, problems: DisplayProblem[]): { body: string; row: EquationRow } {
  const labels = extractCommand(tex, "label", problems);
  const tags = extractCommand(labels.rest, "tag\\*?", problems);
  const unnumbered = /\\(?:notag|nonumber)(?![A-Za-z])/.test(tags.rest);
  const body = tags.rest.replace(/\\(?:notag|nonumber)(?![A-Za-z])/g, "");
  if (labels.args.length > 1) problems.push({ reason: `one equation has ${labels.args.length} labels: ${labels.args.join(", ")}`, at: `{${labels.args[1]}}` });
  if (tags.args.length > 1) problems.push({ reason: `one equation has ${tags.args.length} \\tag commands`, at: `{${tags.args[1]}}` });
  const label = labels.args[0];
  if (label !== undefined && !/\S/.test(label)) problems.push({ reason: "\\label{} is empty", at: "\\label{" });
  // \eqref{a/b} is equation b of paper a: such a label could never be referred to.
  if (label?.includes("/")) problems.push({ reason: `\\label{${label}}: a label cannot hold /, as \\eqref{paper/label} is another paper's equation; write \\label{${label.replace(/\//g, "-")}}`, at: `{${label}}` });
  return { body, row: { label, customTag: tags.args[0], tagAsWritten: tags.written[0], bareTag: /\\tag\*/.test(labels.rest) || undefined, unnumbered } };
}

/** Where each row of an environment body starts and ends: split on top-level `\\` (not inside braces or nested environments). */
function splitRows(body: string): [start: number, end: number][] {
  const rows: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (ch === "\\") {
      if (body.startsWith("\\begin{", i)) depth++;
      else if (body.startsWith("\\end{", i)) depth--;
      else if (body[i + 1] === "\\" && depth === 0) {
        rows.push([start, i]);
        start = i + 2;
      }
      i++;
    }
  }
  rows.push([start, body.length]);
  return rows;
}

/** Finds a row environment that is the whole display (surrounding whitespace aside). */
function wholeRowEnvironment(tex: string): { name: string; inner: string; innerStart: number; before: string; after: string } | undefined {
  const begin = /^\s*\\begin\{([a-z]+\*?)\}(\{[^}]*\})?/.exec(tex);
  if (!begin || !ROW_ENVIRONMENTS.has(begin[1]!)) return undefined;
  const name = begin[1]!;
  const endTag = `\\end{${name}}`;
  const endAt = tex.lastIndexOf(endTag);
  if (endAt < 0) return undefined;
  const after = tex.slice(endAt + endTag.length);
  return { name, inner: tex.slice(begin[0].length, endAt), innerStart: begin[0].length, before: begin[2] ?? "", after };
}

export interface UnbalancedGroup {
  /** What the writer must fix, in words. */
  reason: string;
  /** Offset in the TeX of the brace or command at fault. */
  offset: number;
  /** That brace or command, as written. */
  text: string;
}

/**
 * The first brace or environment that is not closed (or closes nothing), if
 * any. KaTeX fails on it with words about what it expected next ("Expected &
 * or \\ or \cr or \end"); this names what is open, and where.
 */
export function unbalancedGroup(written: string): UnbalancedGroup | undefined {
  const tex = maskTexComments(written);
  const open: { text: string; name?: string; offset: number }[] = [];
  const environment = /\\(begin|end)\s*\{([^{}]*)\}/y;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === "{") open.push({ text: "{", offset: i });
    else if (ch === "}") {
      const top = open.pop();
      // None open, or an environment (which \end closes, not }).
      if (!top || top.name !== undefined) return { reason: "this } closes no {", offset: i, text: "}" };
    } else if (ch === "\\") {
      environment.lastIndex = i;
      const match = environment.exec(tex);
      if (!match) {
        i++; // \{, \} and \\ are no group
        continue;
      }
      const [command, kind, name] = match as unknown as [string, string, string];
      if (kind === "begin") open.push({ text: command, name, offset: i });
      else {
        const top = open.pop();
        if (!top) return { reason: `${command} has no \\begin{${name}}`, offset: i, text: command };
        if (top.name === undefined) return unclosedBrace(tex, top.offset);
        if (top.name !== name) return { reason: `end ${top.text} with \\end{${top.name}}`, offset: top.offset, text: top.text };
      }
      i += command.length - 1;
    }
  }
  const unclosed = open[0];
  if (!unclosed) return undefined;
  return unclosed.name !== undefined
    ? { reason: `${unclosed.text} is never closed; end it with \\end{${unclosed.name}} before the closing $$`, offset: unclosed.offset, text: unclosed.text }
    : unclosedBrace(tex, unclosed.offset);
}

function unclosedBrace(tex: string, offset: number): UnbalancedGroup {
  const after = tex.slice(offset + 1, offset + 13).replace(/\s+/g, " ").trim();
  return { reason: after ? `the { before "${after}" is never closed; add its }` : "the { at the end is never closed; add its }", offset, text: "{" };
}

/**
 * With a brace or environment left open, rows cannot be told apart ("one
 * equation has 2 labels"): KaTeX's check names the open group instead.
 * Looked for only when there is a problem, which is rare.
 */
function withoutRowProblems(tex: string, problems: DisplayProblem[]): DisplayProblem[] {
  return problems.length > 0 && unbalancedGroup(tex) ? [] : problems;
}

export function parseDisplayTex(display: string): ParsedDisplay {
  // A \label in a comment is none, and a \tag put after a comment would be one.
  const tex = maskTexComments(display);
  const problems: DisplayProblem[] = [];
  const env = wholeRowEnvironment(tex);
  if (env) {
    // Masking keeps every offset: a row's place in `tex` is its place in `display`.
    const ranges = splitRows(env.inner);
    const rawRows = ranges.map(([start, end]) => env.inner.slice(start, end));
    const labelCount = (env.inner.match(/\\label(?![A-Za-z])/g) ?? []).length;
    const trailing = parseRow(env.after, problems);
    // A \tag on a row of align* is that row's, as in LaTeX; a single \label numbers the whole display.
    const rowTagged = env.name.endsWith("*") && /\\tag(?![A-Za-z])/.test(env.inner);
    const perRow = NUMBERS_EVERY_ROW.has(env.name) || labelCount > 1 || rowTagged;
    if (perRow && rawRows.length > 1 && !trailing.row.label && !trailing.row.customTag) {
      const parsed = rawRows.map((row, i) => ({ ...parseRow(row, problems), place: [env.innerStart + ranges[i]![0], env.innerStart + ranges[i]![1]] as [number, number] }));
      // A row that is only whitespace after a final \\ is no row.
      const rows = parsed.filter((p, i) => i < parsed.length - 1 || /\S/.test(p.body) || p.row.label);
      // Rows of align* or aligned are numbered because of their labels: a row without one (or a \tag) has no number, as in LaTeX.
      if (!NUMBERS_EVERY_ROW.has(env.name)) for (const { row } of rows) if (row.label === undefined && row.customTag === undefined) row.unnumbered = true;
      return {
        body: tex,
        rowEnvironment: { name: env.name, before: env.before, rows: rows.map((r) => r.body), rowPlaces: rows.map((r) => r.place), after: trailing.body },
        rows: rows.map((r) => r.row),
        problems: withoutRowProblems(tex, problems),
      };
    }
  }
  const single = parseRow(tex, problems);
  // A starred environment (equation*, align*) is unnumbered, as in LaTeX, unless it is labelled or tagged.
  if (STARRED_ENVIRONMENT.test(tex) && single.row.label === undefined && single.row.customTag === undefined) single.row.unnumbered = true;
  return { body: single.body.trim(), rows: [single.row], problems: withoutRowProblems(tex, problems) };
}

/** The TeX that KaTeX renders: numbers become explicit tags, row anchors become \htmlId. */
export function texForRendering(parsed: ParsedDisplay, numbers: NumberedEquation[]): string {
  const tag = (eq: NumberedEquation | undefined, withId: boolean) => {
    if (!eq?.number) return "";
    // A number is digits or the author's own \tag TeX, which goes back as written.
    const text = eq.number;
    const command = eq.bare ? "\\tag*" : "\\tag";
    return withId && eq.anchor ? ` ${command}{\\htmlId{${eq.anchor}}{${text}}}` : ` ${command}{${text}}`;
  };
  const env = parsed.rowEnvironment;
  if (!env) return parsed.body + tag(numbers[0], false);
  // KaTeX allows \tag per row only in the starred top-level forms.
  const starred = env.name.replace(/^aligned$/, "align").replace(/^gathered$/, "gather").replace(/^alignedat$/, "alignat").replace(/\*?$/, "*");
  // The space a row's \\[4pt] asks for stays with the \\ before the row (KaTeX reads it only right after, as amsmath does).
  const rows = env.rows.map((row, i) => {
    const space = i > 0 ? (ROW_SPACE.exec(row)?.[0] ?? "") : "";
    return (i > 0 ? ` \\\\${space}\n` : "") + row.slice(space.length).trim() + tag(numbers[i], true);
  });
  return `\\begin{${starred}}${env.before}\n${rows.join("")}\n\\end{${starred}}${env.after}`;
}

/** One row of a display of several, alone in its environment, with its number (a preview of that row's equation, away from its page). */
export function rowTexForRendering(parsed: ParsedDisplay, row: number, number: NumberedEquation): string {
  const env = parsed.rowEnvironment!;
  const last = row === env.rows.length - 1;
  const alone = { ...env, rows: [rowWithoutSpace(env.rows[row]!, row)], rowPlaces: [], after: last ? env.after : "" };
  return texForRendering({ ...parsed, rowEnvironment: alone }, [number]);
}

/**
 * One row of a display of several as written (`written`: the display's TeX as the author wrote it, which was
 * parsed with its definitions blanked out), alone in the environment as written: a formula of its own, pasted
 * into a note or a LaTeX file, with its label, tag, comments and definitions.
 */
export function rowTexAsWritten(parsed: ParsedDisplay, row: number, written: string): string {
  const env = parsed.rowEnvironment!;
  const after = row === env.rows.length - 1 ? env.after.trim() : "";
  const tex = written.slice(...env.rowPlaces[row]!);
  // As written, a \\* that ended the row before leaves its star here (the TeX parsed had "\\ ").
  return `\\begin{${env.name}}${env.before}\n${rowWithoutSpace(row > 0 ? tex.replace(/^\*/, "") : tex, row).trim()}\n\\end{${env.name}}${after}`;
}

/** A row without the space its \\[4pt] asks for, which belongs between it and the row before. */
function rowWithoutSpace(tex: string, row: number): string {
  return row > 0 ? tex.replace(ROW_SPACE, "") : tex;
}

const TEXT_MODE_ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
};

/** Plain text (a paper title) as TeX text, for KaTeX's \text{...} and for BibTeX: "Scaling 100% of X" → "Scaling 100\% of X". */
export function texText(text: string): string {
  return text.replace(/[\\{}$%#&_^~]/g, (c) => TEXT_MODE_ESCAPES[c] ?? "\\" + c);
}

/** Numbers the rows of one display, continuing from `counter`; returns the new counter. */
export function numberRows(rows: EquationRow[], counter: number): { equations: NumberedEquation[]; counter: number } {
  const equations = rows.map((row) => {
    let number: string | undefined;
    if (row.customTag !== undefined) number = row.customTag;
    else if (!row.unnumbered) number = String(++counter);
    const anchor = row.label !== undefined ? anchorForLabel(row.label) : number !== undefined ? (row.customTag !== undefined ? "eq-tag-" + anchorText(row.customTag) : `eq-${number}`) : undefined;
    return { number, anchor, label: row.label, bare: row.bareTag };
  });
  return { equations, counter };
}

export interface EquationRef {
  /** "eqref" shows "(N)"; "ref" shows "N". */
  kind: "eqref" | "ref";
  /** Target paper slug, when the reference crosses papers. */
  slug?: string;
  label: string;
  /** Offset of the command within the TeX string, and its length. */
  start: number;
  length: number;
}

/** Finds \eqref{..} and \ref{..} in a TeX string. `slug/eq:x` targets another paper. */
export function findEquationRefs(tex: string): EquationRef[] {
  const refs: EquationRef[] = [];
  const pattern = /\\(eqref|ref)(?![A-Za-z])\s*/g;
  for (let match = pattern.exec(tex); match; match = pattern.exec(tex)) {
    const group = readBraceGroup(tex, match.index + match[0].length);
    if (!group) continue;
    const target = group.content.trim();
    const slash = target.indexOf("/");
    refs.push({
      kind: match[1] as "eqref" | "ref",
      slug: slash > 0 ? target.slice(0, slash) : undefined,
      label: slash > 0 ? target.slice(slash + 1) : target,
      start: match.index,
      length: group.end - match.index,
    });
    pattern.lastIndex = group.end;
  }
  return refs;
}

/** The TeX with each reference replaced by what `replacement` gives for it (kept as written when it gives undefined). */
export function replaceEquationRefs(tex: string, replacement: (ref: EquationRef, index: number) => string | undefined): string {
  let out = "";
  let last = 0;
  findEquationRefs(tex).forEach((ref, i) => {
    out += tex.slice(last, ref.start) + (replacement(ref, i) ?? tex.slice(ref.start, ref.start + ref.length));
    last = ref.start + ref.length;
  });
  return out + tex.slice(last);
}

/** What a reference shows: "(3)" for \eqref, "3" for \ref. */
export function refNumber(kind: EquationRef["kind"], number: string): string {
  return kind === "eqref" ? `(${number})` : number;
}
