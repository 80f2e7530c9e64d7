// The published papers, newest first, with what lists need to show them.
import { getCollection, type CollectionEntry } from "astro:content";
import { readingMinutes } from "./reading-time.ts";

export type Paper = CollectionEntry<"papers">;

export async function publishedPapers(): Promise<Paper[]> {
  const papers = await getCollection("papers", (p) => !p.data.draft);
  return papers.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title));
}

export function minutesOf(paper: Paper): number {
  return readingMinutes(paper.body ?? "");
}

export function paperHref(paper: Paper): string {
  return `${import.meta.env.BASE_URL}papers/${paper.id}/`;
}
