// What the content pass made of each paper, kept between builds so that a
// rebuild re-renders only what changed. An entry is used only when the paper's
// bytes, the index entries (labels, titles, headings) of the papers its note
// read and our pipeline (plugin code, dependencies, base path) are all as they
// were; papers with problems are never kept, so a hit has none.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ContentProblem, RenderedPaper } from "./content-check.ts";
import type { IndexedPaper, PaperIndex } from "./paper-index.ts";
import type { SearchDocument } from "./search-documents.ts";
import type { HighlightedBlocks } from "../plugins/rehype-shiki-memo.ts";
import { cacheDirFor } from "../site.config.ts";
import { slugFromPath } from "./paper-files.ts";
import { writeWhole } from "./write-whole.ts";

export interface CachedPaper {
  /** The paper's bytes and our pipeline: both must match for `indexed` to hold. */
  contentHash: string;
  indexed: IndexedPaper;
  /** The settings this paper was rendered with (see renderKey). */
  renderKey: string;
  /**
   * The papers whose index entries the note read (its own, those it cites or
   * links to), each with the digest of its entry then ("" for none): the note
   * is rendered again only when one of them changed.
   */
  renderedAgainst: [slug: string, digest: string][];
  /**
   * The files under public/ the note names (figures, files it links to), each
   * with its fileStamp then: a figure replaced or removed renders it again.
   */
  publicFiles?: [path: string, stamp: string][];
  warnings: ContentProblem[];
  formulas: number;
  /** Set once the note is rendered; never for an `indexed.mdx` note, which Astro's MDX compiler renders. */
  rendered?: RenderedPaper;
  /** Set once the note is rendered; kept in a file of its own, so a rebuild reads only the records it indexes. */
  search?: PageSearchRecords;
}

/**
 * One page's search records: in memory (`documents`), or in a file of the
 * build cache (`file`), which a rebuild reads only if the page's search shard
 * is indexed again.
 */
export interface PageSearchRecords {
  /** Folder of the page inside the site, as in SearchDocument. */
  page: string;
  /** Of the records, v8-serialized: the same records, the same digest. */
  digest: string;
  /** How many records (sections and equations). */
  count: number;
  documents?: SearchDocument[];
  file?: string;
}

/** A page's records, kept in memory. */
export function searchRecordsInMemory(page: string, documents: SearchDocument[]): PageSearchRecords {
  return { page, digest: sha256(serialize(documents)), count: documents.length, documents };
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/**
 * A digest of the paper's path and bytes and of the pipeline that reads them:
 * the path, as a note renamed .md → .mdx is read by another parser (and its
 * problems name the file).
 */
export function contentHash(path: string, bytes: Uint8Array): string {
  return createHash("sha256").update(pipelineDigest()).update(`${path}\0`).update(bytes).digest("hex");
}

const PIPELINE_PATHS = ["src/lib", "src/plugins", "src/postbuild", "src/integrations/katex-assets.ts", "src/site.config.ts", "package-lock.json"];
let pipeline: string | undefined;
/** False once this process loaded other code than its digest was taken of (see pipelineLoaded). */
let loadedAsDigested = true;

/** Our own code and the lockfile: a change to either reads and renders everything again. */
function pipelineDigest(): string {
  return (pipeline ??= projectFilesDigest(PIPELINE_PATHS));
}

/**
 * Called as the pipeline's code loads (only for a note the cache does not hold). The dev
 * server took the digest at its first check: src/ edited since, the code now loaded renders
 * otherwise, and what it renders is not kept under that digest (a restart would take it as
 * the old code's). `digestNow` is for tests.
 */
export function pipelineLoaded(digestNow?: string): void {
  if (pipeline !== undefined && (digestNow ?? projectFilesDigest(PIPELINE_PATHS)) !== pipeline) loadedAsDigested = false;
}

/**
 * A digest of project files and folders (with all they hold, but `except`), by
 * path and bytes. Paths are relative to the project folder (Astro builds with
 * it as root; this module may run bundled elsewhere).
 */
export function projectFilesDigest(paths: string[], except: string[] = []): string {
  const hash = createHash("sha256");
  const root = process.cwd();
  const add = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full) || except.includes(path)) return;
    if (statSync(full).isDirectory()) for (const name of readdirSync(full).sort()) add(`${path}/${name}`);
    else hash.update(`${path}\0`).update(readFileSync(full));
  };
  for (const path of paths) add(path);
  return hash.digest("hex");
}

/** The settings every paper of this build is rendered with, besides the papers each reads. */
export function renderKey(base: string, asBuilt: boolean): string {
  return createHash("sha256").update(base).update(String(asBuilt)).digest("hex");
}

const paperDigests = new WeakMap<PaperIndex, Map<string, string>>();

/**
 * A digest of one paper's entry in the site-wide index ("" if it has none).
 * Kept for each index, which is never changed once made.
 */
export function paperDigest(index: PaperIndex, slug: string): string {
  let digests = paperDigests.get(index);
  if (!digests) paperDigests.set(index, (digests = new Map()));
  let digest = digests.get(slug);
  if (digest === undefined) {
    const paper = index.get(slug);
    digests.set(slug, (digest = paper ? sha256(JSON.stringify(paper, withMapsAndSets)) : ""));
  }
  return digest;
}

/** Whether the papers a cached note read have the same index entries in `index`. */
export function readsTheSamePapers(entry: CachedPaper, index: PaperIndex): boolean {
  return entry.renderedAgainst.every(([slug, digest]) => paperDigest(index, slug) === digest);
}

/** A file's size and time of change ("" if it is not there): stat alone, as a check reads every cached note's figures. */
export function fileStamp(path: string): string {
  try {
    return statStamp(statSync(path));
  } catch {
    return "";
  }
}

/** The same, of stats already taken. */
export const statStamp = (stat: { size: number; mtimeMs: number }): string => `${stat.size}:${stat.mtimeMs}`;

/** Whether the files under public/ a cached note named are as they were. */
export function readsTheSameFiles(entry: CachedPaper): boolean {
  return (entry.publicFiles ?? []).every(([path, stamp]) => fileStamp(path) === stamp);
}

const indexDigests = new WeakMap<PaperIndex, string>();

/**
 * A digest of the site-wide index (at 1,000 papers, 3.8 MB as JSON), for the
 * layout digest: the pages besides the notes show every paper's entry.
 */
export function indexDigest(index: PaperIndex): string {
  let digest = indexDigests.get(index);
  if (!digest) {
    const hash = createHash("sha256");
    for (const slug of index.keys()) hash.update(`${slug}\0${paperDigest(index, slug)}\n`);
    indexDigests.set(index, (digest = hash.digest("hex")));
  }
  return digest;
}

/** A JSON.stringify replacer that keeps what Maps and Sets hold (JSON would write {}). */
export function withMapsAndSets(_key: string, value: unknown): unknown {
  return value instanceof Map || value instanceof Set ? [...value] : value;
}

/** The build's cache, or the dev server's ("dev"): its notes are rendered for `astro dev`, not as built, so it keeps them in a folder of its own. */
export type CacheUse = "build" | "dev";

/** The cache of the content folder of `papersDir`, beside Astro's own. */
export function renderCacheFor(papersDir: string, use: CacheUse = "build"): RenderCache {
  return new RenderCache(join(cacheDirFor(papersDir), use === "dev" ? "papernotes-render-dev" : "papernotes-render"));
}

/** The files of the cache that a check's result uses (built notes, formula previews, highlighted blocks, search records): the rest can go. */
export function cacheFilesInUse(rendered: Iterable<RenderedPaper>, search: PageSearchRecords[]): Set<string> {
  const files = new Set<string>();
  for (const paper of rendered) for (const file of [paper.builtNote?.file, paper.builtFormulas?.file, ...(paper.highlightedBlocks ?? [])]) if (file) files.add(file);
  for (const page of search) if (page.file) files.add(page.file);
  return files;
}

const PIPELINE_FILE = "pipeline";

/** The names in a folder of the cache, none if it was never made. */
function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export class RenderCache {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The entry of a paper whose bytes are unchanged, if any. */
  lookup(slug: string, hash: string): CachedPaper | undefined {
    try {
      const entry = deserialize(readFileSync(join(this.dir, `${slug}.bin`))) as CachedPaper;
      return entry.contentHash === hash ? entry : undefined;
    } catch {
      return undefined; // none yet, or unreadable: render again
    }
  }

  store(slug: string, entry: CachedPaper): void {
    if (loadedAsDigested) writeWhole(this.dir, `${slug}.bin`, serialize(entry));
  }

  /**
   * How many of the papers at `paths` probably have no usable entry, judged
   * without reading any: by file times, and by the pipeline that last filled
   * the cache. For choosing how to check, never for using an entry.
   */
  likelyMisses(paths: string[]): number {
    try {
      if (readFileSync(join(this.dir, PIPELINE_FILE), "utf8") !== pipelineDigest()) return paths.length;
    } catch {
      return paths.length;
    }
    return paths.filter((path) => {
      try {
        return statSync(join(this.dir, `${slugFromPath(path)}.bin`)).mtimeMs < statSync(path).mtimeMs;
      } catch {
        return true;
      }
    }).length;
  }

  /** Records that this pipeline filled the cache (after a check with no problems). */
  markFilled(): void {
    if (loadedAsDigested) writeWhole(this.dir, PIPELINE_FILE, pipelineDigest());
  }

  /**
   * Keeps a built note (see CheckOptions.asBuilt), or a paper's formula
   * previews, and returns its file. Named by
   * its digest: an entry can never name a file that holds another version.
   */
  storeNote(bytes: Uint8Array): string {
    return this.storeByDigest(this.notesDir, bytes, ".html");
  }

  /** Keeps a page's search records in a file of their own (named by digest, as notes are). */
  storeSearchRecords(page: string, documents: SearchDocument[]): PageSearchRecords {
    const bytes = serialize(documents);
    return { page, digest: sha256(bytes), count: documents.length, file: this.storeByDigest(this.searchDir, bytes, ".bin") };
  }

  private storeByDigest(dir: string, bytes: Uint8Array, extension: string): string {
    const name = `${sha256(bytes)}${extension}`;
    const file = join(dir, name);
    if (!existsSync(file)) writeWhole(dir, name, bytes);
    return file;
  }

  /**
   * Code blocks as Shiki highlighted them, a file each, named by the digest of
   * the pipeline and the block (see rehype-shiki-memo.ts). A rebuild after an
   * edit finds the edited note's blocks here and loads no highlighter (0.2 s).
   */
  highlightedBlocks(): HighlightedBlocks {
    return {
      get: (key) => {
        try {
          return deserialize(readFileSync(this.highlightedBlockFile(key)));
        } catch {
          return undefined; // not highlighted yet, or unreadable: highlight it again
        }
      },
      set: (key, block) => {
        if (loadedAsDigested) writeWhole(this.highlightDir, basename(this.highlightedBlockFile(key)), serialize(block));
      },
    };
  }

  /** The file that keeps a highlighted code block, by its key (see highlightedBlocks). */
  highlightedBlockFile(key: string): string {
    return join(this.highlightDir, `${sha256(`${pipelineDigest()}\0${key}`)}.bin`);
  }

  /**
   * Removes the built notes, search records and highlighted blocks that no paper uses any more, and the
   * entries of notes no longer in the content folder (deleted or renamed), after a check with no problems.
   */
  removeFilesExcept(inUse: Set<string>, notes: Iterable<string>): void {
    const entries = new Set([...notes].map((slug) => `${slug}.bin`));
    for (const name of namesIn(this.dir)) if (name.endsWith(".bin") && !entries.has(name)) rmSync(join(this.dir, name), { force: true });
    for (const dir of [this.notesDir, this.searchDir, this.highlightDir]) for (const name of namesIn(dir)) if (!inUse.has(join(dir, name))) rmSync(join(dir, name), { force: true });
  }

  private get notesDir(): string {
    return join(this.dir, "notes");
  }

  private get searchDir(): string {
    return join(this.dir, "search");
  }

  private get highlightDir(): string {
    return join(this.dir, "highlighted");
  }
}
