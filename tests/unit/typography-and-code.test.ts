// The fast path's shortcuts must give exactly what the plugins they wrap give.
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import remarkSmartypants from "remark-smartypants";
import remarkGfm from "remark-gfm";
import { rehypeShiki } from "@astrojs/markdown-remark";
import type { Element } from "hast";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import { describe, expect, it, vi } from "vitest";
import { stringifyInPieces } from "../../src/lib/paper-pipeline.ts";
import rehypeCodeBlocks from "../../src/plugins/rehype-code-blocks.ts";
import rehypeShikiMemo, { type HighlightedBlocks } from "../../src/plugins/rehype-shiki-memo.ts";
import remarkCodeLanguages from "../../src/plugins/remark-code-languages.ts";
import remarkSmartypantsWhereNeeded, { smartypantsOptions } from "../../src/plugins/remark-smartypants-where-needed.ts";
import { shikiConfig } from "../../src/site.config.ts";

const prose = `# "Quoted" heading -- with a dash

A plain paragraph with nothing to convert.

She said "it *works*," and it's the model's job... or isn't it?

> A quote block: 'single' quotes -- and \`code with "quotes"\`.

| a | b |
|---|---|
| "cell" | plain |

- item one -- dash
- item two --- em dash, pages 3--5
`;

function markdown(plugin: PluggableList): string {
  return String(unified().use(remarkParse).use(remarkGfm).use(plugin).use(remarkRehype).use(rehypeStringify).processSync(prose));
}

describe("remark-smartypants-where-needed", () => {
  it("converts exactly what remark-smartypants converts", () => {
    const expected = markdown([[remarkSmartypants, smartypantsOptions]]);
    expect(expected).toContain("“Quoted”");
    expect(expected).toContain("it’s");
    // As in LaTeX: -- an en dash, --- an em dash.
    expect(expected).toContain("item two — em dash, pages 3–5");
    expect(expected).toContain("heading – with a dash");
    expect(markdown([remarkSmartypantsWhereNeeded])).toBe(expected);
  });
});

const code = (lang: string, body: string) => "```" + lang + "\n" + body + "\n```\n";
const page = [code("python", "def f(x):\n    return x + 1"), "Text between.\n", code("bash", "echo hi"), code("python", "def f(x):\n    return x + 1"), code("", "plain text")].join("\n");

async function html(plugin: PluggableList): Promise<string> {
  return String(await unified().use(remarkParse).use(remarkRehype).use(plugin).use(rehypeStringify).process(page));
}

describe("rehype-shiki-memo", () => {
  it("highlights as rehypeShiki does, repeated blocks included", async () => {
    const expected = await html([[rehypeShiki, shikiConfig]]);
    expect(expected.match(/class="astro-code/g)).toHaveLength(4);
    const memo: PluggableList = [[rehypeShikiMemo, shikiConfig]];
    expect(await html(memo)).toBe(expected);
  });

  it("reads a language's name in any case, and shows an unknown one as plain text without Shiki's placeless warning", async () => {
    const run = (markdown: string) => unified().use(remarkParse).use(remarkCodeLanguages, { langAlias: shikiConfig.langAlias }).use(remarkRehype).use(rehypeShikiMemo, shikiConfig).use(rehypeStringify).process(markdown).then(String);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await run(code("Python", "def f(x):\n    return x + 1"))).toBe(await run(code("python", "def f(x):\n    return x + 1")));
      expect(await run(code("foo", "x = 1"))).toBe(await run(code("plaintext", "x = 1")));
      // A name Shiki is told (GitHub's), highlighted as the language it stands for.
      const go = "func main() {\n\tfmt.Println(1)\n}";
      const tokens = (html: string) => html.replace(/^[^]*?<code>|<\/code>[^]*$/g, "");
      expect(tokens(await run(code("golang", go)))).toBe(tokens(await run(code("go", go))));
      expect(await run(code("golang", go))).toContain("--shiki-light:");
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("gives each page its own copy of a repeated block", async () => {
    const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeShikiMemo, shikiConfig);
    const first = await processor.run(processor.parse(page));
    const second = await processor.run(processor.parse(page));
    const blocks = (tree: typeof first) => tree.children.filter((node) => node.type === "element" && node.tagName === "pre");
    expect(blocks(second)[0]).toEqual(blocks(first)[0]);
    expect(blocks(second)[0]).not.toBe(blocks(first)[0]);
    expect(blocks(first)[2]).not.toBe(blocks(first)[0]);
  });

  it("shares a repeated block's spans, frozen, and frames every copy as rehypeShiki's own blocks", async () => {
    const expected = await html([[rehypeShiki, shikiConfig], rehypeCodeBlocks]);
    // Named by language alone, and no block a tab stop until the page script finds it scrolls.
    expect(expected.match(/<figure class="code-block" aria-label="(python|bash|plaintext) code">/g)).toHaveLength(4);
    expect(expected).not.toMatch(/tabindex/);
    const framed = unified().use(remarkParse).use(remarkRehype).use(rehypeShikiMemo, shikiConfig).use(rehypeCodeBlocks).use(rehypeStringify);
    // The second page finds every block highlighted already.
    for (let round = 0; round < 2; round++) expect(String(await framed.process(page))).toBe(expected);
    const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeShikiMemo, shikiConfig);
    const tree = await processor.run(processor.parse(page));
    const span = (tree.children.find((node) => node.type === "element" && node.tagName === "pre") as Element).children[0] as Element;
    expect(() => span.children.push({ type: "text", value: "x" })).toThrow(TypeError);
  });

  it("takes blocks kept by an earlier run, as the build cache keeps them, and highlights none again", async () => {
    const expected = await html([[rehypeShiki, shikiConfig]]);
    const kept = new Map<string, Element>();
    const store: HighlightedBlocks = { get: (key) => kept.get(key) && structuredClone(kept.get(key)), set: (key, block) => void kept.set(key, structuredClone(block)) };
    expect(await html([[rehypeShikiMemo, shikiConfig, store]])).toBe(expected);
    expect(kept.size).toBe(3); // python, bash, plain text: the repeated block once
    // A new run (a rebuild: its own memo, no highlighter loaded yet) finds them all.
    const sets = vi.spyOn(store, "set");
    const gets = vi.spyOn(store, "get");
    const file = new VFile(page);
    const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeShikiMemo, shikiConfig, store).use(rehypeStringify);
    expect(String(await processor.process(file))).toBe(expected);
    expect(sets).not.toHaveBeenCalled();
    expect(gets).toHaveBeenCalledTimes(3);
    expect(file.data.codeBlockKeys).toHaveLength(4);
    expect(new Set(file.data.codeBlockKeys)).toEqual(new Set(kept.keys()));
  });
});

describe("stringifyInPieces", () => {
  it("gives, joined, the HTML of the whole note in one piece per top-level node", async () => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeShikiMemo, shikiConfig);
    const tree = await processor.run(processor.parse(prose + "\n" + page + "\nA footnote[^1] and a 中文 sentence.\n\n[^1]: The note.\n"));
    tree.children.push({ type: "raw", value: '<span class="katex">x</span>' } as never, { type: "comment", value: " end " });
    const stringifier = unified().use(rehypeStringify, { allowDangerousHtml: true });
    const whole = stringifier.stringify(tree);
    const pieces = stringifyInPieces(tree, (piece) => stringifier.stringify(piece));
    expect(pieces.length).toBe(tree.children.length);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join("")).toBe(whole);
  });
});
