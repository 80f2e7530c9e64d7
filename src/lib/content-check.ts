// Checks every paper before Astro builds anything, and reports every problem
// of every file at once: frontmatter, MDX syntax, TeX, labels, references, links.
// Astro stops at the first broken page and caches rendered pages; this does neither.
// With `render`, the same pass also turns each plain-Markdown note into HTML
// (the fast path); notes that use MDX components are left to Astro's MDX.
// Papers unchanged since a cached build come from the build cache; the
// pipeline (paper-pipeline.ts) is loaded only for the others.
import { existsSync, readFileSync } from "node:fs";
import { checkPapersFolder, checkSlugs, displayPath, mergeResults, unreadablePapers } from "./content-check-results.ts";
import type { ParsedPaper } from "./paper-pipeline.ts";
import { listPaperFiles, slugFromPath } from "./paper-files.ts";
import type { IndexedPaper, PaperIndex } from "./paper-index.ts";
import { contentHash, pipelineLoaded, readsTheSameFiles, readsTheSamePapers, renderCacheFor, renderKey, type CacheUse, type CachedPaper, type PageSearchRecords, type RenderCache } from "./render-cache.ts";
import type { PageScan } from "../postbuild/dist-guard.ts";
import type { KatexFace } from "../integrations/katex-assets.ts";

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
  /**
   * With `asBuilt`: the formula list's preview of each of its listed equations
   * (see listedEquations), one after the other in a file, with their lengths
   * in bytes. None when a preview holds a link or an id: Astro renders those.
   */
  builtFormulas?: { file: string; lengths: number[] };
  /** With `builtFormulas`: the KaTeX fonts those previews use, which the formula list samples (see rehype-katex-fonts). */
  formulaFonts?: KatexFace[];
  /** The class names of the KaTeX markup of the note and of its formula list previews, sorted: which of KaTeX's rules the site needs (see siteKatexRules). */
  katexClasses?: string[];
  /** With `cache`: the files of the build cache that keep the note's highlighted code blocks. */
  highlightedBlocks?: string[];
  /** `html` for a heading with math, whose text would lose it. */
  headings: { depth: number; slug: string; text: string; html?: string }[];
}

export interface ContentCheckResult {
  problems: ContentProblem[];
  /** Worth telling the author, but no reason to stop the build. */
  warnings: ContentProblem[];
  /** Published papers: drafts are not built. */
  papers: number;
  drafts: number;
  formulas: number;
  index: PaperIndex;
  /** Plain-Markdown notes rendered to HTML (with `render`), by slug. */
  rendered: Map<string, RenderedPaper>;
  /** Slugs of notes that use MDX components: Astro's MDX renders them. */
  mdxSlugs: Set<string>;
  /** Search records of the rendered notes, by page (MDX notes' come from their built pages). */
  search: PageSearchRecords[];
}

type Pipeline = typeof import("./paper-pipeline.ts");
let pipeline: Promise<Pipeline> | undefined;
const loadPipeline = () => (pipeline ??= (pipelineLoaded(), import("./paper-pipeline.ts")));

/** One paper after step one: indexed, and either parsed or unchanged since a cached build. */
export interface ReadPaper {
  path: string;
  indexed: IndexedPaper;
  contentHash: string;
  parsed?: ParsedPaper;
  cached?: CachedPaper;
  /** Its frontmatter could not be read: its body is checked, but it is left out of the index, as a paper that cannot be read. */
  bodyOnly?: boolean;
}

/** The papers other papers may name: all but those whose frontmatter could not be read. */
export function indexable(papers: ReadPaper[]): IndexedPaper[] {
  return papers.filter((paper) => !paper.bodyOnly).map((paper) => paper.indexed);
}

export interface CheckOptions {
  render?: boolean;
  /**
   * Render each note as its built page holds it (scripts/build-site.ts splices it in
   * after Astro): URLs relative to the page, scanned for the dist guard, and
   * kept in a file of the build cache (so `cache` is needed), not in memory.
   * Done here, on the workers: the main process never holds the notes as text,
   * and at most one at a time as bytes.
   */
  asBuilt?: boolean;
  /**
   * Keep each paper's result in the build cache (or the dev server's: "dev"), and reuse what
   * still fits. A check that renders nothing keeps nothing there, so `npm run check` reuses
   * the build's entries and leaves them as the build left them.
   */
  cache?: boolean | Exclude<CacheUse, "build">;
  /** With `render`: render drafts too, for the dev server's preview. Their problems stay warnings, and a draft with any is not rendered. */
  previewDrafts?: boolean;
}

/** What one set of papers yields once the site-wide index is known. */
export interface RenderPassResult {
  problems: ContentProblem[];
  warnings: ContentProblem[];
  formulas: number;
  rendered: RenderedPaper[];
  mdxSlugs: string[];
  search: PageSearchRecords[];
}

export async function checkContent(papersDir: string, base = "/", options: CheckOptions = {}): Promise<ContentCheckResult> {
  const paths = listPaperFiles(papersDir);
  const problems = [...checkPapersFolder(papersDir, paths), ...checkSlugs(paths)];
  const cache = options.cache ? renderCacheFor(papersDir, options.cache === true ? "build" : options.cache) : undefined;
  const papers = await readPapers(paths, problems, cache);
  const index: PaperIndex = new Map(indexable(papers).map((paper) => [paper.slug, paper]));
  const pass = await renderPapers(papers, index, base, { render: options.render === true && problems.length === 0, asBuilt: options.asBuilt === true, cache, unreadable: unreadablePapers(paths, index), previewDrafts: options.previewDrafts });
  return mergeResults(problems, [pass], papers.length, index);
}

/** Step one for each of `paths`, one after the other; papers that cannot be read are left out (their problems are in `problems`). */
export async function readPapers(paths: string[], problems: ContentProblem[], cache?: RenderCache, onPaper?: () => void): Promise<ReadPaper[]> {
  const papers: ReadPaper[] = [];
  for (const path of paths) {
    const paper = await readPaper(path, problems, cache);
    if (paper) papers.push(paper);
    onPaper?.();
  }
  return papers;
}

/**
 * Step one, file by file: encoding, frontmatter, MDX syntax. Needs no other
 * paper. A paper whose bytes are unchanged since a cached build is not parsed.
 */
async function readPaper(path: string, problems: ContentProblem[], cache?: RenderCache): Promise<ReadPaper | undefined> {
  const bytes = readNote(path);
  // Deleted since the folder was listed (under astro dev, the watcher then checks again): as if not listed.
  if (!bytes) return undefined;
  const hash = cache ? contentHash(path, bytes) : "";
  const cached = cache?.lookup(slugFromPath(path), hash);
  if (cached) return { path, indexed: cached.indexed, contentHash: hash, cached };
  const { parsePaper, indexPaper } = await loadPipeline();
  const parsed = parsePaper(path, bytes, problems);
  return parsed && { path, indexed: indexPaper(parsed.source, parsed.tree), contentHash: hash, parsed, bodyOnly: parsed.bodyOnly };
}

/**
 * Step two, once every paper is indexed: TeX, labels, references and links, and
 * (with `render`) the HTML of each plain-Markdown note.
 */
export async function renderPapers(papers: ReadPaper[], index: PaperIndex, base: string, options: { render: boolean; asBuilt?: boolean; cache?: RenderCache; onPaper?: () => void; unreadable?: Set<string>; previewDrafts?: boolean }): Promise<RenderPassResult> {
  const result: RenderPassResult = { problems: [], warnings: [], formulas: 0, rendered: [], mdxSlugs: [], search: [] };
  if (options.asBuilt && !options.cache) throw new Error("asBuilt keeps each note in the build cache: it needs `cache`");
  const key = options.cache && renderKey(base, options.asBuilt === true);
  let renderPaper: ReturnType<Pipeline["paperRenderer"]> | undefined;
  let checkDraft: ReturnType<Pipeline["paperRenderer"]> | undefined;
  for (const paper of papers) {
    options.onPaper?.();
    // Same bytes, same papers and files of public/ read, same pipeline: the same result, with no problems. A check
    // that renders nothing (npm run check) takes an entry rendered with any settings: only its warnings count.
    if (!paper.indexed.draft && paper.cached && (paper.cached.renderKey === key || !options.render) && readsTheSamePapers(paper.cached, index) && readsTheSameFiles(paper.cached) && [paper.cached.rendered?.builtNote?.file, paper.cached.rendered?.builtFormulas?.file, paper.cached.search?.file].every((file) => !file || existsSync(file))) {
      addPaper(result, paper.cached);
      continue;
    }
    const { parsePaper, paperRenderer } = await loadPipeline();
    // A note read again (its entry did not fit) may have been saved since step one: what the check
    // renders of it then is not kept under the bytes hashed then. The save checks it again.
    let savedSinceRead = false;
    let parsed = paper.parsed;
    if (!parsed) {
      const bytes = readNote(paper.path);
      if (!bytes) {
        result.problems.push({ file: displayPath(paper.path), line: 1, column: 1, reason: "the note was deleted while the check was reading it" });
        continue;
      }
      savedSinceRead = options.cache !== undefined && contentHash(paper.path, bytes) !== paper.contentHash;
      parsed = parsePaper(paper.path, bytes, result.problems);
    }
    paper.parsed = undefined; // its tree is done with: at 10,000 papers, the trees still to render are most of a worker's memory
    if (!parsed) continue;
    // A draft is checked as any note, but not built: its problems are warnings, so that it can be worked on.
    // The dev server shows it, if it has none.
    if (paper.indexed.draft) {
      const preview = options.previewDrafts === true && options.render;
      checkDraft ??= paperRenderer(index, base, { render: preview, asBuilt: false, renderKey: "", unreadable: options.unreadable });
      const problems: ContentProblem[] = [];
      const done = await checkDraft(paper, parsed, problems);
      if (preview && problems.length === 0) addPaper(result, done);
      else result.warnings.push(...done.warnings, ...problems.map(inDraft));
      continue;
    }
    renderPaper ??= paperRenderer(index, base, { render: options.render, asBuilt: options.asBuilt === true, cache: options.cache, renderKey: key || "", unreadable: options.unreadable });
    const problemsBefore = result.problems.length;
    const done = await renderPaper(paper, parsed, result.problems);
    addPaper(result, done);
    // An MDX note is checked on every build: its check also reads the files it imports.
    // So is a note that links to a paper that could not be read: it was not checked against it.
    const readUnreadable = done.renderedAgainst.some(([slug]) => options.unreadable?.has(slug));
    if (key && result.problems.length === problemsBefore && done.rendered && !readUnreadable && !paper.bodyOnly && !savedSinceRead) options.cache!.store(parsed.source.slug, done);
  }
  return result;
}

/** A note's bytes, or undefined if it is no longer there. */
function readNote(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

const inDraft = (problem: ContentProblem): ContentProblem => ({ ...problem, reason: `${problem.reason} (a draft: this stops the build once it is published)` });

function addPaper(result: RenderPassResult, paper: CachedPaper): void {
  result.warnings.push(...paper.warnings);
  result.formulas += paper.formulas;
  if (paper.indexed.mdx) result.mdxSlugs.push(paper.indexed.slug);
  if (paper.rendered) result.rendered.push(paper.rendered);
  if (paper.search) result.search.push(paper.search);
}

