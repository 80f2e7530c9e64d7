// For the content check: a note's relative imports must lead to a file. A
// missing one fails Astro's bundling, at the first such import only.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Program } from "estree";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { report } from "./messages.ts";

/** What Vite tries after an import path without its extension (its resolve.extensions). */
const EXTENSIONS = ["", ".mjs", ".js", ".mts", ".ts", ".jsx", ".tsx", ".json"];

export default function remarkMdxImports() {
  return (tree: Root, file: VFile) => {
    visit(tree, "mdxjsEsm", (node) => {
      const program = (node.data as { estree?: Program | null } | undefined)?.estree;
      for (const statement of program?.body ?? []) {
        const from = statement.type === "ImportDeclaration" || statement.type === "ExportNamedDeclaration" || statement.type === "ExportAllDeclaration" ? statement.source?.value : undefined;
        // Packages and aliases resolve through the project's settings, not the note's folder.
        if (typeof from !== "string" || !/^\.\.?\//.test(from)) continue;
        const target = resolve(dirname(file.path), from.replace(/[?#].*$/, ""));
        // At its own import: the lines of imports together are one node. (estree counts columns from 0.)
        const start = statement.loc?.start;
        if (!leadsToFile(target)) report(file, node, `import "${from}": there is no such file (looked for ${target})`, start && { line: start.line, column: start.column + 1 });
      }
    });
  };
}

function leadsToFile(path: string): boolean {
  const isFile = (candidate: string) => existsSync(candidate) && statSync(candidate).isFile();
  return EXTENSIONS.some((extension) => isFile(path + extension) || isFile(`${path}/index${extension}`));
}
