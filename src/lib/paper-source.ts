// Reads one paper file the way Astro's MDX pipeline will: frontmatter, then an mdast tree.
import { parseFrontmatter } from "@astrojs/markdown-remark";
import type { Root } from "mdast";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkGfm from "remark-gfm";
import { gfmOptions } from "../plugins/remark-tex-ties.ts";
import remarkMath from "remark-math";
import remarkMathMacros from "../plugins/remark-math-macros.ts";
import remarkStarredRowBreaks from "../plugins/remark-starred-row-breaks.ts";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { VFile } from "vfile";
import { isMarkdownNote, slugFromPath } from "./paper-files.ts";

export interface PaperSource {
  path: string;
  slug: string;
  frontmatter: Record<string, unknown>;
  /** The body with the frontmatter blanked out, so lines and columns match the file. */
  body: string;
  /** Line numbers of top-level frontmatter keys, for error messages. */
  keyLines: Map<string, number>;
}

/** Throws with a readable message when the YAML itself cannot be read. */
export function readPaperSource(path: string, text: string): PaperSource {
  const parsed = parseFrontmatter(text, { frontmatter: "empty-with-spaces" });
  const keyLines = new Map<string, number>();
  // Only the frontmatter's lines can hold a key (its raw text spans them, fences included): the body is not split.
  text.split("\n", parsed.rawFrontmatter === "" ? 0 : parsed.rawFrontmatter.split("\n").length).forEach((line, i) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key && !keyLines.has(key)) keyLines.set(key, i + 1);
  });
  return { path, slug: slugFromPath(path), frontmatter: parsed.frontmatter ?? {}, body: parsed.content, keyLines };
}

const applyMathMacros = remarkMathMacros();
const replaceStarredRowBreaks = remarkStarredRowBreaks();

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm, gfmOptions).use(remarkMath);
const parserWithoutAutolinkLiterals = unified().use(remarkParse).use(remarkMdx).use(remarkGfmWithoutAutolinkLiterals).use(remarkMath);
// A .md note is Markdown, as Astro reads it: raw HTML (<br>, <details>) is HTML, braces are text.
const markdownParser = unified().use(remarkParse).use(remarkGfm, gfmOptions).use(remarkMath);
const markdownParserWithoutAutolinkLiterals = unified().use(remarkParse).use(remarkGfmWithoutAutolinkLiterals).use(remarkMath);

/**
 * What a GFM autolink literal needs (www., http:// or https://, an email's
 * "x@y"), or a character reference or escape that could make one in the text.
 */
const MAY_HOLD_AUTOLINK_LITERAL = /https?:\/\/|www\.|[\w+.-]@[\w-]|&(?:#|[a-z][a-z\d]*;)|\\[.@:/]/i;

/**
 * Parses a note: MDX, or Markdown for a .md note (or `asMarkdown`); MDX
 * syntax errors throw a VFileMessage with the place. A note that
 * cannot hold an autolink literal is parsed without looking for them, to the
 * same tree: they were about 40 % of the parse (an email literal is tried at
 * the start of every word).
 */
export function parseNote(source: PaperSource, options: { asMarkdown?: boolean } = {}): { tree: Root; file: VFile } {
  const file = new VFile({ path: source.path, value: source.body });
  const autolinks = mayHoldAutolinkLiteral(source.body);
  const chosen = options.asMarkdown || isMarkdownNote(source.path) ? (autolinks ? markdownParser : markdownParserWithoutAutolinkLiterals) : autolinks ? parser : parserWithoutAutolinkLiterals;
  const tree = chosen.parse(file) as Root;
  // Before anything reads the formulas: a definitions-only formula is no equation, and previews need the definitions.
  applyMathMacros(tree, file);
  replaceStarredRowBreaks(tree, file);
  return { tree, file };
}

export function mayHoldAutolinkLiteral(text: string): boolean {
  return MAY_HOLD_AUTOLINK_LITERAL.test(text);
}

/** remark-gfm without autolink literals: footnotes, strikethrough, tables and task lists. */
function remarkGfmWithoutAutolinkLiterals(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(gfmOptions), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}
