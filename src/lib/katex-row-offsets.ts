// A link to one row of a display of several rows (align) lands on that row's
// number. Scrolled to its top, the page hid the rows above it, and above them
// the equation's numbers (on a phone, where the column of numbers is off
// screen, the only ones in view). Each row's number is given the depth of its
// row's baseline below the top of the display (of its first row, however tall),
// which its scroll margin adds (global.css).
//
// A number of digits goes on its anchor too (--row-number): landed on that row,
// the number shown above the display is that row's alone, "(2)", not "(1, 2)".
// CSS reads no attribute of a descendant, but a counter set by the anchor is
// read by the display's ::after, which comes after it (global.css).

/** The start of KaTeX's column of numbers for several rows (one row's number is no vlist). */
const NUMBER_COLUMN = 'class="katex-tag"><span class="vlist-t';

/**
 * The number KaTeX renders in a row's anchor, if it is digits alone (a \\tag's text may be anything) that a
 * CSS counter shows as written: no leading zero (\\tag{07} would show "7"), nor more than a counter holds.
 */
const DIGITS = /<span class="mord">(0|[1-9]\d{0,8})<\/span><\/span>/y;

/** KaTeX's markup of a display, with `--row-offset` on each row's anchor, and `--row-number` if its number is digits. */
export function withRowOffsets(html: string): string {
  const column = html.indexOf(NUMBER_COLUMN);
  if (column < 0) return html;
  const numbers = html.slice(column);
  // The column's height above its baseline; each row sits at its top plus its strut's height (KaTeX's vlist).
  const height = /style="height:([\d.]+)em;"/.exec(numbers);
  if (!height) return html;
  let baseline = 0;
  const placed = numbers.replace(/style="top:(-?[\d.]+)em;"><span class="pstrut" style="height:([\d.]+)em;">|<span class="enclosing" id="([^"]+)">/g, (match, top: string | undefined, strut: string | undefined, id: string | undefined, at: number) => {
    if (top !== undefined) {
      baseline = Math.round((Number(height[1]) + Number(top) + Number(strut)) * 10000) / 10000;
      return match;
    }
    DIGITS.lastIndex = at + match.length;
    const number = DIGITS.exec(numbers)?.[1];
    return `<span class="enclosing" id="${id}" style="--row-offset:${baseline}em${number === undefined ? "" : `;--row-number:${number}`}">`;
  });
  return html.slice(0, column) + placed;
}
