// The published papers, newest first, with what lists need to show them.
import { getCollection, type CollectionEntry } from "astro:content";
import { basePath, isDevServer, papersDir } from "../site.config.ts";
import { boundedMemo } from "./bounded-memo.ts";
import { listPaperFiles } from "./paper-files.ts";
import { paperPagePath } from "./paper-index.ts";
import { mdxPaperFiles, renderedPaper } from "./rendered-papers.ts";
import { readingMinutes } from "./reading-time.ts";

// Asking Astro for an empty collection logs a warning on every page. The dev
// server asks again each time, as a note may start or stop needing MDX (the
// check it runs on each save knows which do).
const kindsOfNotes = () => {
  const mdx = mdxPaperFiles(papersDir, basePath).length;
  return { mdx: mdx > 0, plain: listPaperFiles(papersDir).length > mdx };
};
const kindsAtStart = kindsOfNotes();
const kinds = () => (isDevServer ? kindsOfNotes() : kindsAtStart);

export type Paper = CollectionEntry<"papers"> | CollectionEntry<"mdxPapers">;

export async function publishedPapers(): Promise<Paper[]> {
  const { plain, mdx } = kinds();
  const papers: Paper[] = [...(plain ? await getCollection("papers", (p) => !p.data.draft) : []), ...(mdx ? await getCollection("mdxPapers", (p) => !p.data.draft) : [])];
  return papers.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title));
}

/** Drafts the dev server shows, each at its own page and in no list; a build has none. */
export async function previewedDrafts(): Promise<Paper[]> {
  if (!isDevServer) return [];
  const { plain, mdx } = kinds();
  return [...(plain ? await getCollection("papers", (p) => p.data.draft) : []), ...(mdx ? await getCollection("mdxPapers", (p) => p.data.draft) : [])];
}

// Lists show each paper's reading time on several pages; count it once per text.
const minutesByBody = boundedMemo<number>(4096);

export function minutesOf(paper: Paper): number {
  // Plain-Markdown notes were counted by the content pass.
  if (paper.collection === "papers") return renderedPaper(papersDir, basePath, paper.id).minutes;
  const body = paper.body ?? "";
  return minutesByBody(body, () => readingMinutes(body));
}

export function paperHref(paper: Paper): string {
  return import.meta.env.BASE_URL + paperPagePath(paper.id);
}
