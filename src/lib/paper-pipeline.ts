// The Markdown pipeline: parsing a paper, then checking and rendering it once
// the site-wide index is known. Loaded by content-check.ts only for papers that
// are not in the build cache: it takes about 0.7 s to load, and a rebuild after
// an edit mostly needs none of it.
import type { Root as HastRoot } from "hast";
import { toText } from "hast-util-to-text";
import { holdsMath, tocContent, visitHeadings } from "./toc-heading.ts";
import type { Root } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { fastRehypePlugins, paperRemarkPlugins, type SiteLinkOptions } from "../plugins/index.ts";
import remarkKatexCheck from "../plugins/remark-katex-check.ts";
import { SOURCE } from "../plugins/messages.ts";
import remarkMdxImports from "../plugins/remark-mdx-imports.ts";
import remarkMdxNames, { endsInTexCommand, ENVIRONMENT_IN_PROSE, proseCommandInstead } from "../plugins/remark-mdx-names.ts";
import remarkOneLineDisplays from "../plugins/remark-one-line-displays.ts";
import remarkIndentedDisplays from "../plugins/remark-indented-displays.ts";
import remarkDisplayOpeningText from "../plugins/remark-display-opening-text.ts";
import remarkEmptyDisplays from "../plugins/remark-empty-displays.ts";
import remarkHeadingIds from "../plugins/remark-heading-ids.ts";
import remarkFootnoteCheck from "../plugins/remark-footnote-check.ts";
import remarkTableMathPipes from "../plugins/remark-table-math-pipes.ts";
import remarkDollarSigns, { readAsMathByPandoc } from "../plugins/remark-dollar-signs.ts";
import remarkOtherMathDelimiters from "../plugins/remark-other-math-delimiters.ts";
import remarkHtmlBlockMarkdown from "../plugins/remark-html-block-markdown.ts";
import remarkBlockedHtml from "../plugins/remark-blocked-html.ts";
import remarkSmartypantsWhereNeeded from "../plugins/remark-smartypants-where-needed.ts";
import { renderFormulaPreview } from "../plugins/rehype-katex-source.ts";
import { formulaPreviewClasses, formulaPreviewFonts } from "../plugins/rehype-katex-fonts.ts";
import { hasMath } from "./body-text.ts";
import type { ContentProblem, ReadPaper, RenderedPaper } from "./content-check.ts";
import { displayPath } from "./content-check-results.ts";
import { indexPaper, listedEquations, listedTex, paperPagePath, publishedTags, type IndexedEquation, type IndexedPaper, type PaperIndex } from "./paper-index.ts";
import { closestName, didYouMean } from "./did-you-mean.ts";
import { TEX_IN_DOUBLE_QUOTES, texEatenByYaml } from "./yaml-escapes.ts";
import { isCalendarDate, paperSchema } from "./paper-schema.ts";
import { slugFor, slugFromPath } from "./paper-files.ts";
import { parseNote, readPaperSource, type PaperSource } from "./paper-source.ts";
import { readingMinutes } from "./reading-time.ts";
import { fileStamp, paperDigest, searchRecordsInMemory, type CachedPaper, type RenderCache } from "./render-cache.ts";
import { paperDocuments } from "./search-documents.ts";
import { scanPage, scanParts, type ScannedPart } from "../postbuild/dist-guard.ts";
import { rewriteHtml } from "../postbuild/relative-urls.ts";
import { boundedMemo } from "./bounded-memo.ts";

// paper-index.ts loads the MDX parser: content-check.ts reaches it through this module, on demand.
export { indexPaper };

export interface ParsedPaper {
  source: PaperSource;
  tree: Root;
  file: VFile;
  /** The frontmatter or the MDX could not be read (its problem is reported): only the body is checked (as Markdown, for MDX), and the paper is not indexed. */
  bodyOnly?: boolean;
  /** The line of an environment in prose that the MDX syntax error already tells of: its Markdown warning would say it again. */
  environmentToldAt?: number;
}

const utf8 = new TextEncoder();
/** A --- line, the YAML (if any), and a closing --- line. */
const CLOSED_FRONTMATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * The first frontmatter line before line `before` (0-based) whose value opens a
 * quote and does not close it. YAML allows a quoted value over several lines,
 * so this is only the likely cause once YAML has failed further down.
 */
function unclosedQuote(lines: string[], before: number): { line: number; column: number; key: string; quote: string } | undefined {
  for (let i = 1; i < Math.min(before, lines.length); i++) {
    const match = /^([A-Za-z_][\w-]*):[ \t]*(["'])(.*)$/.exec(lines[i]!.replace(/\r$/, ""));
    if (!match) continue;
    const [, key, quote, rest] = match as unknown as [string, string, string, string];
    // Closed on the indented lines after it (a value over several lines is fine). In "…" a \" is escaped; in '…' a '' is.
    const next = lines.slice(i + 1, before);
    const unindented = next.findIndex((line) => !/^[ \t]/.test(line));
    const continued = unindented === -1 ? next : next.slice(0, unindented);
    const upToError = [rest, ...continued].join("\n");
    const closed = quote === '"' ? /^(?:[^"\\]|\\.)*"/.test(upToError) : /^(?:[^']|'')*'(?!')/.test(upToError);
    if (!closed) return { line: i + 1, column: lines[i]!.indexOf(quote, key.length + 1) + 1, key, quote };
  }
  return undefined;
}

/** Step one of the check for a paper not in the cache: encoding, frontmatter, MDX syntax. */
export function parsePaper(path: string, bytes: Uint8Array, problems: ContentProblem[]): ParsedPaper | undefined {
  const problem = (line: number, column: number, reason: string) => problems.push({ file: displayPath(path), line, column, reason });
  let text: string;
  try {
    // Windows line endings as \n: a formula's TeX (its copy, its annotation) then holds no \r; lines stay where they were.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/\r\n?/g, "\n");
  } catch {
    problem(1, 1, "the file is not UTF-8 text; save it as UTF-8");
    return undefined;
  }
  if (!/\S/.test(text)) {
    problem(1, 1, "the file is empty; a paper needs frontmatter (title, authors, date, lang, summary) and a note");
    return undefined;
  }
  if (text.startsWith("---") && !CLOSED_FRONTMATTER.test(text)) {
    problem(1, 1, "the frontmatter has no closing --- line; end it with a line that holds only ---");
    return undefined;
  }
  let source: PaperSource;
  let bodyOnly = false;
  try {
    source = readPaperSource(path, text);
  } catch (error) {
    // The body is still checked, so that the writer sees all of the file's problems at once.
    [source, bodyOnly] = [bodyWithoutFrontmatter(path, text), true];
    // So is the rest of the frontmatter, without each key's second line, once it reads.
    const lines = text.split("\n");
    let twice = yamlProblem(lines, error, problem);
    while (twice !== undefined) {
      lines[twice] = "";
      try {
        checkFrontmatter(text, readPaperSource(path, lines.join("\n")), problem);
        break;
      } catch (next) {
        twice = yamlProblem(lines, next, problem);
      }
    }
  }
  if (!bodyOnly) checkFrontmatter(text, source, problem);
  try {
    return { source, ...parseNote(source), bodyOnly };
  } catch (error) {
    const m = error as { line?: number; column?: number; reason?: string; message: string };
    const reason = m.reason ?? m.message;
    // An unclosed tag is placed at its paragraph; the reason names the tag's own place.
    const tag = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
    const [line, column] = tag ? [Number(tag[1]), Number(tag[2])] : [m.line ?? 1, m.column ?? 1];
    const hint = mdxSyntaxHint(reason, text.split("\n")[line - 1] ?? "", column);
    problem(line, column, `MDX syntax error: ${reason}${hint}; until it is fixed, the rest of the note is checked as plain Markdown`);
    // Its math, labels and links are still checked, so the writer sees them all at once (read as
    // Markdown, braces and tags are text or HTML). A note whose frontmatter reads is indexed too:
    // its tags, date and arXiv id are checked against the others', and \eqref to it resolve.
    return { source, ...parseNote(source, { asMarkdown: true }), bodyOnly, environmentToldAt: hint.includes(ENVIRONMENT_IN_PROSE) ? line : undefined };
  }
}

/**
 * Tells why YAML could not read the frontmatter (`lines`, the file's), with a
 * hint for the usual causes. Gives the line (from 0) of a key given twice.
 */
function yamlProblem(lines: string[], error: unknown, problem: (line: number, column: number, reason: string) => void): number | undefined {
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error as Error).message;
  // YAML reads an unclosed quote on into the next lines and fails at a later key: name the quote's line.
  const open = unclosedQuote(lines, mark?.line ?? 0);
  if (open) return void problem(open.line, open.column, `frontmatter key "${open.key}": its value opens a ${open.quote} quote that is not closed on its line; end the value with ${open.quote}`);
  // Most often a value with ": " or quotes inside it, such as a paper's title.
  const key = /^([A-Za-z_][\w-]*):(?:[ \t]|\r?$)/.exec(lines[mark?.line ?? 0] ?? "")?.[1];
  const twice = key !== undefined && /duplicated mapping key/.test(reason);
  const hint =
    twice ? `: "${key}" is given twice; keep one`
    : key && /mapping entry/.test(reason) ? `; a value that holds ": " or quotes needs quotes around all of it, as ${key}: '…' (write a ' inside as '')`
    : /unknown escape/.test(reason) ? `; ${TEX_IN_DOUBLE_QUOTES}`
    : "";
  problem((mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, `the frontmatter is not valid YAML: ${reason}${hint}`);
  return twice ? mark!.line : undefined;
}

/** The note as PaperSource gives it when its frontmatter cannot be read: that block blanked out, so lines and columns match the file. */
function bodyWithoutFrontmatter(path: string, text: string): PaperSource {
  const block = CLOSED_FRONTMATTER.exec(text)?.[0] ?? "";
  return { path, slug: slugFromPath(path), frontmatter: {}, body: block.replace(/[^\r\n]/g, " ") + text.slice(block.length), keyLines: new Map() };
}

/** A line that gives each required key, for the message that it is missing. */
const REQUIRED_KEY_EXAMPLES: Record<string, string> = { title: 'title: "…"', authors: 'authors: ["…"]', date: "date: 2024-03-15", lang: "lang: en (or zh)", summary: 'summary: "One or two sentences."' };

/** The frontmatter's keys and values against the contract (paper-schema.ts). */
function checkFrontmatter(text: string, source: PaperSource, problem: (line: number, column: number, reason: string) => void): void {
  // Not also one "key is missing" per key.
  if (!text.startsWith("---")) return problem(1, 1, "the file has no frontmatter; start it with a --- block (see CONTENT-FORMAT.md)");

  // On the frontmatter's date line: a line of the note that starts with "date:" is no key.
  const dateLine = source.keyLines.get("date");
  const rawDate = dateLine === undefined ? undefined : /^date\s*:\s*["']?([^"'#\s]+)/.exec(text.split("\n")[dateLine - 1] ?? "")?.[1];
  if (dateLine !== undefined && rawDate && !isCalendarDate(rawDate)) problem(dateLine, 1, `frontmatter key "date": ${rawDate} is not a calendar date such as 2024-03-15`);
  for (const [key, value] of Object.entries(source.frontmatter)) {
    const meant = texEatenByYaml(value);
    if (meant.length === 0) continue;
    const line = source.keyLines.get(key) ?? 1;
    // Only double quotes make escapes; a block scalar (|) keeps its line breaks as written.
    if (/^[^:]*:\s*(?:\[.*)?"/.test(text.split("\n")[line - 1] ?? "")) {
      const escapes = [...new Set(meant.map((tex) => tex.slice(0, 2)))].join(", ");
      const written = meant.map((tex) => `"${tex}"`).join(", ");
      problem(line, 1, `frontmatter key "${key}": in double quotes, YAML reads ${escapes} as an escape, so ${written} ${meant.length > 1 ? "are" : "is"} not what shows; write ${meant.map((tex) => tex.replace("\\", "\\\\")).join(", ")} (a backslash doubled), or put the value in single quotes`);
    }
  }
  const valid = paperSchema.safeParse(source.frontmatter);
  if (!valid.success) {
    // "author:" for "authors:" is told once, as an unknown key that means authors, not also as authors missing.
    const unknownKeys = valid.error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? (issue.keys as string[]) : []));
    const meantKeys = new Set(unknownKeys.map((unknown) => closestName(unknown, Object.keys(paperSchema.shape))));
    for (const issue of valid.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? (issue.keys as string[]) : [String(issue.path[0] ?? "")];
      for (const key of keys) {
        const line = source.keyLines.get(key) ?? 1;
        const missing = issue.path.length === 1 && source.frontmatter[key] === undefined;
        if (missing && meantKeys.has(key)) continue;
        // "authors: A, B" is one string to YAML: the writer's own value, as a list.
        const value = source.frontmatter[key];
        const parts = issue.code === "invalid_type" && issue.expected === "array" && (typeof value === "string" || typeof value === "number") ? String(value).split(",").map((item) => item.trim()).filter(Boolean) : [];
        // "Vaswani, Ashish" is one author, last name first: split only names of several words.
        const list = key === "authors" && parts.length > 1 && parts.some((part) => !/\s/.test(part)) ? [String(value).trim()] : parts;
        // Unquoted, YAML reads 1706.03762 as a number (and drops its trailing zeros).
        const unquoted = issue.code === "invalid_type" && typeof source.frontmatter[key] === "number" && key !== "date";
        // An item of a list (tags.0) is named by its value, which the author can find.
        const item = issue.path.length > 1 ? issue.path.reduce<unknown>((value, step) => (value as Record<PropertyKey, unknown> | undefined)?.[step], source.frontmatter) : undefined;
        const reason =
          issue.code === "unrecognized_keys" ? `unknown frontmatter key "${key}"${didYouMean(key, Object.keys(paperSchema.shape))}`
          : missing ? `frontmatter key "${key}" is missing${key in REQUIRED_KEY_EXAMPLES ? `: add a line such as ${REQUIRED_KEY_EXAMPLES[key]}` : ""}`
          : list.length > 0 ? `frontmatter key "${key}" is a list: write ${key}: [${list.map((item) => JSON.stringify(item)).join(", ")}]`
          : unquoted ? `frontmatter key "${key}": put the value in quotes, as ${key}: "${writtenValue(text, line) ?? String(source.frontmatter[key])}"`
          : key === "draft" && issue.code === "invalid_type" ? `frontmatter key "draft": write true or false`
          : key === "lang" && typeof source.frontmatter.lang === "string" ? `frontmatter key "lang": must be en or zh${langMeant(source.frontmatter.lang)}`
          : issue.code === "too_small" && item === undefined ? `frontmatter key "${key}" is empty${Array.isArray(value) ? `: list at least one, as ${key}: ["…"]` : ""}`
          : issue.code === "too_small" ? `frontmatter key "${key}" lists an empty item`
          : key === "tags" && typeof item === "string" && slugFor(item) ? `frontmatter key "tags": ${JSON.stringify(item)} ${issue.message}; write "${slugFor(item)}"`
          : item !== undefined ? `frontmatter key "${key}": ${JSON.stringify(item)} ${issue.message}`
          : `frontmatter key "${issue.path.join(".")}": ${issue.message}`;
        problem(line, 1, reason);
      }
    }
  }
}

/** Frontmatter that pages show as text, never rendered as Markdown or math. */
const PLAIN_TEXT_KEYS = ["title", "short", "summary"] as const;
/** Whether plain text holds a $…$ that Pandoc's rule reads as a formula (see remark-dollar-signs). */
const holdsFormula = (text: string): boolean => [...text.matchAll(/\$([^$]+)\$(.?)/g)].some(([, inner, after]) => readAsMathByPandoc(inner!, after!));

/**
 * Renders papers against one index: checks TeX, labels, references and links,
 * and (with `render`) makes the HTML of each plain-Markdown note. Problems go
 * to `problems`; the result is what the build cache keeps of the paper.
 */
export function paperRenderer(index: PaperIndex, base: string, options: { render: boolean; asBuilt: boolean; cache?: RenderCache; renderKey: string; unreadable?: Set<string> }) {
  // The papers the current note reads (see CachedPaper.renderedAgainst); notes are rendered one at a time.
  const read = new Set<string>();
  const tags = publishedTags(index);
  // A note whose frontmatter could not be read is not in the index, but its links to its own headings are checked.
  let own: IndexedPaper | undefined;
  const linkOptions: SiteLinkOptions = {
    papers: () => (slug) => (read.add(slug), index.get(slug) ?? (slug === own?.slug ? own : undefined)),
    // Only for a note that names a paper that is not there: it fails, and is checked again.
    slugs: () => index.keys(),
    unreadable: (slug) => options.unreadable?.has(slug) === true,
    // Any paper can give or take a tag: the note is checked again when any changes.
    tags: () => (index.forEach((_, slug) => read.add(slug)), tags),
    base,
  };
  const transform = unified().use(remarkSmartypantsWhereNeeded).use(paperRemarkPlugins(linkOptions) as never).use(remarkKatexCheck).use(remarkOneLineDisplays).use(remarkIndentedDisplays).use(remarkDisplayOpeningText).use(remarkEmptyDisplays).use(remarkHeadingIds).use(remarkFootnoteCheck).use(remarkTableMathPipes).use(remarkDollarSigns).use(remarkOtherMathDelimiters).use(remarkHtmlBlockMarkdown).use(remarkBlockedHtml);
  // Only notes with MDX syntax can use a name they never define, or import.
  const mdxChecks = unified().use(remarkMdxNames).use(remarkMdxImports);
  // Raw HTML comes only from .md notes (MDX has none): it is passed through, as Astro does.
  const toHtml = unified().use(remarkRehype, { allowDangerousHtml: true }).use(fastRehypePlugins(options.cache?.highlightedBlocks())).use(rehypeStringify, { allowDangerousHtml: true });
  return async (paper: ReadPaper, parsed: ParsedPaper, problems: ContentProblem[]): Promise<CachedPaper> => {
    const { source, tree, file } = parsed;
    const done: CachedPaper = { contentHash: paper.contentHash, indexed: paper.indexed, renderKey: options.renderKey, renderedAgainst: [], warnings: [], formulas: 0 };
    file.data.astro = { frontmatter: source.frontmatter };
    own = paper.bodyOnly ? paper.indexed : undefined;
    read.clear();
    transform.runSync(tree, file);
    if (paper.indexed.mdx) mdxChecks.runSync(tree, file);
    // Frontmatter alone: a page with a title and nothing under it, most likely a note not yet written.
    if (!paper.indexed.draft && !/\S/.test(source.body)) file.info("the note has no text after its frontmatter, so its page is empty: write the note, or mark it draft: true until it is written", { place: { line: String(file.value).split("\n").length, column: 1 }, source: SOURCE, ruleId: "content" });
    for (const key of PLAIN_TEXT_KEYS) {
      const value = source.frontmatter[key];
      if (typeof value === "string" && holdsFormula(value))
        file.info(`frontmatter key "${key}" is plain text wherever it shows (lists, the feed, search), so its $…$ shows as written; write the formula in words or in Unicode (α, ×, ²)`, { place: { line: source.keyLines.get(key) ?? 1, column: 1 }, source: SOURCE, ruleId: "content" });
    }
    done.formulas = countMath(tree);
    const tell = (messages: VFile["messages"]) => {
      for (const m of messages) {
        if (m.line === parsed.environmentToldAt && m.ruleId === "math-delimiters") continue;
        const entry = { file: displayPath(source.path), line: m.line ?? 1, column: m.column ?? 1, reason: m.reason };
        if (m.fatal === false) problems.push(entry);
        else done.warnings.push(entry);
      }
    };
    tell(file.messages);
    if (options.render && problems.length === 0 && !paper.indexed.mdx) {
      const checked = file.messages.length;
      const hast = (await toHtml.run(tree as never, file)) as HastRoot;
      const pieces = stringifyInPieces(hast, (piece) => toHtml.stringify(piece as never, file) as string);
      // What the checks above let through but rendering could not do (a formula KaTeX rejects
      // after all) fails the build too, rather than leave an empty place on the page.
      tell(file.messages.slice(checked));
      done.rendered = { slug: source.slug, path: source.path, frontmatter: source.frontmatter, minutes: readingMinutes(source.body), hasMath: hasMath(source.body), headings: headingsOf(hast, (root) => toHtml.stringify(root as never, file) as string) };
      done.rendered.katexClasses = [...new Set([...(file.data.katexClasses ?? []), ...formulaPreviewClasses(listedEquations(paper.indexed))])].sort();
      const blocks = new Set(file.data.codeBlockKeys);
      if (options.cache && blocks.size > 0) done.rendered.highlightedBlocks = [...blocks].map((key) => options.cache!.highlightedBlockFile(key));
      if (options.asBuilt) {
        const pagePath = `${paperPagePath(source.slug)}index.html`;
        const parts = pieces.map((piece): ScannedPart => {
          const asBuilt = rewriteHtml(piece, pagePath, base);
          return { bytes: utf8.encode(asBuilt), scan: scanPage(asBuilt) };
        });
        done.rendered.builtNote = { file: options.cache!.storeNote(Buffer.concat(parts.map((part) => part.bytes))), scan: scanParts(parts) };
        done.rendered.builtFormulas = builtFormulaPreviews(paper.indexed, options.cache!);
        if (done.rendered.builtFormulas) done.rendered.formulaFonts = formulaPreviewFonts(listedEquations(paper.indexed));
      } else {
        done.rendered.htmlBytes = Buffer.concat(pieces.map((piece) => utf8.encode(piece)));
      }
      const documents = paperDocuments(paper.indexed, hast);
      const page = paperPagePath(source.slug);
      done.search = options.cache ? options.cache.storeSearchRecords(page, documents) : searchRecordsInMemory(page, documents);
    }
    done.renderedAgainst = [...read].sort().map((slug) => [slug, paperDigest(index, slug)]);
    done.publicFiles = [...(file.data.publicFilesRead ?? [])].sort().map((path) => [path, fileStamp(path)]);
    return done;
  };
}

/**
 * The formula list's previews of a paper's listed equations, kept like a built
 * note (see RenderedPaper.builtFormulas). At 1,000 papers they are 72 MB of
 * KaTeX markup: in Astro's pages, they took it 3.5 s.
 */
function builtFormulaPreviews(paper: IndexedPaper, cache: RenderCache): RenderedPaper["builtFormulas"] {
  const previews: Uint8Array[] = [];
  for (const eq of listedEquations(paper)) {
    const preview = splicedPreview(eq);
    if (!preview) return undefined;
    previews.push(preview);
  }
  if (previews.length === 0) return undefined;
  return { file: cache.storeNote(Buffer.concat(previews)), lengths: previews.map((preview) => preview.length) };
}

/**
 * By TeX: encoding KaTeX's markup as UTF-8 and scanning it cost more than
 * rendering it again from the cache. Bounded: a preview is 9 KB, and a big
 * site whose formulas all differ would gain nothing from keeping them all.
 */
const splicedPreviews = boundedMemo<Uint8Array | null>(4096);

/** A preview's bytes; null if it cannot be spliced as it is: a link or an id (to rewrite or check), or TeX that fails (Astro's page reports it). */
function splicedPreview(eq: IndexedEquation): Uint8Array | null {
  return splicedPreviews(`${eq.previewTex}\0${listedTex(eq)}`, () => {
    try {
      const html = renderFormulaPreview(eq);
      const scan = scanPage(html);
      return scan.ids.size > 0 || scan.urls.length > 0 || scan.moduleScripts.length > 0 ? null : utf8.encode(html);
    } catch {
      return null;
    }
  });
}

/**
 * A note's HTML, one top-level node at a time; joined, the same as stringifying
 * the whole tree. A whole note in one string (two bytes a character once it has
 * any CJK) is often over V8's 128 KB for ordinary heap objects: each such string
 * gets pages of its own from the system, and on these machines the page faults
 * cost about 1.5 ms a string. In pieces, 1,000 papers were checked with half the
 * page faults and 2-3 s less CPU.
 */
export function stringifyInPieces(tree: HastRoot, stringify: (tree: HastRoot) => string): string[] {
  return tree.children.map((child) => stringify({ type: "root", children: [child] }));
}

/** The note's headings for its table of contents; one with math keeps its HTML, as its text would lose the formula. */
function headingsOf(tree: HastRoot, stringify: (tree: HastRoot) => string): RenderedPaper["headings"] {
  const headings: RenderedPaper["headings"] = [];
  visitHeadings(tree, (node, depth, slug) => {
    const heading = { depth, slug, text: toText(node).replace(/\s+/g, " ").trim() };
    const content = tocContent(node);
    headings.push(holdsMath(content) ? { ...heading, html: stringify({ type: "root", children: content }) } : heading);
  });
  return headings;
}

/**
 * What the author most likely meant, for the MDX syntax errors that TeX or a
 * comparison in prose cause, or HTML written as in Markdown: MDX reads braces
 * as JavaScript, < as a tag, and wants every tag closed.
 */
function mdxSyntaxHint(reason: string, lineText: string, column: number): string {
  if (/parse expression/.test(reason)) {
    const brace = lineText.lastIndexOf("{", column - 1);
    if (brace !== -1 && /\\(?:begin|end)$/.test(lineText.slice(0, brace))) return `. ${ENVIRONMENT_IN_PROSE}`;
    if (brace !== -1 && endsInTexCommand(lineText.slice(0, brace))) return `. ${proseCommandInstead(lineText.slice(0, brace)) ?? "TeX belongs in math: put it between $ signs, as $\\eqref{eq:name}$"}`;
    return ". In MDX, braces in prose hold JavaScript; for the braces themselves write \\{ and \\}, or put the formula in math";
  }
  if (/before name/.test(reason) && !/comment/.test(reason)) return ". In MDX, < in prose starts a tag; write \\< for the character, or put a comparison in math, as $n < 512$";
  const unclosed = /Expected a closing tag for `<(\w+)/.exec(reason)?.[1];
  if (unclosed) return `. In MDX every HTML tag is closed, as <${unclosed} /> or <${unclosed}>…</${unclosed}>; a .md note takes HTML as written`;
  return "";
}

/**
 * A frontmatter key's value as written (YAML's number 2006.1123 was 2006.11230),
 * without a comment: on the key's line, or alone on the indented line after it.
 */
function writtenValue(text: string, line: number): string | undefined {
  const lines = text.split("\n");
  const onKeyLine = /^[^:]*:[ \t]*(.*?)[ \t]*(?:#.*)?\r?$/.exec(lines[line - 1] ?? "")?.[1];
  const value = onKeyLine === "" ? /^[ \t]+(.*?)[ \t]*(?:#.*)?\r?$/.exec(lines[line] ?? "")?.[1] : onKeyLine;
  return value && /^[^\s#"'-]/.test(value) ? value : undefined;
}

/** Other names for the two languages, as other tools spell them: cn (a country), zh-CN, English. */
function langMeant(lang: string): string {
  if (/^(?:zh|cn|chs|cht|chinese|中文|zh[-_].*)$/i.test(lang)) return "; did you mean zh?";
  if (/^(?:en|english|eng|en[-_].*)$/i.test(lang)) return "; did you mean en?";
  return "";
}

function countMath(tree: Root): number {
  let n = 0;
  visit(tree, ["math", "inlineMath"], () => {
    n++;
  });
  return n;
}
