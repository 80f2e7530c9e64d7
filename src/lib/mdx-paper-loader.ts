// The dev server's loader for the notes that need MDX: every .mdx note is read
// as it changes, and kept while it needs MDX. A note that starts to import a
// component or to use JSX while the server runs moves here from the plain notes'
// loader (and back again); with the files listed once at start, it was on no
// page ("Page not found") until the server restarted.
import { stripVTControlCharacters } from "node:util";
import { glob, type Loader } from "astro/loaders";
import { needsMdxCompiler } from "./body-text.ts";

type Context = Parameters<Loader["load"]>[0];
type Store = Context["store"];

export function mdxNotesAsTheyChange(papersDir: string): Loader {
  const globbed = glob({ pattern: "*.mdx", base: papersDir });
  return { name: "papernotes:mdx-papers", load: (context) => globbed.load({ ...context, store: onlyMdxNotes(context.store), logger: withoutRepeats(context.logger) }) };
}

/**
 * The log, but for glob's "Reloaded data from x.mdx" on each save of any note (the plain
 * notes' loader says it checked them), and its "Failed to reload x.mdx: … does not match
 * collection schema": the check tells of the same frontmatter, at its line, and printed
 * a note's typo twice (Astro's with "**summary**: Required" and "****: Unrecognized key").
 */
function withoutRepeats(logger: Context["logger"]): Context["logger"] {
  const quiet = withMethod(logger, "info", (message: string) => void (/^Reloaded data from /.test(stripVTControlCharacters(message)) || logger.info(message)));
  return withMethod(quiet, "error", (message: string) => void (/^Failed to reload [^\n]* does not match collection schema/.test(stripVTControlCharacters(message)) || logger.error(message)));
}

/** The store, but for notes that need no MDX: the plain notes' loader has them. */
function onlyMdxNotes(store: Store): Store {
  return withMethod(store, "set", (entry: Parameters<Store["set"]>[0]) => (needsMdxCompiler(entry.body ?? "") ? store.set(entry) : (store.delete(entry.id), false)));
}

/** `target` with one method replaced; its other methods stay bound to it (Astro's store and log are class instances). */
function withMethod<T extends object>(target: T, name: keyof T, method: unknown): T {
  return new Proxy(target, {
    get(of, key) {
      if (key === name) return method;
      const value: unknown = Reflect.get(of, key);
      return typeof value === "function" ? value.bind(of) : value;
    },
  });
}
