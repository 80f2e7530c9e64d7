// A link to one row of a display of several rows (align) lands on that row's
// number. Scrolled to its top, the page hid the rows above it, and above them
// the equation's numbers (on a phone, where the column of numbers is off
// screen, the only ones in view). Each labelled row's number is given its
// distance below the first row's, which its scroll margin adds (global.css).

/** The start of KaTeX's column of numbers for several rows (one row's number is no vlist). */
const NUMBER_COLUMN = 'class="katex-tag"><span class="vlist-t';

/** KaTeX's markup of a display, with `--row-offset` on each row's anchor but the first's. */
export function withRowOffsets(html: string): string {
  const column = html.indexOf(NUMBER_COLUMN);
  if (column < 0) return html;
  let first: number | undefined;
  let top = 0;
  // Each row of the column is a span placed by its top; its anchor comes before anything else in it.
  const numbered = html.slice(column).replace(/style="top:(-?[\d.]+)em;"|<span class="enclosing" id="([^"]+)">/g, (match, rowTop: string | undefined, id: string | undefined) => {
    if (rowTop !== undefined) {
      top = Number(rowTop);
      first ??= top;
      return match;
    }
    const offset = first === undefined ? 0 : Math.round((top - first) * 10000) / 10000;
    return offset > 0 ? `<span class="enclosing" id="${id}" style="--row-offset:${offset}em">` : match;
  });
  return html.slice(0, column) + numbered;
}
