// KaTeX's red error text, in Astro's MDX pipeline, is named at its formula's line.
import rehypeKatex from "rehype-katex";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { katexOptions } from "../../src/lib/katex-options.ts";
import { parseNote, readPaperSource } from "../../src/lib/paper-source.ts";
import { paperRemarkPlugins } from "../../src/plugins/index.ts";
import rehypeNoMathErrors from "../../src/plugins/rehype-no-math-errors.ts";

async function errorTextLines(note: string): Promise<number[]> {
  const { tree, file } = parseNote(readPaperSource("/notes/papers/a.mdx", note));
  file.data.astro = { frontmatter: {} };
  const pipeline = unified()
    .use(paperRemarkPlugins({ papers: () => () => undefined, base: "/" }) as never)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeKatex, katexOptions)
    .use(rehypeNoMathErrors);
  await pipeline.run(tree as never, file);
  return file.messages.filter((m) => m.reason.startsWith("KaTeX rendered part of a formula as error text")).map((m) => m.line ?? 0);
}

describe("rehype-no-math-errors", () => {
  // An untrusted command is shown as red text: KaTeX does not throw.
  const untrusted = String.raw`\href{https://example.org}{x}`;
  it("names an inline formula's line", async () => {
    expect(await errorTextLines(`---\ntitle: a\n---\n\nText.\n\nSee $${untrusted}$.\n`)).toEqual([7]);
  });
  it("names a numbered display's line, its opening $$", async () => {
    expect(await errorTextLines(`---\ntitle: a\n---\n\nText.\n\n$$\ny = ${untrusted}\n$$\n`)).toEqual([7]);
  });
});
