// TeX in a double-quoted YAML value: YAML reads a backslash there as an escape,
// so "\theta" is a tab and "heta", "\beta" a backspace and "eta", "\nabla" a
// line break. The page shows what YAML made, with no error from YAML itself.

/** The escapes YAML turns into control or space characters, by the character each makes (\Phi, \Lambda, \Nu, x\_1 too). */
const ESCAPE_OF: Record<string, string> = { "\0": "\\0", "\x07": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r", "\x1b": "\\e", "\x85": "\\N", "\xa0": "\\_", "\u2028": "\\L", "\u2029": "\\P" };
const ESCAPED = /[\0\x07\b\t\n\v\f\r\x1b\x85\xa0\u2028\u2029]([A-Za-z]*)/g;

/**
 * For a frontmatter value (a string, or a list of them) read from a
 * double-quoted scalar: what its author most likely meant (["\theta",
 * "\beta"]), wherever YAML made a character of a backslash; else [].
 */
export function texEatenByYaml(value: unknown): string[] {
  const texts = (Array.isArray(value) ? value : [value]).filter((text): text is string => typeof text === "string");
  return texts.flatMap((text) => [...text.matchAll(ESCAPED)].map(([, letters], i, all) => ESCAPE_OF[all[i]![0][0]!]! + letters));
}

/** For YAML's "unknown escape sequence" (\sigma, \pi in double quotes): how to write TeX there. */
export const TEX_IN_DOUBLE_QUOTES = "in double quotes a backslash starts an escape: for TeX, double it (\\\\sigma) or put the value in single quotes";
