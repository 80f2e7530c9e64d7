// Makes a built site readable from disk as well as from any host and sub-path:
// every internal URL becomes relative to its page, and every link to a folder
// names its index.html (file:// shows a folder listing otherwise).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import type { ScannedPart } from "./dist-guard.ts";

/** A URL that names its scheme (https:, mailto:, data:): not a path inside the site. */
export const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Percent-decoded, or as it is when that fails (a stray %). */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Attribute values Astro writes are double-quoted. A <base> element (only the
 * 404 page has one) is matched whole, so that its href stays root-absolute.
 */
const URL_ATTRIBUTE = /<base\s[^>]*>|(\s(?:href|src|poster|action)=")([^"]*)(")/g;
const CSS_URL = /(url\(\s*["']?)([^"')]+)(["']?\s*\))/g;

export function listFiles(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Rewrites one URL as seen from the page at `pagePath` (a path inside the site, like
 * "papers/x/index.html"). Only root-relative URLs under `base` change.
 */
export function relativeUrl(url: string, pagePath: string, base: string): string {
  if (!url.startsWith(base) || url.startsWith("//")) return url;
  const match = /^([^?#]*)([?#].*)?$/.exec(url.slice(base.length))!;
  let target = match[1]!;
  const suffix = match[2] ?? "";
  if (target === "" || target.endsWith("/")) target += "index.html";
  const from = posix.dirname(pagePath);
  const path = posix.relative(from, target) || posix.basename(target);
  return path + suffix;
}

export function rewriteHtml(html: string, pagePath: string, base: string): string {
  return html.replace(URL_ATTRIBUTE, (whole, before: string | undefined, url: string, after: string) => {
    // The canonical URL and feeds stay absolute: they name the hosted page.
    return before !== undefined && url.startsWith(base) ? before + relativeUrl(url, pagePath, base) + after : whole;
  }).replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) => open + rewriteCss(css, pagePath, base) + close);
}

function rewriteCss(css: string, filePath: string, base: string): string {
  return css.replace(CSS_URL, (whole, before: string, url: string, after: string) => (url.startsWith(base) ? before + relativeUrl(url, filePath, base) + after : whole));
}

/**
 * Rewrites every HTML and CSS file of a built site in place; returns the number
 * of pages. Files are read and written as Latin-1, one character per byte: the
 * URLs that change are ASCII, every other byte passes through as it was, and
 * the strings stay one byte per character, with no UTF-8 to decode or encode.
 * `split` may cut a page into parts to rewrite and parts that are final already
 * (see note-bodies.ts). `onPage` sees each page's parts in their final form, the
 * text as Latin-1, so that a later check need not read the page again.
 * `files`: every file of the site, if listed already.
 */
export function makeUrlsRelative(siteDir: string, base: string, { split, onPage, files = listFiles(siteDir, "") }: { split?: (page: Buffer) => (Buffer | ScannedPart)[]; onPage?: (file: string, parts: (string | ScannedPart)[]) => void; files?: string[] } = {}): number {
  const latin1Base = Buffer.from(base, "utf8").toString("latin1");
  let pages = 0;
  for (const [extension, rewrite] of [[".html", rewriteHtml], [".css", rewriteCss]] as const) {
    for (const file of files.filter((path) => path.endsWith(extension))) {
      const pagePath = Buffer.from(relative(siteDir, file).split(sep).join("/"), "utf8").toString("latin1");
      const bytes = readFileSync(file);
      const parts = extension === ".html" && split ? split(bytes) : [bytes];
      let changed = parts.length > 1;
      const final = parts.map((part) => {
        if (!Buffer.isBuffer(part)) return part;
        const before = part.toString("latin1");
        const after = rewrite(before, pagePath, latin1Base);
        changed ||= after !== before;
        return after;
      });
      if (changed) writeFileSync(file, Buffer.concat(final.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : part.bytes))));
      if (extension === ".html") {
        pages++;
        onPage?.(file, final);
      }
    }
  }
  return pages;
}
