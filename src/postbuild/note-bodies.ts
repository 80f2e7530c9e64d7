// Under scripts/build-site.ts, a paper page leaves Astro with a marker where its note
// goes, and the formula list a marker where each formula's preview goes; the
// post-build pass puts them there, as the content check's workers rendered,
// rewrote and scanned them. Astro then never decodes this KaTeX markup (170 KB
// a note, 1.5 MB a page of the formula list) into strings and encodes it back,
// and the main process never rewrites or scans it.
import type { ScannedPart } from "./dist-guard.ts";

/** What a page writes in place of the note `slug`. ASCII, so it reads the same as UTF-8 and as Latin-1. */
export function noteMarker(slug: string): string {
  return `<!--papernotes:note ${encodeURIComponent(slug)}-->`;
}

/** What the formula list writes in place of the preview of the `n`th listed equation (from 0) of the paper `slug`. */
export function formulaMarker(slug: string, n: number): string {
  return `<!--papernotes:formula ${encodeURIComponent(slug)} ${n}-->`;
}

export interface SplicedParts {
  noteOf: (slug: string) => ScannedPart | undefined;
  formulaOf: (slug: string, n: number) => ScannedPart | undefined;
}

const MARKER_START = Buffer.from("<!--papernotes:");
const MARKER = /^(note|formula) ([^ ]+)(?: (\d+))?$/;

/**
 * A page cut at its markers, each replaced by its part: [before, note, after],
 * [..., preview, ...], or [page] without any. Only the page that Astro wrote is
 * searched for markers, never a part put in (a note may quote one).
 */
export function splitAtMarkers(page: Buffer, { noteOf, formulaOf }: SplicedParts): (Buffer | ScannedPart)[] {
  const parts: (Buffer | ScannedPart)[] = [];
  let from = 0;
  for (let start = page.indexOf(MARKER_START); start >= 0; start = page.indexOf(MARKER_START, from)) {
    const close = page.indexOf("-->", start);
    const marker = close < 0 ? null : MARKER.exec(page.toString("latin1", start + MARKER_START.length, close));
    if (!marker) throw new Error(`a page has an unknown marker: ${page.toString("latin1", start, close < 0 ? start + 80 : close + 3)}`);
    const end = close + 3;
    const slug = decodeURIComponent(marker[2]!);
    const part = marker[1] === "note" ? noteOf(slug) : formulaOf(slug, Number(marker[3]));
    if (part === undefined) throw new Error(marker[1] === "note" ? `a page has a place for the note "${slug}", but no such note was rendered` : `a page has a place for formula ${marker[3]} of "${slug}", but no such preview was rendered`);
    parts.push(page.subarray(from, start), part);
    from = end;
  }
  if (from === 0) return [page];
  parts.push(page.subarray(from));
  return parts;
}
