// KaTeX's HTML for a formula, with the site's one set of options (katex-options.ts),
// each distinct formula rendered once: for the fast path's pages, the check,
// formula previews and tag text alike.
import katex from "katex";
import { boundedMemo } from "./bounded-memo.ts";
import { formulaKey } from "./katex-classes.ts";
import { katexOptions } from "./katex-options.ts";
import { withRowOffsets } from "./katex-row-offsets.ts";

/**
 * Bounded, as a big site's formulas mostly differ: 40,000 different formulas
 * held 1.4 GB of a process's heap, and 0.1 GB with this bound. Emptied when
 * full, as the formula previews are (paper-pipeline.ts); the synthetic corpus
 * has about 1,000 different formulas, so a build of it never empties it.
 */
const rendered = boundedMemo<string>(4096);

export function renderMath(tex: string, displayMode: boolean): string {
  return rendered(formulaKey(tex, displayMode), () => {
    const html = katex.renderToString(tex, { ...katexOptions, displayMode, throwOnError: true });
    return displayMode ? withRowOffsets(html) : html;
  });
}

