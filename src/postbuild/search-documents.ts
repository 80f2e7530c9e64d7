// What search finds, taken once from the built pages so that both backends
// (Pagefind when hosted, MiniSearch from disk) index exactly the same records:
// one per section of a paper, deep-linked to its heading, and one per labelled
// equation, deep-linked to its anchor. KaTeX's glyph markup is left out.
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Parser } from "htmlparser2";
import { equationName } from "../lib/equation-names.ts";
import type { PaperIndex } from "../lib/paper-index.ts";
import { listFiles } from "./relative-urls.ts";

export interface SearchDocument {
  id: string;
  /** Folder of the page inside the site, e.g. "papers/wuerstchen/". */
  page: string;
  /** Anchor inside the page, or "". */
  hash: string;
  title: string;
  heading: string;
  text: string;
  kind: "section" | "equation";
  lang: string;
}

/** Subtrees whose text is not prose: rendered math, buttons, hidden previews, navigation. */
const SKIPPED_CLASSES = /\b(katex|equation-tools|equation-previews|toc|paper-meta|paper-links|tag-list)\b/;
const SKIPPED_TAGS = new Set(["script", "style", "nav", "button", "template"]);

function sectionsOf(html: string, page: string, lang: string): SearchDocument[] {
  const sections: SearchDocument[] = [];
  let title = "";
  let inBody = 0;
  let skipping = 0;
  const stack: boolean[] = []; // per open element: did it start the skipped subtree?
  let heading: { id: string; text: string } | null = null;
  let current: SearchDocument | null = null;
  let capturingTitle = false;
  // Inline formulas are read as their TeX source; KaTeX's glyph markup is skipped.
  let inDisplayMath = 0;
  let inlineTex: "pending" | "capturing" | null = null;

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (attributes["data-pagefind-body"] !== undefined) inBody++;
        else if (inBody) inBody++;
        const classes = attributes.class ?? "";
        if (/\bequation\b|\bkatex-display\b/.test(classes)) inDisplayMath++;
        else if (inDisplayMath) inDisplayMath++;
        if (!skipping && classes === "katex" && !inDisplayMath) inlineTex = "pending";
        if (inlineTex === "pending" && tag === "annotation") inlineTex = "capturing";
        const startsSkip = !skipping && (SKIPPED_TAGS.has(tag) || SKIPPED_CLASSES.test(classes) || attributes.hidden !== undefined);
        stack.push(startsSkip);
        if (startsSkip) skipping = 1;
        if (!inBody || skipping) return;
        if (tag === "h1") capturingTitle = true;
        if ((tag === "h2" || tag === "h3") && attributes.id) heading = { id: attributes.id, text: "" };
      },
      ontext(text) {
        if (inlineTex === "capturing" && current) current.text += ` ${text} `;
        if (!inBody || skipping) return;
        if (capturingTitle) title += text;
        else if (heading) heading.text += text;
        else {
          current ??= { id: `${page}#`, page, hash: "", title: "", heading: "", text: "", kind: "section", lang };
          current.text += text;
        }
      },
      onclosetag(tag) {
        if (inDisplayMath) inDisplayMath--;
        if (tag === "annotation" && inlineTex === "capturing") inlineTex = null;
        if (stack.pop()) skipping = 0;
        if (inBody) inBody--;
        if (tag === "h1") capturingTitle = false;
        if (heading && (tag === "h2" || tag === "h3")) {
          if (current) sections.push(current);
          current = { id: `${page}#${heading.id}`, page, hash: heading.id, title: "", heading: heading.text.trim(), text: "", kind: "section", lang };
          heading = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (current) sections.push(current);
  for (const s of sections) {
    s.title = title.trim();
    s.text = s.text.replace(/\s+/g, " ").trim();
  }
  return sections.filter((s) => s.text || s.heading);
}

export function extractSearchDocuments(siteDir: string, index: PaperIndex): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const file of listFiles(join(siteDir, "papers"), ".html")) {
    const page = relative(siteDir, file).split(sep).join("/").replace(/index\.html$/, "");
    const html = readFileSync(file, "utf8");
    const lang = /<html lang="([^"]+)"/.exec(html)?.[1] ?? "en";
    documents.push(...sectionsOf(html, page, lang));
    const paper = index.get(page.split("/")[1] ?? "");
    for (const eq of paper?.equations ?? []) {
      if (!eq.label || eq.number === undefined) continue;
      const name = equationName(eq.label);
      documents.push({
        id: `${page}#${eq.anchor}`,
        page,
        hash: eq.anchor,
        title: paper!.title,
        heading: `(${eq.number}) ${name}`,
        text: `${name} ${eq.label}`,
        kind: "equation",
        lang,
      });
    }
  }
  return documents;
}
