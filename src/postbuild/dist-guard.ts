// Scans a built site and reports what would break a reader, with file and line:
// module scripts and root-absolute URLs (both fail from file://), links to
// missing files or anchors, and anything fetched from another origin.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { attributesOf, START_TAG, withoutComments } from "../lib/html-tags.ts";
import { listFiles, safeDecode, URL_SCHEME } from "./relative-urls.ts";

export interface GuardProblem {
  file: string;
  line: number;
  reason: string;
}

export interface PageScan {
  ids: Set<string>;
  urls: { tag: string; attribute: string; url: string; rel?: string; line: number }[];
  moduleScripts: number[];
}

const URL_ATTRIBUTES = new Set(["href", "src", "poster", "action", "srcset"]);
/** <link rel> values that name a page rather than fetch a resource. */
const NAMING_RELS = /\b(canonical|alternate|author|license|me|external)\b/;

/** Tags whose attributes matter here; KaTeX's many spans mostly fail this test fast. */
const WORTH_READING = /\s(?:id|name|href|src|srcset|poster|action|type)\s*=|url\(/i;
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);

/**
 * Reads ids and URLs with regular expressions rather than a full parser: pages
 * hold tens of thousands of KaTeX spans, and only a few tags matter.
 */
export function scanPage(html: string, encoding: "utf8" | "latin1" = "utf8"): PageScan {
  // Latin-1 text holds UTF-8 bytes (see makeUrlsRelative): values are decoded before their entities.
  const fromPage = encoding === "latin1" ? (raw: string) => Buffer.from(raw, "latin1").toString("utf8") : (raw: string) => raw;
  const scan: PageScan = { ids: new Set(), urls: [], moduleScripts: [] };
  // No tag can have what is read here (a note's paragraph of KaTeX spans, say): nothing to parse.
  if (!WORTH_READING.test(html)) return scan;
  const text = withoutComments(html);
  // Tags arrive in document order, so newlines are counted incrementally.
  let counted = 0;
  let line = 1;
  const lineAt = (index: number) => {
    for (let at = text.indexOf("\n", counted); at !== -1 && at < index; at = text.indexOf("\n", at + 1)) line++;
    counted = Math.max(counted, index);
    return line;
  };
  START_TAG.lastIndex = 0;
  for (let match = START_TAG.exec(text); match; match = START_TAG.exec(text)) {
    const tag = match[1]!.toLowerCase();
    const rawAttributes = match[2]!;
    if (RAW_TEXT.has(tag)) {
      const closer = new RegExp(`</${tag}`, "gi");
      closer.lastIndex = START_TAG.lastIndex;
      const close = closer.exec(text);
      if (close) START_TAG.lastIndex = close.index;
    }
    if (!WORTH_READING.test(rawAttributes)) continue;
    const attributes = attributesOf(rawAttributes, fromPage);
    if (attributes.id) scan.ids.add(detached(attributes.id));
    if (tag === "a" && attributes.name) scan.ids.add(detached(attributes.name));
    if (tag === "script" && attributes.type === "module") scan.moduleScripts.push(lineAt(match.index));
    for (const [attribute, value] of Object.entries(attributes)) {
      if (!URL_ATTRIBUTES.has(attribute)) continue;
      const urls = attribute === "srcset" ? value.split(",").map((part) => part.trim().split(/\s+/)[0]!) : [value];
      for (const url of urls) scan.urls.push({ tag, attribute, url: detached(url), rel: attributes.rel && detached(attributes.rel), line: lineAt(match.index) });
    }
    if (attributes.style) for (const url of cssUrls(attributes.style)) scan.urls.push({ tag, attribute: "style", url: detached(url), line: lineAt(match.index) });
  }
  return scan;
}

/** Part of a page that was made and scanned elsewhere (a note, by the content check's workers). */
export interface ScannedPart {
  bytes: Uint8Array;
  scan: PageScan;
}

/** The scan of a page made of Latin-1 text (see makeUrlsRelative) and scanned parts, in order. */
export function scanParts(parts: (string | ScannedPart)[]): PageScan {
  if (parts.length === 1 && typeof parts[0] === "string") return scanPage(parts[0], "latin1");
  const page: PageScan = { ids: new Set(), urls: [], moduleScripts: [] };
  let linesBefore = 0;
  for (const part of parts) {
    const scan = typeof part === "string" ? scanPage(part, "latin1") : part.scan;
    for (const id of scan.ids) page.ids.add(id);
    for (const url of scan.urls) page.urls.push({ ...url, line: url.line + linesBefore });
    for (const line of scan.moduleScripts) page.moduleScripts.push(line + linesBefore);
    linesBefore += newlinesIn(typeof part === "string" ? part : part.bytes);
  }
  return page;
}

function newlinesIn(text: string | Uint8Array): number {
  let count = 0;
  if (typeof text === "string") for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  else for (let at = text.indexOf(10); at !== -1; at = text.indexOf(10, at + 1)) count++;
  return count;
}

/**
 * A copy of a value that does not keep its page alive: V8 keeps a substring as
 * a view into the string it came from, and scans of every page are kept until
 * the guard is done (a 1,000-paper site's pages held 440 MB that way).
 */
function detached(value: string): string {
  return Buffer.from(value, "utf8").toString("utf8");
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!);
}

type TargetKind = "file" | "folder" | "missing";

export const isOtherOrigin = (url: string) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);
const isSpecial = (url: string) => /^(?:data|mailto|tel|javascript|blob):/i.test(url);

/** A link that holds while its page and the site's files stay as they are: to a file with no anchor, or within its page. */
const holdsWhileFilesStay = (url: string) => url.startsWith("#") || !url.includes("#");

/**
 * What a later build needs of the scan of a page it reuses unchanged (see
 * guardSite's `changed`): its ids, and its links into other pages' anchors.
 * At 1,000 papers the record of the last build went from 5.9 MB to 1.7 MB;
 * a rebuild after an edit reads it first.
 */
export function scanForReuse(scan: PageScan): PageScan {
  return { ids: scan.ids, urls: scan.urls.filter(({ url }) => !holdsWhileFilesStay(url)), moduleScripts: [] };
}

/**
 * `scans`: pages already scanned (see makeUrlsRelative's onPage), by file path.
 * `changed`: for a site made from a guarded one with the same files, the pages
 * that are new. Every other page passed as it is, so only its links into new
 * pages (whose ids may differ) are checked again.
 * `files`: every file of the site, if listed already.
 */
export function guardSite(siteDir: string, scans = new Map<string, PageScan>(), changed?: Set<string>, files = listFiles(siteDir, "")): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const scanOf = (file: string) => {
    let scan = scans.get(file);
    if (!scan) scans.set(file, (scan = scanPage(readFileSync(file, "utf8"))));
    return scan;
  };
  const report = (file: string, line: number, reason: string) => problems.push({ file: relative(siteDir, file), line, reason });
  // Every page links the same stylesheets, scripts and fonts: ask the disk once for each.
  const kinds = new Map<string, TargetKind>();
  const kindOf = (path: string) => {
    let kind = kinds.get(path);
    if (!kind) kinds.set(path, (kind = !existsSync(path) ? "missing" : statSync(path).isDirectory() ? "folder" : "file"));
    return kind;
  };

  for (const file of files.filter((path) => path.endsWith(".html"))) {
    const scan = scanOf(file);
    const passed = changed !== undefined && !changed.has(file);
    // A link between pages that both passed, into a file that is still there,
    // still holds; so does a link within a page that passed (most links are).
    const stillHolds = (url: string) => holdsWhileFilesStay(url) || !changed!.has(linkTarget(file, url).target);
    if (!passed) for (const line of scan.moduleScripts) report(file, line, 'a <script type="module">: Chromium blocks module scripts from file://');
    for (const { tag, attribute, url, rel, line } of scan.urls) {
      if ((passed && stillHolds(url)) || url === "" || isSpecial(url)) continue;
      const fetched = !(tag === "a" || tag === "area" || (tag === "link" && rel !== undefined && NAMING_RELS.test(rel)) || (tag === "form" && attribute === "action"));
      if (isOtherOrigin(url)) {
        if (fetched) report(file, line, `<${tag} ${attribute}="${url}"> loads from another origin`);
        continue;
      }
      if (URL_SCHEME.test(url)) continue;
      // The 404 page is served at any URL: its <base> is for hosts (from disk, its inline script drops it).
      if (tag === "base" && relative(siteDir, file) === "404.html") continue;
      if (url.startsWith("/")) {
        report(file, line, `<${tag} ${attribute}="${url}"> is root-absolute and breaks when the site is opened from disk or under another base path`);
        continue;
      }
      checkRelativeTarget(file, url, line, tag, attribute, scanOf, kindOf, report);
    }
  }
  for (const file of files.filter((path) => path.endsWith(".css"))) {
    const css = readFileSync(file, "utf8");
    for (const url of cssUrls(css)) {
      if (url.startsWith("data:")) continue;
      const line = css.slice(0, css.indexOf(url)).split("\n").length;
      if (isOtherOrigin(url)) report(file, line, `url(${url}) loads from another origin`);
      else if (url.startsWith("/")) report(file, line, `url(${url}) is root-absolute and breaks from disk`);
      else if (!existsSync(resolve(dirname(file), url.replace(/[?#].*$/, "")))) report(file, line, `url(${url}) names a missing file`);
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The file a relative URL in the page `file` names, and the anchor in it. */
function linkTarget(file: string, url: string): { path: string; hash?: string; target: string } {
  const [pathPart = "", hash] = url.split("#", 2) as [string, string | undefined];
  const path = safeDecode(pathPart.replace(/\?.*$/, ""));
  return { path, hash, target: path === "" ? file : resolve(dirname(file), path) };
}

function checkRelativeTarget(
  file: string,
  url: string,
  line: number,
  tag: string,
  attribute: string,
  scanOf: (file: string) => PageScan,
  kindOf: (path: string) => TargetKind,
  report: (file: string, line: number, reason: string) => void,
): void {
  const { path, hash, target } = linkTarget(file, url);
  const kind = kindOf(target);
  if (path.endsWith("/") || kind === "folder") {
    report(file, line, `<${tag} ${attribute}="${url}"> links to a folder; from disk that opens a file listing, not the page`);
    return;
  }
  if (kind === "missing") {
    report(file, line, `<${tag} ${attribute}="${url}"> names a missing file`);
    return;
  }
  const id = hash && safeDecode(hash);
  if (id && target.endsWith(".html") && !scanOf(target).ids.has(id)) {
    report(file, line, `<${tag} ${attribute}="${url}">: ${relative(dirname(file), target)} has no element with id "${id}"`);
  }
}
