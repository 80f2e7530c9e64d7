// A fenced code block's language, as Shiki knows it: by its lower-case name
// (```Python is python, as on GitHub). One Shiki lacks is shown as plain text:
// allowed, but the author hears where it is (Shiki itself would say so on the
// console, without a place, so it is given plaintext).
import type { Root } from "mdast";
import { bundledLanguages } from "shiki";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { didYouMean } from "../lib/did-you-mean.ts";
import { SOURCE } from "./messages.ts";

const PLAIN = new Set(["text", "txt", "plain", "plaintext", "ansi"]);

const KNOWN_NAMES = [...PLAIN, ...Object.keys(bundledLanguages)];

/**
 * "; did you mean python?" for ```pyhton: typos only, so names of about its
 * length (closestName takes a name that starts another for a rename: "typ", the
 * Typst alias, for "typscript").
 */
function didYouMeanLanguage(lang: string, names: string[]): string {
  return didYouMean(lang, names.filter((known) => Math.abs(known.length - lang.length) <= 1));
}

export interface CodeLanguageOptions {
  /** Shiki's langAlias: other names it is told to highlight (```golang as go). */
  langAlias?: Record<string, string>;
}

export default function remarkCodeLanguages({ langAlias = {} }: CodeLanguageOptions = {}) {
  const names = [...KNOWN_NAMES, ...Object.keys(langAlias)];
  /** Whether Shiki highlights a fenced block of this language, or shows it as plain text on purpose. */
  const isKnownCodeLanguage = (name: string) => PLAIN.has(name) || Object.hasOwn(bundledLanguages, name) || Object.hasOwn(langAlias, name);
  return (tree: Root, file: VFile) => {
    // A code block is never inside a paragraph: their phrasing is skipped.
    visit(tree, ["code", "paragraph"], (node) => {
      if (node.type !== "code") return SKIP;
      if (!node.lang) return;
      const name = node.lang.toLowerCase();
      // Astro's Shiki never highlights "math", and rehype-katex renders such a block as a formula, but only
      // on the MDX path (the check's KaTeX pass never sees it): plain text on both paths, said where.
      if (name === "math") {
        file.info("a ```math block is shown as code, not as a formula: for a formula, put its TeX between $$ lines", { place: node.position, source: SOURCE, ruleId: "math-code-block" });
        return void (node.lang = "plaintext");
      }
      if (isKnownCodeLanguage(name)) return void (node.lang = name);
      // info(), not message(): a warning, which does not fail the build.
      file.info(`unknown code language "${node.lang}": the block is shown as plain text without highlighting${didYouMeanLanguage(name, names)}`, { place: node.position, source: SOURCE, ruleId: "code-language" });
      node.lang = "plaintext";
    });
  };
}
