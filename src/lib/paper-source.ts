// Reads one paper file the way Astro's MDX pipeline will: frontmatter, then an mdast tree.
import { parseFrontmatter } from "@astrojs/markdown-remark";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { slugFromPath } from "./paper-files.ts";

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
  text.split("\n").forEach((line, i) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key && !keyLines.has(key) && i < parsed.rawFrontmatter.split("\n").length + 2) keyLines.set(key, i + 1);
  });
  return { path, slug: slugFromPath(path), frontmatter: parsed.frontmatter ?? {}, body: parsed.content, keyLines };
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);

/** Parses MDX; syntax errors throw a VFileMessage with the place. */
export function parseMdx(source: PaperSource): { tree: Root; file: VFile } {
  const file = new VFile({ path: source.path, value: source.body });
  const tree = parser.parse(file) as Root;
  return { tree, file };
}

/** Text before a colon, as people name papers: "Würstchen: An Efficient ..." → "Würstchen". */
export function shortTitle(title: string): string {
  const head = title.split(/:\s/)[0]!.trim();
  return head.length <= 48 ? head : head.slice(0, 45).trimEnd() + "…";
}
