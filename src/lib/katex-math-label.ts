// Chromium leaves MathML out of a name computed from content: a column header
// "$M_1$" had no name, a row "$M_1$ vs SFT baseline" was named "vs SFT
// baseline", as were the rows of $M_2$ and $M_3$. In what is named from its
// content (a header, a link, a heading: see NAMED_FROM_CONTENT), each formula's
// <math> is given its symbols as a label, as Chromium reads them inside it
// ("M 1"; "D K L" for \mathrm{KL}, which it spells out too).
// Elsewhere it is left alone, for screen readers that read MathML itself.
import { decodeHTML, escapeAttribute } from "entities";

/** Elements whose accessible name is their content, read out where the content is not: in a table's headers, lists of links and headings. */
const NAMED_FROM_CONTENT = new Set(["a", "th", "caption", "summary", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** Whether a formula with these ancestors (hast; HTML an MDX note writes is a JSX node) is in an element named from its content. */
export function namedFromContent(ancestors: readonly { type: string; tagName?: string; name?: string | null }[]): boolean {
  return ancestors.some((node) => {
    const tag = node.type === "element" ? node.tagName : node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement" ? node.name : undefined;
    return typeof tag === "string" && NAMED_FROM_CONTENT.has(tag);
  });
}

const MATH_START = /<math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"( display="block")?>/;

/** The text of each symbol in KaTeX's MathML (not its annotation, the TeX), decoded, without invisible operators (as after \log). */
export function mathSymbols(html: string): string[] {
  const start = MATH_START.exec(html);
  if (!start) return [];
  const from = start.index + start[0].length;
  const annotation = html.indexOf("<annotation", from);
  return html
    .slice(from, annotation < 0 ? html.indexOf("</math>", from) : annotation)
    .split(/<[^>]*>/)
    .map((text) => decodeHTML(text).replace(/[\u2061-\u2064]/g, ""))
    .filter((text) => text !== "");
}

/** KaTeX's markup with its <math> labelled by the text of its symbols ("M 1" for M_1). */
export function withMathLabel(html: string): string {
  const label = mathSymbols(html).join(" ").replace(/\s+/g, " ").trim();
  if (!label) return html;
  const start = MATH_START.exec(html)!;
  const end = start.index + start[0].length - 1;
  return `${html.slice(0, end)} aria-label="${escapeAttribute(label)}"${html.slice(end)}`;
}
