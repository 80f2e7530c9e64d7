// What Astro's MDX integration runs over a note, minus the JSX compile: for
// tests that need the MDX path's output (real KaTeX elements, not raw HTML).
// Plain Node runs this file too (from the fuzz worker): explicit .ts imports only.
import { join } from "node:path";
import type { Root } from "hast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import remarkSmartypants from "remark-smartypants";
import { unified } from "unified";
import { VFile } from "vfile";
import type { PaperIndex } from "../../src/lib/paper-index.ts";
import { readPaperSource } from "../../src/lib/paper-source.ts";
import { sitePipeline } from "../../src/plugins/index.ts";

export const MDX_NODE_TYPES = new Set(["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "mdxJsxFlowElement", "mdxJsxTextElement"]);

/** The note's body as the MDX path turns it into a tree; throws what the plugins throw. */
export function runMdxPipeline(papersDir: string, slug: string, text: string, index: PaperIndex, base = "/"): Root {
  const path = join(papersDir, `${slug}.mdx`);
  const source = readPaperSource(path, text);
  const { remarkPlugins, rehypePlugins, smartypants } = sitePipeline({ papers: () => (slug) => index.get(slug), base });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkSmartypants, smartypants)
    .use(remarkPlugins as never)
    .use(remarkRehype, { passThrough: [...MDX_NODE_TYPES] as RemarkRehypeOptions["passThrough"] })
    .use(rehypePlugins as never);
  const file = new VFile({ path, value: source.body });
  file.data.astro = { frontmatter: source.frontmatter };
  return processor.runSync(processor.parse(file), file) as Root;
}
