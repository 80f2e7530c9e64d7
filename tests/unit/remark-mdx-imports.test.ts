// remark-mdx-imports: a relative import that leads to no file is reported at
// its line; files found as Vite finds them, and packages, are not.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import remarkMdx from "remark-mdx";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkMdxImports from "../../src/plugins/remark-mdx-imports.ts";

const folder = mkdtempSync(join(tmpdir(), "papernotes-imports-"));
mkdirSync(join(folder, "papers"));
mkdirSync(join(folder, "widgets"));
writeFileSync(join(folder, "Aside.astro"), "<aside><slot /></aside>\n");
writeFileSync(join(folder, "data.ts"), "export const n = 1;\n");
writeFileSync(join(folder, "widgets", "index.js"), "export const w = 1;\n");

const messagesOf = (mdx: string) => pluginMessages(mdx, [remarkMdx, remarkMdxImports], join(folder, "papers", "note.mdx"));

describe("remark-mdx-imports", () => {
  it("reports a relative import of a file that does not exist, at its line", () => {
    expect(messagesOf('Text.\n\nimport Aside from "../Asdie.astro"\n')).toEqual([`3:1: import "../Asdie.astro": there is no such file (looked for ${join(folder, "Asdie.astro")})`]);
  });

  it("reports each missing import, re-exports included", () => {
    expect(messagesOf('import a from "./a.js"\nexport { b } from "../b.js"\n')).toHaveLength(2);
  });

  it("reports each missing import at its own line, not at the start of the block of imports", () => {
    const imports = (lines: string[]) => messagesOf(`Text.\n\n${lines.join("\n")}\n`);
    expect(imports(['import Aside from "../Aside.astro"', 'import { n } from "../data"', 'import Missing from "./Missing.astro"'])).toEqual([`5:1: import "./Missing.astro": there is no such file (looked for ${join(folder, "papers", "Missing.astro")})`]);
    expect(imports(['import A from "./A.astro"', 'import B from "./B.astro"']).map((message) => message.slice(0, message.indexOf(" ")))).toEqual(["3:1:", "4:1:"]);
  });

  it("finds files as Vite does: as written, without their extension, or a folder's index", () => {
    expect(messagesOf('import Aside from "../Aside.astro"\nimport { n } from "../data"\nimport { w } from "../widgets"\n')).toEqual([]);
  });

  it("leaves packages and a folder that is not a module alone", () => {
    expect(messagesOf('import { z } from "astro/zod"\nimport x from "@scope/pkg"\n')).toEqual([]);
    expect(messagesOf('import p from "../papers"\n')).toEqual([expect.stringMatching(/import "\.\.\/papers": there is no such file/)]);
  });
});
