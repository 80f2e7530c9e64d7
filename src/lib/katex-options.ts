// The one set of KaTeX options, for rendering and for the build-time check alike.
import type { KatexOptions, TrustContext } from "katex";

/** Only what our own plugins generate is trusted: ids of equations and links inside the site. */
export function trustOnlySiteLinks(context: TrustContext): boolean {
  if (context.command === "\\htmlId") return /^eq-[\p{L}\p{M}\p{N}_-]+$/u.test(context.id); // as anchorForLabel makes them
  if (context.command === "\\href" || context.command === "\\url") return context.protocol === "_relative";
  return false;
}

export const katexOptions: KatexOptions = {
  output: "htmlAndMathml",
  strict: "ignore",
  trust: trustOnlySiteLinks,
};
