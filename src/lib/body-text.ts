// What a reader reads in a note body: prose, without code, formulas or MDX syntax.

const FENCED_CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;
const DISPLAY_MATH = /^\$\$[ \t]*\n[\s\S]*?^\$\$[ \t]*$/gm;
const INLINE_MATH = /\$(?:\\.|[^$\n\\])+\$/g;

export function hasMath(body: string): boolean {
  const prose = body.replace(FENCED_CODE, "");
  return DISPLAY_MATH.test(prose) || INLINE_MATH.test(prose);
}

export function proseOf(body: string): string {
  return body
    .replace(FENCED_CODE, " ")
    .replace(DISPLAY_MATH, " ")
    .replace(INLINE_MATH, " ")
    .replace(/^(import|export)\s.*$/gm, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/[#>*_|~\[\]-]+/g, " ");
}
