// Under scripts/build.ts, a paper page leaves Astro with a marker where its note
// goes, and the post-build pass puts the note's HTML there. Astro then never
// decodes the notes (KaTeX markup, 170 KB a page) into strings and encodes them
// back: at 1,000 papers that round trip cost about 7 s and most of the build's memory.

/** What a page writes in place of the note `slug`. ASCII, so it reads the same as UTF-8 and as Latin-1. */
export function noteMarker(slug: string): string {
  return `<!--papernotes:note ${encodeURIComponent(slug)}-->`;
}

const MARKER_START = Buffer.from("<!--papernotes:note ");

/**
 * Replaces a page's note marker, if it has one, with `noteOf(slug)`. A page has
 * at most one marker and it comes before the note, so only the first counts.
 * Works on bytes: the page becomes one flat string afterwards, in one copy.
 */
export function fillNoteBody(page: Buffer, noteOf: (slug: string) => Uint8Array | undefined): Buffer {
  const start = page.indexOf(MARKER_START);
  if (start < 0) return page;
  const end = page.indexOf("-->", start) + 3;
  const slug = decodeURIComponent(page.toString("latin1", start + MARKER_START.length, end - 3));
  const note = noteOf(slug);
  if (note === undefined) throw new Error(`a page has a place for the note "${slug}", but no such note was rendered`);
  return Buffer.concat([page.subarray(0, start), note, page.subarray(end)]);
}
