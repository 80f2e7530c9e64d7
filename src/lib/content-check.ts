// Checks every paper before Astro builds anything, and reports every problem
// of every file at once: frontmatter, MDX syntax, TeX, labels, references, links.
// Astro stops at the first broken page and caches rendered pages; this does neither.
// With `render`, the same pass also turns each plain-Markdown note into HTML
// (the fast path); notes that use MDX components are left to Astro's MDX.
import { existsSync, readFileSync } from "node:fs";
import type { Root as HastRoot } from "hast";
import { toText } from "hast-util-to-text";
import type { Root } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { fastRehypePlugins, paperRemarkPlugins, type SiteLinkOptions } from "../plugins/index.ts";
import remarkCodeLanguages from "../plugins/remark-code-languages.ts";
import remarkKatexCheck from "../plugins/remark-katex-check.ts";
import remarkSmartypantsWhereNeeded from "../plugins/remark-smartypants-where-needed.ts";
import { hasMath, needsMdxCompiler } from "./body-text.ts";
import { checkSlugs, displayPath, mergeResults } from "./content-check-results.ts";
import { listPaperFiles, slugFromPath } from "./paper-files.ts";
import { indexPaper, paperPagePath, type IndexedPaper, type PaperIndex } from "./paper-index.ts";
import { contentHash, renderCacheFor, renderKey, type CachedPaper, type RenderCache } from "./render-cache.ts";
import { paperSchema } from "./paper-schema.ts";
import { readingMinutes } from "./reading-time.ts";
import { paperDocuments, type SearchDocument } from "./search-documents.ts";
import { scanPage, type PageScan } from "../postbuild/dist-guard.ts";
import { rewriteHtml } from "../postbuild/relative-urls.ts";
import { parseMdx, readPaperSource, type PaperSource } from "./paper-source.ts";

export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export interface RenderedPaper {
  slug: string;
  path: string;
  frontmatter: Record<string, unknown>;
  /** Reading time, for lists and the page (the Markdown body stays out of Astro's store). */
  minutes: number;
  /** Loads KaTeX's stylesheet on the page only if true. */
  hasMath: boolean;
  /**
   * The note's HTML as UTF-8 (without `asBuilt`). As a string it would take twice
   * the room on the heap (KaTeX output makes every page a two-byte string).
   */
  htmlBytes?: Uint8Array;
  /** With `asBuilt`: the note as its page holds it, in a file, and what the dist guard needs of it. */
  builtNote?: { file: string; scan: PageScan };
  headings: { depth: number; slug: string; text: string }[];
}

export interface ContentCheckResult {
  problems: ContentProblem[];
  /** Worth telling the author, but no reason to stop the build. */
  warnings: ContentProblem[];
  papers: number;
  formulas: number;
  index: PaperIndex;
  /** Plain-Markdown notes rendered to HTML (with `render`), by slug. */
  rendered: Map<string, RenderedPaper>;
  /** Slugs of notes that use MDX components: Astro's MDX renders them. */
  mdxSlugs: Set<string>;
  /** Search records of the rendered notes (MDX notes' come from their built pages). */
  searchDocuments: SearchDocument[];
}

const utf8 = new TextEncoder();

export interface ParsedPaper {
  source: PaperSource;
  tree: Root;
  file: VFile;
}

/** One paper after step one: indexed, and either parsed or unchanged since a cached build. */
export interface ReadPaper {
  path: string;
  indexed: IndexedPaper;
  contentHash: string;
  parsed?: ParsedPaper;
  cached?: CachedPaper;
}

export interface CheckOptions {
  render?: boolean;
  /**
   * Render each note as its built page holds it (scripts/build.ts splices it in
   * after Astro): URLs relative to the page, scanned for the dist guard, and
   * kept in a file of the build cache (so `cache` is needed), not in memory.
   * Done here, on the workers: the main process never holds the notes as text,
   * and at most one at a time as bytes.
   */
  asBuilt?: boolean;
  /** Keep each paper's result in the build cache, and reuse what still fits. */
  cache?: boolean;
}

/** What one set of papers yields once the site-wide index is known. */
export interface RenderPassResult {
  problems: ContentProblem[];
  warnings: ContentProblem[];
  formulas: number;
  rendered: RenderedPaper[];
  mdxSlugs: string[];
  searchDocuments: SearchDocument[];
}

export async function checkContent(papersDir: string, base = "/", options: CheckOptions = {}): Promise<ContentCheckResult> {
  const paths = listPaperFiles(papersDir);
  const problems = [...checkPapersFolder(papersDir, paths), ...checkSlugs(paths)];
  const cache = options.cache ? renderCacheFor(papersDir) : undefined;
  const papers: ReadPaper[] = [];
  for (const path of paths) {
    const paper = readPaper(path, problems, cache);
    if (paper) papers.push(paper);
  }
  const index: PaperIndex = new Map(papers.map((paper) => [paper.indexed.slug, paper.indexed]));
  const pass = await renderPapers(papers, index, base, { render: options.render === true && problems.length === 0, asBuilt: options.asBuilt === true, cache });
  return mergeResults(problems, [pass], papers.length, index);
}

/** No papers at all most likely means the wrong folder: name the one that was read. */
export function checkPapersFolder(papersDir: string, paths: string[]): ContentProblem[] {
  if (paths.length > 0) return [];
  const what = existsSync(papersDir) ? "this folder has no papers (.mdx or .md files)" : "there is no such folder";
  return [{ file: displayPath(papersDir), line: 1, column: 1, reason: `${what}; the content folder (PAPERNOTES_CONTENT, default ./content) must hold papers/` }];
}

/**
 * Step one, file by file: encoding, frontmatter, MDX syntax. Needs no other
 * paper. A paper whose bytes are unchanged since a cached build is not parsed.
 */
export function readPaper(path: string, problems: ContentProblem[], cache?: RenderCache): ReadPaper | undefined {
  const bytes = readFileSync(path);
  const hash = cache ? contentHash(bytes) : "";
  const cached = cache?.lookup(slugFromPath(path), hash);
  if (cached) return { path, indexed: cached.indexed, contentHash: hash, cached };
  const parsed = parsePaper(path, bytes, problems);
  return parsed && { path, indexed: indexPaper(parsed.source, parsed.tree), contentHash: hash, parsed };
}

function parsePaper(path: string, bytes: Uint8Array, problems: ContentProblem[]): ParsedPaper | undefined {
  const problem = (line: number, column: number, reason: string) => problems.push({ file: displayPath(path), line, column, reason });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    problem(1, 1, "the file is not UTF-8 text; save it as UTF-8");
    return undefined;
  }
  if (!/\S/.test(text)) {
    problem(1, 1, "the file is empty; a paper needs frontmatter (title, authors, date, lang, summary) and a note");
    return undefined;
  }
  let source: PaperSource;
  try {
    source = readPaperSource(path, text);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    problem((mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, `the frontmatter is not valid YAML: ${(error as { reason?: string }).reason ?? (error as Error).message}`);
    return undefined;
  }
  if (!text.startsWith("---")) problem(1, 1, "the file has no frontmatter; start it with a --- block (see CONTENT-FORMAT.md)");

  const rawDate = /^date:\s*["']?([^"'#\s]+)/m.exec(text)?.[1];
  if (rawDate && !isCalendarDate(rawDate)) problem(source.keyLines.get("date") ?? 1, 1, `frontmatter key "date": ${rawDate} is not a calendar date such as 2024-03-15`);
  const valid = paperSchema.safeParse(source.frontmatter);
  if (!valid.success) {
    for (const issue of valid.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? (issue.keys as string[]) : [String(issue.path[0] ?? "")];
      for (const key of keys) {
        const line = source.keyLines.get(key) ?? 1;
        const missing = issue.code === "invalid_type" && source.frontmatter[key] === undefined;
        const reason = issue.code === "unrecognized_keys" ? `unknown frontmatter key "${key}"` : missing ? `frontmatter key "${key}" is missing` : `frontmatter key "${issue.path.join(".")}": ${issue.message}`;
        problem(line, 1, reason);
      }
    }
  }
  try {
    return { source, ...parseMdx(source) };
  } catch (error) {
    const m = error as { line?: number; column?: number; reason?: string; message: string };
    problem(m.line ?? 1, m.column ?? 1, `MDX syntax error: ${m.reason ?? m.message}`);
    return undefined;
  }
}

/**
 * Step two, once every paper is indexed: TeX, labels, references and links, and
 * (with `render`) the HTML of each plain-Markdown note.
 */
export async function renderPapers(papers: ReadPaper[], index: PaperIndex, base: string, options: { render: boolean; asBuilt?: boolean; cache?: RenderCache; onPaper?: () => void }): Promise<RenderPassResult> {
  const result: RenderPassResult = { problems: [], warnings: [], formulas: 0, rendered: [], mdxSlugs: [], searchDocuments: [] };
  const linkOptions: SiteLinkOptions = { index: () => index, base };
  const transform = unified().use(remarkSmartypantsWhereNeeded).use(paperRemarkPlugins(linkOptions) as never).use(remarkKatexCheck).use(remarkCodeLanguages);
  const toHtml = unified().use(remarkRehype).use(fastRehypePlugins() as never).use(rehypeStringify, { allowDangerousHtml: true });
  if (options.asBuilt && !options.cache) throw new Error("asBuilt keeps each note in the build cache: it needs `cache`");
  const key = options.cache && renderKey(index, base, options.asBuilt === true);
  for (const paper of papers) {
    options.onPaper?.();
    if (paper.indexed.draft) continue;
    // Same bytes, same index, same pipeline: the same result, with no problems.
    if (paper.cached && paper.cached.renderKey === key && (!paper.cached.rendered?.builtNote || existsSync(paper.cached.rendered.builtNote.file))) {
      addPaper(result, paper.cached);
      continue;
    }
    const parsed = paper.parsed ?? parsePaper(paper.path, readFileSync(paper.path), result.problems);
    if (!parsed) continue;
    const { source, tree, file } = parsed;
    const done: CachedPaper = { contentHash: paper.contentHash, indexed: paper.indexed, renderKey: key || "", warnings: [], formulas: 0, mdx: needsMdxCompiler(source.body), searchDocuments: [] };
    file.data.astro = { frontmatter: source.frontmatter };
    transform.runSync(tree, file);
    done.formulas = countMath(tree);
    const problemsBefore = result.problems.length;
    for (const m of file.messages) {
      const entry = { file: displayPath(source.path), line: m.line ?? 1, column: m.column ?? 1, reason: m.reason };
      if (m.fatal === false) result.problems.push(entry);
      else done.warnings.push(entry);
    }
    if (options.render && result.problems.length === 0 && !done.mdx) {
      const hast = (await toHtml.run(tree as never, file)) as HastRoot;
      const html = toHtml.stringify(hast as never, file) as string;
      done.rendered = { slug: source.slug, path: source.path, frontmatter: source.frontmatter, minutes: readingMinutes(source.body), hasMath: hasMath(source.body), headings: headingsOf(hast) };
      if (options.asBuilt) {
        const asBuilt = rewriteHtml(html, `${paperPagePath(source.slug)}index.html`, base);
        done.rendered.builtNote = { file: options.cache!.storeNote(utf8.encode(asBuilt)), scan: scanPage(asBuilt) };
      } else {
        done.rendered.htmlBytes = utf8.encode(html);
      }
      done.searchDocuments = paperDocuments(paper.indexed, hast);
    }
    addPaper(result, done);
    if (key && result.problems.length === problemsBefore && (done.rendered || done.mdx)) options.cache!.store(source.slug, done);
  }
  return result;
}

function addPaper(result: RenderPassResult, paper: CachedPaper): void {
  result.warnings.push(...paper.warnings);
  result.formulas += paper.formulas;
  if (paper.mdx) result.mdxSlugs.push(paper.indexed.slug);
  if (paper.rendered) result.rendered.push(paper.rendered);
  result.searchDocuments.push(...paper.searchDocuments);
}

function headingsOf(tree: HastRoot): RenderedPaper["headings"] {
  const headings: RenderedPaper["headings"] = [];
  visit(tree, "element", (node) => {
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (depth && typeof node.properties.id === "string") headings.push({ depth: Number(depth), slug: node.properties.id, text: toText(node).trim() });
  });
  return headings;
}

/** YAML rolls 2024-13-45 over into 2025-02-14; authors mean a typo. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return true; // not date-shaped: the schema reports it
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  return date.getUTCMonth() === +match[2]! - 1 && date.getUTCDate() === +match[3]!;
}

function countMath(tree: Root): number {
  let n = 0;
  visit(tree, ["math", "inlineMath"], () => {
    n++;
  });
  return n;
}
