// TeX in a double-quoted YAML value: YAML reads a backslash there as an escape,
// so "\theta" is a tab and "heta", "\beta" a backspace and "eta", "\nabla" a
// line break. The page shows what YAML made, with no error from YAML itself.

/** The escapes YAML turns into control characters, by the character each makes. */
const ESCAPE_OF: Record<string, string> = { "\0": "\\0", "\x07": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r", "\x1b": "\\e" };
const CONTROL = /[\0\x07\b\t\n\v\f\r\x1b]/;

/**
 * For a frontmatter value (a string, or a list of them) read from a
 * double-quoted scalar: what its author most likely meant ("\theta"), where
 * YAML made a control character of a backslash; else undefined.
 */
export function texEatenByYaml(value: unknown): string | undefined {
  for (const text of Array.isArray(value) ? value : [value]) {
    if (typeof text !== "string") continue;
    const at = text.search(CONTROL);
    if (at !== -1) return ESCAPE_OF[text[at]!]! + (/^[A-Za-z]*/.exec(text.slice(at + 1))?.[0] ?? "");
  }
  return undefined;
}
