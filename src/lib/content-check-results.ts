// The content check's results: problems as authors read them, and the passes'
// results put together, the same way by the serial and the parallel check.
// Light on purpose: the build's own process needs only this while its workers
// load the Markdown pipeline.
import { existsSync, readFileSync } from "node:fs";
import { basename, extname, isAbsolute, relative, resolve } from "node:path";
import type { ContentCheckResult, ContentProblem, RenderPassResult } from "./content-check.ts";
import { notesInSubfolders, notesWithOtherExtensions, SLUG_PATTERN, slugFor, slugFromPath } from "./paper-files.ts";
import type { IndexedPaper, PaperIndex } from "./paper-index.ts";
import { oneSlipApart } from "./did-you-mean.ts";
import { counted, isoDate } from "./format.ts";
import { literalPattern } from "./literal-pattern.ts";

/** A file as problems name it: relative to where the build runs, or in full when it is outside (not ../../notes/x.mdx). */
export function displayPath(path: string): string {
  const near = relative(process.cwd(), path);
  return !near ? path : near.startsWith("..") || isAbsolute(near) ? resolve(path) : near;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.reason}`;
}

/** A note's warnings that a build or the dev server prints; a habit repeated 100 times in one note would scroll all else away. */
const WARNINGS_SHOWN_PER_FILE = 10;

/**
 * The warnings as printed, at most `perFile` of a file, then a line that
 * counts the rest (npm run check prints every one).
 */
export function warningLines(warnings: ContentProblem[], perFile = WARNINGS_SHOWN_PER_FILE): string[] {
  return [...Map.groupBy(warnings, (warning) => warning.file)].flatMap(([file, ofFile]) => [
    ...ofFile.slice(0, perFile).map(formatProblem),
    ...(ofFile.length > perFile ? [`${file}: ${counted(ofFile.length - perFile, "more warning")} (npm run check lists them all)`] : []),
  ]);
}

/**
 * The site's index from papers read in parts (as by the check's workers), as
 * checkContent makes it from all of them: in the order of their files' names;
 * of two papers with one slug (x.md and x.mdx, a problem of its own), the later file's.
 */
export function siteIndex(reads: IndexedPaper[][]): PaperIndex {
  const byPath = reads.flat().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return new Map(byPath.map((paper) => [paper.slug, paper]));
}

/** Slugs of the files that step one could not read (their own problems say why). */
export function unreadablePapers(paths: string[], index: PaperIndex): Set<string> {
  return new Set(paths.map(slugFromPath).filter((slug) => !index.has(slug)));
}

/**
 * No papers at all most likely means the wrong folder: name the one that was
 * read. A note in a subfolder, or named .MDX or .markdown, would be left out
 * without a word.
 */
export function checkPapersFolder(papersDir: string, paths: string[]): ContentProblem[] {
  const nested = [
    ...notesInSubfolders(papersDir).map((path) => ({ file: displayPath(path), line: 1, column: 1, reason: `a note in a subfolder is not read: move it into ${displayPath(papersDir)}/ itself (its file name is its slug)` })),
    ...notesWithOtherExtensions(papersDir).map((path) => ({ file: displayPath(path), line: 1, column: 1, reason: `a note is not read unless its name ends in .mdx or .md (lower case): rename it ${basename(path).replace(/\.(?:markdown|md)$/i, ".md").replace(/\.mdx$/i, ".mdx")}` })),
  ];
  if (paths.length > 0) return nested;
  const what = existsSync(papersDir) ? "this folder has no papers (.mdx or .md files)" : "there is no such folder";
  return [{ file: displayPath(papersDir), line: 1, column: 1, reason: `${what}; the content folder (PAPERNOTES_CONTENT, default ./content) must hold papers/` }, ...nested];
}

/** Slugs come from file names; two that differ only in case collide on most disks and URLs. */
export function checkSlugs(paths: string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const slugsSeen = new Map<string, string>();
  const slugs = new Set(paths.map(slugFromPath));
  for (const path of paths) {
    const slug = slugFromPath(path);
    if (!SLUG_PATTERN.test(slug)) {
      const meant = slugFor(slug);
      // Foo.md beside foo.md: the name it would get is taken.
      const rename = !meant ? "" : slugs.has(meant) ? `; ${meant} is another note's, so give this one a name of its own` : `, as ${meant}${extname(path)}`;
      problems.push({ file: displayPath(path), line: 1, column: 1, reason: `file name "${slug}" is not a slug: use lowercase ASCII letters (a-z), digits and -${rename}` });
    }
    const twin = slugsSeen.get(slug.toLowerCase());
    if (twin) problems.push({ file: displayPath(path), line: 1, column: 1, reason: `two files have the slug "${slug.toLowerCase()}": ${displayPath(twin)} and this one` });
    slugsSeen.set(slug.toLowerCase(), path);
  }
  return problems;
}

/** Tags this short are too often a letter apart from another real one (llm, vlm). */
const SHORTEST_TAG_CHECKED = 5;

/**
 * A tag of one note only, a slip away from a tag more notes have ("difusion"
 * beside "diffusion"): most likely a typo, which gives the note a tag page of
 * its own and leaves it off the other. Told at the tag's line in the frontmatter.
 */
function tagWarnings(index: PaperIndex): ContentProblem[] {
  const notes = new Map<string, number>();
  const published = [...index.values()].filter((paper) => !paper.draft);
  for (const paper of published) for (const tag of new Set(paper.tags)) notes.set(tag, (notes.get(tag) ?? 0) + 1);
  const warnings: ContentProblem[] = [];
  for (const paper of published) {
    for (const tag of paper.tags) {
      if (notes.get(tag) !== 1 || tag.length < SHORTEST_TAG_CHECKED) continue;
      const meant = [...notes].find(([other, count]) => count > 1 && oneSlipApart(tag, other))?.[0];
      if (!meant) continue;
      const lines = readFileSync(paper.path, "utf8").split("\n");
      const keyLine = frontmatterKeyLine(lines, "tags");
      // The tag whole, not inside another ("diff" in "diffusion").
      const whole = new RegExp(`(?<![\\p{L}\\p{N}-])${literalPattern(tag)}(?![\\p{L}\\p{N}-])`, "u");
      const found = lines.findIndex((text, i) => i >= keyLine && whole.test(text));
      const line = found >= 0 ? found : Math.max(keyLine, 0);
      warnings.push({ file: displayPath(paper.path), line: line + 1, column: Math.max(lines[line]!.search(whole), 0) + 1, reason: `tag "${tag}" is on this note only, and a letter away from "${meant}" (on ${notes.get(meant)} notes); did you mean ${meant}?` });
    }
  }
  return warnings;
}

/** The line (from 0) where a frontmatter key is written, or -1. */
function frontmatterKeyLine(lines: string[], key: string): number {
  const written = new RegExp(`^${key}\\s*:`);
  return lines.findIndex((line) => written.test(line));
}

/** A warning at a frontmatter key's line of a note. */
function atKey(paper: IndexedPaper, key: string, reason: string): ContentProblem {
  return atLine(paper, frontmatterKeyLine(noteLines(paper), key), reason);
}

/** A problem at a line of the note, counted from 0 (-1, as for a key not found, is its first line). */
function atLine(paper: IndexedPaper, line: number, reason: string): ContentProblem {
  return { file: displayPath(paper.path), line: Math.max(line, 0) + 1, column: 1, reason };
}

const noteLines = (paper: IndexedPaper): string[] => readFileSync(paper.path, "utf8").split("\n");

/**
 * Published notes that give one arXiv id (versions aside): most likely a note
 * begun from a copy of another's frontmatter, whose links and BibTeX then name
 * the other paper. Each is told of the others.
 */
function arxivWarnings(index: PaperIndex): ContentProblem[] {
  const published = [...index.values()].filter((paper) => !paper.draft && paper.arxiv);
  const byId = Map.groupBy(published, (paper) => paper.arxiv!.replace(/v\d+$/, ""));
  return [...byId].flatMap(([id, papers]) =>
    papers.length < 2 ? [] : papers.map((paper) => atKey(paper, "arxiv", `arXiv ${id} is also the id of ${papers.filter((other) => other !== paper).map((other) => displayPath(other.path)).join(" and ")}: two notes on one paper, or a frontmatter copied and not changed?`)),
  );
}

/**
 * Published notes with one short name, one of them set by `short:` ("DPO"): a
 * reference "DPO (3)" would not say which paper it is. Each is told of the
 * others, at its `short:` line, else at its title. (Titles alike before their
 * colon are left alone: each is the paper's own name.)
 */
function shortNameWarnings(index: PaperIndex): ContentProblem[] {
  const published = [...index.values()].filter((paper) => !paper.draft);
  const byName = Map.groupBy(published, (paper) => paper.shortTitle.toLowerCase());
  return [...byName.values()].flatMap((papers) => {
    if (papers.length < 2) return [];
    const lines = papers.map(noteLines);
    const shortLines = lines.map((note) => frontmatterKeyLine(note, "short"));
    if (shortLines.every((line) => line < 0)) return [];
    return papers.map((paper, i) => {
      const others = papers.filter((other) => other !== paper).map((other) => displayPath(other.path)).join(" and ");
      return atLine(paper, shortLines[i]! >= 0 ? shortLines[i]! : frontmatterKeyLine(lines[i]!, "title"), `"${paper.shortTitle}" also names ${others}, so a reference such as "${paper.shortTitle} (1)" would not say which paper it is: give each a short name of its own (short: "…")`);
    });
  });
}

/**
 * A published note dated after tomorrow (the day may have begun where the
 * author is): most likely a mistyped year, and the note heads the home page
 * and the feed until that day.
 */
export function dateWarnings(index: PaperIndex, now = new Date()): ContentProblem[] {
  const tomorrow = isoDate(new Date(now.getTime() + 86_400_000));
  return [...index.values()]
    .filter((paper) => !paper.draft && paper.day && paper.day > tomorrow)
    .map((paper) => atKey(paper, "date", `date ${paper.day} is still to come (today is ${isoDate(now)}), so the note heads the list until then; a mistyped year?`));
}

/** How a problem with a display whose $$ is never closed begins (remark-katex-check): afterUnclosedDisplays reads its line back. */
export const unclosedDisplay = (line: number, likely: boolean): string => `the $$ on line ${line} is ${likely ? "likely " : ""}never closed`;
const UNCLOSED_DISPLAY = /^the \$\$ on line (\d+) is (?:likely )?never closed/;

/** Per note, the line of its first $$ never closed, read back from the problems (sorted by place). */
function firstUnclosedDisplays(problems: ContentProblem[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const problem of problems) if (UNCLOSED_DISPLAY.test(problem.reason) && !first.has(problem.file)) first.set(problem.file, problem.line);
  return first;
}

/**
 * Problems or warnings with those after a $$ never closed in their note
 * marked: from there, math and prose trade places, and a problem may be only
 * that. So may a later $$ "never closed": each $$ after the first pairs with
 * the wrong one (a closing $$ is read as an opening one), unless its message
 * already names the first.
 */
function afterUnclosedDisplays(problems: ContentProblem[], unclosed: Map<string, number>): ContentProblem[] {
  return problems.map((problem) => {
    const line = unclosed.get(problem.file);
    if (line === undefined || problem.line <= line) return problem;
    if (UNCLOSED_DISPLAY.test(problem.reason) && new RegExp(`\\$\\$ on line ${line}\\b`).test(problem.reason.replace(UNCLOSED_DISPLAY, ""))) return problem;
    return { ...problem, reason: `${problem.reason} (perhaps only as the $$ on line ${line} is never closed: fix that first)` };
  });
}

export function mergeResults(problems: ContentProblem[], passes: RenderPassResult[], papers: number, index: PaperIndex): ContentCheckResult {
  const byPlace = (a: ContentProblem, b: ContentProblem) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
  const sorted = [...problems, ...passes.flatMap((pass) => pass.problems)].sort(byPlace);
  const unclosed = firstUnclosedDisplays(sorted);
  const all = afterUnclosedDisplays(sorted, unclosed);
  // Nothing is rendered for a site that will not build.
  const rendered = all.length > 0 ? [] : passes.flatMap((pass) => pass.rendered);
  const drafts = [...index.values()].filter((paper) => paper.draft).length;
  return {
    problems: all,
    warnings: afterUnclosedDisplays([...passes.flatMap((pass) => pass.warnings), ...tagWarnings(index), ...arxivWarnings(index), ...shortNameWarnings(index), ...dateWarnings(index)].sort(byPlace), unclosed),
    papers: papers - drafts,
    drafts,
    formulas: passes.reduce((sum, pass) => sum + pass.formulas, 0),
    index,
    rendered: new Map(rendered.sort((a, b) => a.slug.localeCompare(b.slug)).map((paper) => [paper.slug, paper])),
    mdxSlugs: new Set(passes.flatMap((pass) => pass.mdxSlugs)),
    // By page: the same records in the same order, however many passes.
    search: all.length > 0 ? [] : passes.flatMap((pass) => pass.search).sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0)),
  };
}
