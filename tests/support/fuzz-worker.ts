// Worker thread of the content fuzz test: runs the real content check on one
// batch of notes, so that the test's main thread can stop it if it hangs
// (KaTeX and our plugins are synchronous). Plain Node runs this file (Node 24
// strips the types), not vitest: it may only import with explicit .ts paths.
//
// For each batch:
//   pass 1  every note (as .mdx or .md), the seed notes and two target notes, checked and rendered.
//           checkContent renders nothing once any paper has a problem, so:
//   pass 2  only the notes that passed (and what they link to), checked and rendered again;
//           the MDX-path notes among them also go through Astro's MDX remark/rehype plugins.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parentPort } from "node:worker_threads";
import { visit } from "unist-util-visit";
import { checkContent, type ContentProblem } from "../../src/lib/content-check.ts";
import { readPaperSource, parseNote } from "../../src/lib/paper-source.ts";
import { mdxPaperFiles, paperHtml } from "../../src/lib/rendered-papers.ts";
import { SEEDS, TARGET_SLUGS } from "./fuzz-notes.ts";
import { MDX_NODE_TYPES, runMdxPipeline } from "./mdx-pipeline.ts";
import type { PaperIndex } from "../../src/lib/paper-index.ts";

export interface FuzzJob {
  id: number;
  /** A fresh folder for this batch's content. */
  root: string;
  targets: string[];
  notes: { name: string; ext: NoteExtension; text: string }[];
}

export type NoteExtension = ".md" | ".mdx";

/** A note of the batch, as saved: its slug's file is `${slug}${ext}`. */
interface SavedNote {
  ext: NoteExtension;
  text: string;
}

export type FuzzJobOutcome = FuzzJobResult | { id: number; /** checkContent itself threw. */ thrown: string };

export interface FuzzJobResult {
  id: number;
  ms: number;
  pass1: {
    /** `file` is an absolute path here. */
    problems: ContentProblem[];
    warnings: ContentProblem[];
    mdxSlugs: string[];
    drafts: string[];
    /** The file names paper-loader hands to Astro's MDX collection. */
    mdxFiles: string[];
  };
  pass2: {
    names: string[];
    problems: ContentProblem[];
    /** Fast-path HTML by slug, for notes only (not seeds or targets). */
    html: Record<string, string>;
    mdxSlugs: string[];
    /** Fast-path notes whose tree has MDX nodes (JSX, expressions, ESM), which the fast path cannot render. */
    mdxNodesOnFastPath: Record<string, string>;
    /** MDX-path notes that Astro's MDX plugins reject although the check passed them. */
    mdxPipelineErrors: Record<string, string>;
  };
}

function writeFolder(dir: string, files: Map<string, SavedNote>): string {
  const papersDir = join(dir, "papers");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(papersDir, { recursive: true });
  for (const [name, { ext, text }] of files) writeFileSync(join(papersDir, `${name}${ext}`), text);
  return papersDir;
}

function absolute(problems: ContentProblem[]): ContentProblem[] {
  return problems.map((p) => ({ ...p, file: resolve(p.file) }));
}

/** Why Astro's MDX plugins reject a note, or undefined. */
function mdxPipelineError(papersDir: string, slug: string, text: string, index: PaperIndex): string | undefined {
  try {
    runMdxPipeline(papersDir, slug, text, index);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export async function runJob(job: FuzzJob): Promise<FuzzJobResult> {
  const started = performance.now();
  const all = new Map<string, SavedNote>();
  for (const seed of SEEDS) all.set(seed.slug, { ext: ".mdx", text: seed.text });
  job.targets.forEach((text, i) => all.set(TARGET_SLUGS[i]!, { ext: ".mdx", text }));
  for (const { name, ext, text } of job.notes) all.set(name, { ext, text });
  const fileOf = (name: string) => `${name}${all.get(name)!.ext}`;

  const papersDir1 = writeFolder(join(job.root, "all"), all);
  const first = await checkContent(papersDir1, "/", { render: true });
  const mdxFiles = mdxPaperFiles(papersDir1, "/").map((f) => f.replace(/\.mdx$/, ""));
  const failing = new Set(first.problems.map((p) => resolve(p.file)));
  const drafts = [...first.index.values()].filter((p) => p.draft).map((p) => p.slug);
  const passed = (name: string) => !failing.has(join(papersDir1, fileOf(name))) && first.index.has(name) && !drafts.includes(name);
  const badTargets = TARGET_SLUGS.filter((t) => !passed(t));

  const clean = new Map<string, SavedNote>();
  for (const [name, note] of all) {
    if (!passed(name)) continue;
    // A note that refers to a target with problems cannot pass without it.
    if (badTargets.some((t) => note.text.includes(t))) continue;
    clean.set(name, note);
  }
  const papersDir2 = writeFolder(join(job.root, "clean"), clean);
  const second = await checkContent(papersDir2, "/", { render: true });
  const noteNames = new Set(job.notes.map((n) => n.name));
  const html: Record<string, string> = {};
  const mdxNodesOnFastPath: Record<string, string> = {};
  const mdxPipelineErrors: Record<string, string> = {};
  for (const [name, { text }] of clean) {
    if (!noteNames.has(name)) continue;
    const rendered = second.rendered.get(name);
    if (rendered) {
      html[name] = paperHtml(rendered);
      const { tree } = parseNote(readPaperSource(join(papersDir2, fileOf(name)), text));
      visit(tree, (node) => {
        if (MDX_NODE_TYPES.has(node.type)) mdxNodesOnFastPath[name] ??= `${node.type} at line ${node.position?.start.line}`;
      });
    } else if (second.mdxSlugs.has(name) && second.problems.length === 0) {
      const error = mdxPipelineError(papersDir2, name, text, second.index);
      if (error !== undefined) mdxPipelineErrors[name] = error;
    }
  }
  rmSync(job.root, { recursive: true, force: true });
  return {
    id: job.id,
    ms: performance.now() - started,
    pass1: {
      problems: absolute(first.problems),
      warnings: absolute(first.warnings),
      mdxSlugs: [...first.mdxSlugs],
      drafts,
      mdxFiles,
    },
    pass2: { names: [...clean.keys()], problems: absolute(second.problems), html, mdxSlugs: [...second.mdxSlugs], mdxNodesOnFastPath, mdxPipelineErrors },
  };
}

parentPort?.on("message", async (job: FuzzJob) => {
  try {
    parentPort!.postMessage(await runJob(job));
  } catch (error) {
    parentPort!.postMessage({ id: job.id, thrown: (error as Error)?.stack ?? String(error) } satisfies FuzzJobOutcome);
  }
});
