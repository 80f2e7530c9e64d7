// Checks every paper before Astro builds anything, and reports every problem
// of every file at once: frontmatter, MDX syntax, TeX, labels, references, links.
// Astro stops at the first broken page and caches rendered pages; this does neither.
// With `render`, the same pass also turns each plain-Markdown note into HTML
// (the fast path); notes that use MDX components are left to Astro's MDX.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Root as HastRoot } from "hast";
import { toText } from "hast-util-to-text";
import type { Root } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import remarkSmartypants from "remark-smartypants";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { fastRehypePlugins, paperRemarkPlugins, type SiteLinkOptions } from "../plugins/index.ts";
import remarkCodeLanguages from "../plugins/remark-code-languages.ts";
import remarkKatexCheck from "../plugins/remark-katex-check.ts";
import { needsMdxCompiler } from "./body-text.ts";
import { indexPaper, listPaperFiles, type PaperIndex } from "./paper-index.ts";
import { paperSchema } from "./paper-schema.ts";
import { parseMdx, readPaperSource, SLUG_PATTERN, type PaperSource } from "./paper-source.ts";

export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export interface RenderedPaper {
  slug: string;
  path: string;
  frontmatter: Record<string, unknown>;
  /** The Markdown body, without frontmatter. */
  body: string;
  html: string;
  headings: { depth: number; slug: string; text: string }[];
}

export interface ContentCheckResult {
  problems: ContentProblem[];
  /** Worth telling the author, but no reason to stop the build. */
  warnings: ContentProblem[];
  papers: number;
  formulas: number;
  index: PaperIndex;
  /** Plain-Markdown notes rendered to HTML (with `render`), by slug. */
  rendered: Map<string, RenderedPaper>;
  /** Slugs of notes that use MDX components: Astro's MDX renders them. */
  mdxSlugs: Set<string>;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.reason}`;
}

export async function checkContent(papersDir: string, base = "/", options: { render?: boolean } = {}): Promise<ContentCheckResult> {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const display = (path: string) => relative(process.cwd(), path) || path;
  const problem = (path: string, line: number, column: number, reason: string) => problems.push({ file: display(path), line, column, reason });
  const parsed: { source: PaperSource; tree: Root; file: VFile }[] = [];
  const slugsSeen = new Map<string, string>();

  for (const path of listPaperFiles(papersDir)) {
    const bytes = readFileSync(path);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      problem(path, 1, 1, "the file is not UTF-8 text; save it as UTF-8");
      continue;
    }
    if (!/\S/.test(text)) {
      problem(path, 1, 1, "the file is empty; a paper needs frontmatter (title, authors, date, lang, summary) and a note");
      continue;
    }
    let source: PaperSource;
    try {
      source = readPaperSource(path, text);
    } catch (error) {
      const mark = (error as { mark?: { line: number; column: number } }).mark;
      problem(path, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, `the frontmatter is not valid YAML: ${(error as { reason?: string }).reason ?? (error as Error).message}`);
      continue;
    }
    if (!text.startsWith("---")) problem(path, 1, 1, "the file has no frontmatter; start it with a --- block (see CONTENT-FORMAT.md)");
    if (!SLUG_PATTERN.test(source.slug)) problem(path, 1, 1, `file name "${source.slug}" is not a slug: use lowercase letters, digits and -`);
    const twin = slugsSeen.get(source.slug.toLowerCase());
    if (twin) problem(path, 1, 1, `two files have the slug "${source.slug.toLowerCase()}": ${display(twin)} and this one`);
    slugsSeen.set(source.slug.toLowerCase(), path);

    const rawDate = /^date:\s*["']?([^"'#\s]+)/m.exec(text)?.[1];
    if (rawDate && !isCalendarDate(rawDate)) problem(path, source.keyLines.get("date") ?? 1, 1, `frontmatter key "date": ${rawDate} is not a calendar date such as 2024-03-15`);
    const valid = paperSchema.safeParse(source.frontmatter);
    if (!valid.success) {
      for (const issue of valid.error.issues) {
        const keys = issue.code === "unrecognized_keys" ? (issue.keys as string[]) : [String(issue.path[0] ?? "")];
        for (const key of keys) {
          const line = source.keyLines.get(key) ?? 1;
          const missing = issue.code === "invalid_type" && source.frontmatter[key] === undefined;
          const reason = issue.code === "unrecognized_keys" ? `unknown frontmatter key "${key}"` : missing ? `frontmatter key "${key}" is missing` : `frontmatter key "${issue.path.join(".")}": ${issue.message}`;
          problem(path, line, 1, reason);
        }
      }
    }
    try {
      parsed.push({ source, ...parseMdx(source) });
    } catch (error) {
      const m = error as { line?: number; column?: number; reason?: string; message: string };
      problem(path, m.line ?? 1, m.column ?? 1, `MDX syntax error: ${m.reason ?? m.message}`);
    }
  }

  const index: PaperIndex = new Map();
  for (const { source, tree } of parsed) index.set(source.slug, indexPaper(source, tree));

  const linkOptions: SiteLinkOptions = { index: () => index, base };
  const transform = unified().use(remarkSmartypants).use(paperRemarkPlugins(linkOptions) as never).use(remarkKatexCheck).use(remarkCodeLanguages);
  const toHtml = unified().use(remarkRehype).use(fastRehypePlugins() as never).use(rehypeStringify, { allowDangerousHtml: true });
  const rendered = new Map<string, RenderedPaper>();
  const mdxSlugs = new Set<string>();
  let formulas = 0;
  for (const { source, tree, file } of parsed) {
    if (source.frontmatter.draft === true) continue;
    if (needsMdxCompiler(source.body)) mdxSlugs.add(source.slug);
    file.data.astro = { frontmatter: source.frontmatter };
    transform.runSync(tree, file);
    formulas += countMath(tree);
    for (const m of file.messages) {
      const entry = { file: display(source.path), line: m.line ?? 1, column: m.column ?? 1, reason: m.reason };
      (m.fatal === false ? problems : warnings).push(entry);
    }
    if (options.render && problems.length === 0 && !mdxSlugs.has(source.slug)) {
      const hast = (await toHtml.run(tree as never, file)) as HastRoot;
      rendered.set(source.slug, {
        slug: source.slug,
        path: source.path,
        frontmatter: source.frontmatter,
        body: source.body.trimStart(),
        html: toHtml.stringify(hast as never, file) as string,
        headings: headingsOf(hast),
      });
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, warnings, papers: parsed.length, formulas, index, rendered, mdxSlugs };
}

function headingsOf(tree: HastRoot): RenderedPaper["headings"] {
  const headings: RenderedPaper["headings"] = [];
  visit(tree, "element", (node) => {
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (depth && typeof node.properties.id === "string") headings.push({ depth: Number(depth), slug: node.properties.id, text: toText(node).trim() });
  });
  return headings;
}

/** YAML rolls 2024-13-45 over into 2025-02-14; authors mean a typo. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return true; // not date-shaped: the schema reports it
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  return date.getUTCMonth() === +match[2]! - 1 && date.getUTCDate() === +match[3]!;
}

function countMath(tree: Root): number {
  let n = 0;
  visit(tree, ["math", "inlineMath"], () => {
    n++;
  });
  return n;
}
