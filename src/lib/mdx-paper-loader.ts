// The dev server's loader for the notes that need MDX: every .mdx note is read
// as it changes, and kept while it needs MDX. A note that starts to import a
// component or to use JSX while the server runs moves here from the plain notes'
// loader (and back again); with the files listed once at start, it was on no
// page ("Page not found") until the server restarted.
import { glob, type Loader } from "astro/loaders";
import { needsMdxCompiler } from "./body-text.ts";

type Store = Parameters<Loader["load"]>[0]["store"];

export function mdxNotesAsTheyChange(papersDir: string): Loader {
  const globbed = glob({ pattern: "*.mdx", base: papersDir });
  return { name: "papernotes:mdx-papers", load: (context) => globbed.load({ ...context, store: onlyMdxNotes(context.store) }) };
}

/** The store, but for notes that need no MDX: the plain notes' loader has them. */
function onlyMdxNotes(store: Store): Store {
  return new Proxy(store, {
    get(target, key) {
      if (key === "set") return (entry: Parameters<Store["set"]>[0]) => (needsMdxCompiler(entry.body ?? "") ? target.set(entry) : (target.delete(entry.id), false));
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
