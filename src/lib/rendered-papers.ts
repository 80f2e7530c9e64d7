// What pages read about the notes: which ones need MDX, and each plain-Markdown
// note as the content pass rendered it (from the hand-off; see paper-loader).
// Light on purpose: Astro bundles every module that pages import, and bundling
// the Markdown pipeline (Shiki's grammars above all) cost about 0.5 s a build.
import { readFileSync } from "node:fs";
import { needsMdxCompiler } from "./body-text.ts";
import { formulaMarker, noteMarker } from "../postbuild/note-bodies.ts";
import { contentProblemsError, notesFilledAfterBuild, renderedNote, takeRenderedContent } from "./build-handoff.ts";
import type { RenderedPaper } from "./content-check.ts";
import { KATEX_RULES, siteKatexRules, type KatexFace } from "../integrations/katex-assets.ts";
import { isMarkdownNote, listPaperFiles } from "./paper-files.ts";
import type { PaperIndex } from "./paper-index.ts";

const fromUtf8 = new TextDecoder();

/** The site-wide paper index the content pass built. */
export function renderedIndex(papersDir: string, base: string): PaperIndex {
  const result = takeRenderedContent(papersDir, base);
  if (!result) throw contentProblemsError(papersDir, base) ?? new Error("no paper index: the content loader has not run in this process");
  return result.index;
}

/** A rendered note's HTML, as a string. */
export function paperHtml(paper: Pick<RenderedPaper, "htmlBytes" | "builtNote">): string {
  return fromUtf8.decode(paper.htmlBytes ?? readFileSync(paper.builtNote!.file));
}

/**
 * File names of the notes that need Astro's MDX compiler (usually none). Under
 * the build script, the content pass has read every note already: reading them
 * again here took Astro's process 0.25-0.4 s at 1,000 papers.
 */
export function mdxPaperFiles(papersDir: string, base: string): string[] {
  const index = takeRenderedContent(papersDir, base)?.index;
  if (index) return [...index.values()].filter((paper) => paper.mdx).map((paper) => paper.path.slice(papersDir.length + 1));
  return listPaperFiles(papersDir)
    // Decoded as the check reads a note: without a byte-order mark, which would hide the frontmatter from the pattern.
    .filter((path) => !isMarkdownNote(path) && needsMdxCompiler(fromUtf8.decode(readFileSync(path)).replace(/^---[\s\S]*?\n---/, "")))
    .map((path) => path.slice(papersDir.length + 1));
}

/** A plain-Markdown note as the content pass rendered it. */
export function renderedPaper(papersDir: string, base: string, slug: string): RenderedPaper {
  const paper = renderedNote(papersDir, base, slug);
  // Under the dev server, a page asks while the notes have problems: those are what it shows.
  if (!paper) throw contentProblemsError(papersDir, base) ?? new Error(`no rendered HTML for the paper "${slug}": the content loader has not run in this process`);
  return paper;
}

/**
 * The same, with what its page shows as the note: its HTML, or under the build
 * script a marker that the post-build pass replaces with that HTML.
 */
export function readRenderedPaper(papersDir: string, base: string, slug: string): Omit<RenderedPaper, "htmlBytes"> & { html: string } {
  const paper = renderedPaper(papersDir, base, slug);
  return { ...paper, html: notesFilledAfterBuild(papersDir, base) ? noteMarker(slug) : paperHtml(paper) };
}

/**
 * What the formula list shows as the preview of the `n`th listed equation of
 * `slug`: under the build script, a marker that the post-build pass replaces
 * with the preview the content pass made; otherwise (or with none made) the
 * preview that `render` makes now.
 */
export function formulaPreviewHtml(papersDir: string, base: string, slug: string, n: number, render: () => string): string {
  const built = notesFilledAfterBuild(papersDir, base) && takeRenderedContent(papersDir, base)?.rendered.get(slug)?.builtFormulas;
  return built ? formulaMarker(slug, n) : render();
}

/** KaTeX's rules for a page with math: under the build script, those the site's markup uses (see siteKatexRules); otherwise all. */
export function katexRulesOf(papersDir: string, base: string): string {
  const result = notesFilledAfterBuild(papersDir, base) ? takeRenderedContent(papersDir, base) : undefined;
  return result ? siteKatexRules(result) : KATEX_RULES;
}

/** The KaTeX fonts of the formula list's previews of `slug`, if the content pass made those previews (see formulaPreviewHtml). */
export function formulaFontsOf(papersDir: string, base: string, slug: string): KatexFace[] | undefined {
  return (notesFilledAfterBuild(papersDir, base) && takeRenderedContent(papersDir, base)?.rendered.get(slug)?.formulaFonts) || undefined;
}
