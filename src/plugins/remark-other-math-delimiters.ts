// For the content check: LaTeX's \(…\) and \[…\], and full-width ＄…＄ (as a
// Chinese input method types it), are not math to remark-math, nor is an
// \eqref{…}, a \ref{…} or a \begin{equation}…\end{equation} in prose. Markdown
// reads \( as an escaped "(", so the TeX ships as text without a word. Allowed,
// but the author hears where it is.
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { findEquationRefs } from "../lib/equations.ts";
import { katexHas } from "../lib/katex-options.ts";
import { BLANK_LINE, occurrences, placeOf, pointAt, SOURCE } from "./messages.ts";

/** An opening delimiter or a reference, not itself escaped; looked for only in a note that holds one. */
const OPENER = /(?<!\\)(?:\\\\)*(\\\(|\\\[|＄＄|＄|\\(?:eq)?ref(?![A-Za-z])|\\begin\{[A-Za-z]+\*?\})/g;
const MAY_HOLD_OPENER = /\\[([]|＄|\\(?:eq)?ref(?![A-Za-z])|\\begin\{/;
const CLOSER: Record<string, string> = { "\\(": "\\)", "\\[": "\\]", "＄＄": "＄＄", "＄": "＄" };

/** Content that reads as TeX: a command, ^, _, braces or =. `\[1\]` or `\[a\]`, escaped brackets, is not. */
const LOOKS_LIKE_TEX = /[\\^_{}=]/;
/** Inline, a single letter or number too ("where \(x\) is"), and arithmetic (\(a+b\)): Markdown needs no \( around words. */
const INLINE_TEX = /^\s*(?:[A-Za-z]|\d+(?:\.\d+)?)\s*$|[+*/<>|]/;

export default function remarkOtherMathDelimiters() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    if (!MAY_HOLD_OPENER.test(text)) return;
    // A closer may sit in a later text node of the paragraph (after emphasis, say): it is not an opener again.
    let usedUntil = 0;
    visit(tree, "text", (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      for (const match of text.slice(start, end).matchAll(OPENER)) {
        const delimiter = match[1]!;
        const at = start + match.index + match[0].length - delimiter.length;
        if (at < usedUntil) continue;
        if (delimiter.startsWith("\\begin")) {
          // Not \begin{document} or {figure}: only an environment that $$ would make a formula.
          const closer = delimiter.replace("begin", "end");
          if (!katexHas(delimiter + closer)) continue;
          // A LaTeX user's display: reported once, at its \begin (not again at an environment inside it).
          const close = text.indexOf(closer, at);
          const sameParagraph = close !== -1 && !BLANK_LINE.test(text.slice(at, close));
          if (sameParagraph) usedUntil = close + closer.length;
          const label = sameParagraph ? /\\label\{([^}]*)\}/.exec(text.slice(at, close))?.[0] : undefined;
          const lost = label ? `; until then its ${label} names no equation` : "";
          file.info(`${delimiter} outside math shows as written, not as a formula: put the environment between $$ lines of their own ($$, then ${delimiter}…, then $$)${lost}`, { place: pointAt(file, node, at), source: SOURCE, ruleId: "math-delimiters" });
          continue;
        }
        if (delimiter.endsWith("ref")) {
          // In math it is a link; in prose, the command itself shows.
          const ref = findEquationRefs(text.slice(at, end))[0];
          if (ref?.start !== 0) continue;
          const written = text.slice(at, at + ref.length);
          file.info(`${written} outside math shows as written: write it as math, $${written}$`, { place: pointAt(file, node, at), source: SOURCE, ruleId: "math-delimiters" });
          continue;
        }
        // The closer, in the same paragraph (no blank line before it).
        const close = text.indexOf(CLOSER[delimiter]!, at + delimiter.length);
        if (close === -1 || BLANK_LINE.test(text.slice(at, close))) continue;
        const inner = text.slice(at + delimiter.length, close);
        if (!LOOKS_LIKE_TEX.test(inner) && (delimiter === "\\[" || !INLINE_TEX.test(inner))) continue;
        usedUntil = close + CLOSER[delimiter]!.length;
        const written = text.slice(at, usedUntil).replace(/\s+/g, " ");
        const shown = written.length > 40 ? `${written.slice(0, 30)}…${CLOSER[delimiter]}` : written;
        const nth = occurrences(text.slice(start, at), delimiter);
        const place = placeOf(file, node, delimiter, nth) ?? node.position;
        // ＄ and $ look alike: the warning says which it is.
        const fullWidth = delimiter.startsWith("＄") ? ` (＄ is the full-width dollar sign, U+FF04, as a Chinese input method types it; math takes the ASCII $)` : "";
        file.info(`${shown} shows as written, not as math${fullWidth}: math is written between $ signs ($…$), or as a display between $$ lines of their own`, { place, source: SOURCE, ruleId: "math-delimiters" });
      }
    });
  };
}
