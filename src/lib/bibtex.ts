// A BibTeX entry for a paper, built from its note's frontmatter.
import { texText } from "./equations.ts";

export interface CitablePaper {
  title: string;
  authors: readonly string[];
  arxiv?: string | undefined;
  venue?: string | undefined;
  date: Date;
  /** The note's slug: the key when the author or the title has no Latin letters. */
  slug: string;
}

/** The paper's year: from the venue ("ICLR 2024"), else the arXiv id (2306.x → 2023), else the note. */
export function paperYear(paper: CitablePaper): number {
  const fromVenue = /\b(19|20)\d{2}\b/.exec(paper.venue ?? "")?.[0];
  if (fromVenue) return Number(fromVenue);
  if (paper.arxiv) return 2000 + Number(paper.arxiv.slice(0, 2));
  return paper.date.getUTCFullYear();
}

function asciiWord(text: string): string {
  return text.normalize("NFKD").replace(/[^A-Za-z0-9]/g, "").toLowerCase();
}

/** name + year + first real title word (pernias2024wurstchen); else the slug + year, as a Chinese name or title gives no ASCII word. */
export function citationKey(paper: CitablePaper): string {
  const lastName = asciiWord(paper.authors[0]?.split(/\s+/).at(-1) ?? "");
  const firstWord = paper.title.split(/[\s:]+/).map(asciiWord).find((w) => w.length > 3 && !["with", "from", "towards", "toward"].includes(w));
  return lastName && firstWord ? `${lastName}${paperYear(paper)}${firstWord}` : `${asciiWord(paper.slug)}${paperYear(paper)}`;
}

/** Braces keep capitalisation (e.g. "DDPM") as written; special characters are escaped. */
function field(value: string): string {
  return `{${escapeTex(value)}}`;
}

// <, > and | print as ¡, ¿ and — in TeX's default font encoding (KaTeX's \text shows them as typed).
const OT1_SPECIAL: Record<string, string> = { "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}" };
// Accents by their combining mark: symbol commands as {\"u}, letter commands as {\v{c}}.
const ACCENTS: Record<string, string> = { "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0307": ".", "\u0308": '"', "\u0306": "u ", "\u030A": "r ", "\u030B": "H ", "\u030C": "v ", "\u0327": "c ", "\u0328": "k " };
const LETTERS: Record<string, string> = { "ß": "{\\ss}", "æ": "{\\ae}", "Æ": "{\\AE}", "ø": "{\\o}", "Ø": "{\\O}", "œ": "{\\oe}", "Œ": "{\\OE}", "ł": "{\\l}", "Ł": "{\\L}", "ı": "{\\i}" };

/**
 * Plain text as BibTeX reads it: its special characters escaped, and accented
 * Latin letters as TeX accents (W{\"u}rstchen), which classic BibTeX sorts and
 * case-changes correctly, as it does not UTF-8. Other scripts stay as they are.
 */
export function escapeTex(text: string): string {
  return texText(text)
    .replace(/[<>|]/g, (c) => OT1_SPECIAL[c]!)
    .replace(/[^\x00-\x7F]/g, (c) => {
      if (LETTERS[c]) return LETTERS[c];
      const [base, mark, ...more] = c.normalize("NFD");
      const accent = mark && ACCENTS[mark];
      if (!base || !/[A-Za-z]/.test(base) || !accent || more.length > 0) return c;
      return accent.endsWith(" ") ? `{\\${accent.trim()}{${base}}}` : `{\\${accent}${base}}`;
    });
}

/**
 * Words with a capital past their first letter (DesignEdit, VQGAN, Large-Scale)
 * in braces, which keep them as written where a style puts titles in sentence case.
 */
function protectedCase(title: string): string {
  return title.replace(/[^\s{}]*\p{Lu}[^\s{}]*/gu, (word) => {
    const bare = word.replace(/[:,.;!?]+$/, "");
    return /^.+\p{Lu}/u.test(bare.replace(/^\\./, "")) ? `{${bare}}${word.slice(bare.length)}` : word;
  });
}

/** A venue that is a journal (TMLR, JMLR, "… Transactions on …"): cited as an article in it, not "In …". */
const JOURNAL = /\b(?:journal|transactions|letters|TMLR|JMLR|TPAMI|IJCV)\b/i;

/**
 * The authors as BibTeX splits them, at each "and": a name that holds one
 * ("Google Research and DeepMind") is braced, so that it stays one author.
 */
function authorList(authors: readonly string[]): string {
  return `{${authors.map((name) => (/\sand\s/i.test(name) ? `{${escapeTex(name)}}` : escapeTex(name))).join(" and ")}}`;
}

export function bibtex(paper: CitablePaper): string {
  const published = paper.venue && !/arxiv/i.test(paper.venue) ? paper.venue : undefined;
  const journal = published !== undefined && JOURNAL.test(published);
  const fields: [string, string][] = [
    ["title", `{${protectedCase(escapeTex(paper.title))}}`],
    ["author", authorList(paper.authors)],
    ["year", field(String(paperYear(paper)))],
  ];
  // "ICLR 2024" beside year = {2024} would print as "In ICLR 2024, 2024".
  if (published) fields.push([journal ? "journal" : "booktitle", field(published.replace(/[\s,]+(?:19|20)\d{2}$/, ""))]);
  if (paper.arxiv) fields.push(["eprint", field(paper.arxiv)], ["archivePrefix", field("arXiv")], ["url", field(`https://arxiv.org/abs/${paper.arxiv}`)]);
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([key, value]) => `  ${key.padEnd(width)} = ${value}`).join(",\n");
  return `@${journal ? "article" : published ? "inproceedings" : "misc"}{${citationKey(paper)},\n${body}\n}`;
}
