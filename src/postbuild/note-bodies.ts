// Under scripts/build.ts, a paper page leaves Astro with a marker where its note
// goes, and the post-build pass puts the note there, as the content check's
// workers rendered, rewrote and scanned it. Astro then never decodes the notes
// (KaTeX markup, 170 KB a page) into strings and encodes them back, and the
// main process never rewrites or scans them.
import type { ScannedPart } from "./dist-guard.ts";

/** What a page writes in place of the note `slug`. ASCII, so it reads the same as UTF-8 and as Latin-1. */
export function noteMarker(slug: string): string {
  return `<!--papernotes:note ${encodeURIComponent(slug)}-->`;
}

const MARKER_START = Buffer.from("<!--papernotes:note ");

/**
 * A page cut at its note marker: [before, the note, after]; or [page] without
 * one. A page has at most one marker and it comes before the note, so only the
 * first counts.
 */
export function splitAtNote(page: Buffer, noteOf: (slug: string) => ScannedPart | undefined): (Buffer | ScannedPart)[] {
  const start = page.indexOf(MARKER_START);
  if (start < 0) return [page];
  const end = page.indexOf("-->", start) + 3;
  const slug = decodeURIComponent(page.toString("latin1", start + MARKER_START.length, end - 3));
  const note = noteOf(slug);
  if (note === undefined) throw new Error(`a page has a place for the note "${slug}", but no such note was rendered`);
  return [page.subarray(0, start), note, page.subarray(end)];
}
