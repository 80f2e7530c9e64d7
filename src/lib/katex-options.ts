// The one set of KaTeX options, for rendering and for the build-time check
// alike, and what KaTeX has (for the check's advice and \providecommand).
import katex, { type KatexOptions, type TrustContext } from "katex";

/** Only what our own plugins generate is trusted: ids of equations and links inside the site. */
function trustOnlySiteLinks(context: TrustContext): boolean {
  if (context.command === "\\htmlId") return /^eq-[\p{L}\p{M}\p{N}_-]+$/u.test(context.id); // as anchorForLabel makes them
  if (context.command === "\\href" || context.command === "\\url") return context.protocol === "_relative";
  return false;
}

/**
 * Whether KaTeX itself has a command (as \providecommand asks), or the
 * environment of "\begin{x}\end{x}"; `inMath`: as math, not a text-mode accent
 * such as \r, which KaTeX only tolerates there.
 */
export function katexHas(tex: string, inMath = false): boolean {
  try {
    katex.renderToString(tex, { throwOnError: true, strict: inMath ? "error" : "ignore" });
    return true;
  } catch (error) {
    return !/Undefined control sequence|No such environment|strict mode/.test(String((error as Error).message));
  }
}

export const katexOptions: KatexOptions = {
  output: "htmlAndMathml",
  strict: "ignore",
  trust: trustOnlySiteLinks,
};
