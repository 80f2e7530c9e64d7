// What a reader reads in a note body: prose, without code, formulas or MDX syntax.

const FENCED_CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;
// Also in a list item or a quote: its $$ lines indented, or after ">".
const DISPLAY_MATH = /^[ \t>]*\$\$[ \t]*\n[\s\S]*?^[ \t>]*\$\$[ \t]*$/gm;
// Not from an escaped \$, which is a dollar sign.
const INLINE_MATH = /(?<!\\)\$(?:\\.|[^$\n\\])+\$/g;

/** The patterns above match line by line; a note saved with Windows line endings (\r\n) too. */
const withLf = (body: string) => body.replace(/\r\n?/g, "\n");

export function hasMath(body: string): boolean {
  const prose = withLf(body).replace(FENCED_CODE, "");
  // search(), not test(): a /g regex's test() resumes from the previous match.
  return prose.search(DISPLAY_MATH) !== -1 || prose.search(INLINE_MATH) !== -1;
}

export function proseOf(body: string): string {
  return withLf(body)
    .replace(FENCED_CODE, " ")
    .replace(DISPLAY_MATH, " ")
    .replace(INLINE_MATH, " ")
    .replace(/^(import|export)\s.*$/gm, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/[#>*_|~\[\]-]+/g, " ");
}

/**
 * Whether a note needs Astro's MDX compiler: imports, JSX or HTML tags (or a
 * fragment, <>…</>), or expressions in its prose. Plain Markdown with math takes the fast path.
 */
export function needsMdxCompiler(body: string): boolean {
  // Escaped braces and < (\{ \} \<) are characters, in MDX too.
  const prose = withLf(body).replace(FENCED_CODE, " ").replace(DISPLAY_MATH, " ").replace(INLINE_MATH, " ").replace(/`[^`\n]*`/g, " ").replace(/\\[{}<]/g, " ");
  // <> opens a JSX fragment, which the fast path would render as a <div>.
  return /^(import|export)\s/m.test(prose) || /<[A-Za-z>]/.test(prose) || /[{}]/.test(prose);
}
