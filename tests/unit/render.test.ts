// The site's real remark/rehype pipeline, rendered to HTML without Astro.
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";
import rehypeStringify from "rehype-stringify";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-check.ts";
import { loadPaperIndex } from "../../src/lib/paper-index.ts";
import { paperHtml } from "../../src/lib/rendered-papers.ts";
import { sitePipeline } from "../../src/plugins/index.ts";
import { frontmatter, writePapers } from "../support/papers.ts";

const main = `${frontmatter({ title: '"Main Paper: Long Subtitle"' })}
$$
a = b \\label{eq:first}
$$

$$
c = d \\notag
$$

$$
\\begin{aligned} e &= f \\label{eq:row-one} \\\\ g &= h \\label{eq:row-two} \\end{aligned}
$$

See $\\eqref{eq:first}$, $\\ref{eq:row-two}$ and $x = \\eqref{eq:row-one}$.
`;
const other = `${frontmatter({ lang: "zh" })}
引用 $\\eqref{main/eq:first}$。
`;

function render(files: Record<string, string>, slug: string, base = "/"): { html: string; file: VFile } {
  const { papersDir } = writePapers(files);
  const index = loadPaperIndex(papersDir);
  const { remarkPlugins, rehypePlugins } = sitePipeline({ papers: () => (slug) => index.get(slug), base });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPlugins as never)
    .use(remarkRehype)
    .use(rehypePlugins as never)
    .use(rehypeStringify);
  const body = files[slug]!.replace(/^---[\s\S]*?---\n/, "");
  const file = new VFile({ path: `${papersDir}/${slug}.mdx`, value: body });
  file.data.astro = { frontmatter: { lang: slug === "other" ? "zh" : "en" } };
  return { html: String(processor.processSync(file)), file };
}

describe("rendered equations", () => {
  const { html } = render({ main, other }, "main");

  it("numbers display equations as text and anchors them by label", () => {
    expect(html).toMatch(/<div class="equation" id="eq-first" data-equation="1">/);
    expect(html).toContain('<mtext>(1)</mtext>');
    // KaTeX numbers `align` rows with a CSS counter (class "eqn-num"); ours are text.
    expect(html).not.toMatch(/class="eqn-num"/);
  });

  it("leaves \\notag equations unnumbered and without anchor", () => {
    const second = html.split('<div class="equation"')[2]!;
    expect(second.startsWith(">")).toBe(true);
    expect(second).not.toContain("equation-link");
    // Its TeX button has no number to name.
    expect(second).toContain('aria-label="Copy TeX source of this equation"');
  });

  it("gives each labelled row its own number and id", () => {
    expect(html).toContain('id="eq-row-one"');
    expect(html).toContain('id="eq-row-two"');
    expect(html).toContain('data-equation="2, 3"');
  });

  it("turns \\eqref and \\ref into links showing the number", () => {
    expect(html).toContain('<a href="#eq-first" class="eqref" data-tex="\\eqref{eq:first}">(1)</a>');
    expect(html).toContain('<a href="#eq-row-two" class="eqref" data-tex="\\ref{eq:row-two}">3</a>');
  });

  it("anchors Chinese labels by their own letters, in a whole display and in rows", () => {
    const zh = `${frontmatter({ lang: "zh" })}
$$
a = b \\label{eq:注意力}
$$

$$
\\begin{aligned} c &= d \\label{eq:自注意} \\\\ e &= f \\label{eq:交叉注意} \\end{aligned}
$$

见 $\\eqref{eq:注意力}$、$\\eqref{eq:自注意}$ 与 $\\eqref{eq:交叉注意}$。
`;
    const { html, file } = render({ other: zh }, "other");
    expect(file.messages.map((m) => m.reason)).toEqual([]);
    expect(html).toContain('id="eq-注意力"');
    expect(html).toContain('id="eq-自注意"');
    expect(html).toContain('id="eq-交叉注意"');
    // Links carry the anchor percent-encoded, as URLs do; browsers match it to the id.
    expect(html).toContain(`<a href="#${encodeURIComponent("eq-自注意")}" class="eqref" data-tex="\\eqref{eq:自注意}">(2)</a>`);
  });

  it("links \\eqref inside a larger formula through KaTeX", () => {
    expect(html).toMatch(/<a href="#eq-row-one">.*\(2\)/s);
  });

  it("adds a copy-link button and a copy-LaTeX button with the author's TeX", () => {
    expect(html).toContain('<a class="equation-link" href="#eq-first" aria-label="Copy link to equation (1)"');
    expect(html).toContain('data-tex="a = b \\label{eq:first}"');
  });

  it("never ships KaTeX error text", () => {
    expect(html).not.toContain("katex-error");
    expect(html).not.toContain("#cc0000");
  });
});

describe("cross-paper references", () => {
  it("link to the other paper under the base path, with its short title and a build-time preview", () => {
    const { html } = render({ main, other }, "other", "/notes/");
    expect(html).toContain('<a href="/notes/papers/main/#eq-first" class="eqref" data-preview="main#eq-first" data-tex="\\eqref{main/eq:first}">Main Paper\u00a0(1)</a>'); // a no-break space: the number stays with the title
    // A Chinese note ("other") shows the English title in the preview: read as English.
    expect(html).toMatch(/<div class="equation-previews" hidden><div class="equation-preview" data-preview-for="main#eq-first" data-paper="Main Paper: Long Subtitle" lang="en"><span class="katex-display">/);
  });

  it("inside a larger formula, show the other paper's title as written, TeX's special characters and all", () => {
    const special = `${frontmatter({ title: '"R&D_x at 100% {b} ~c^d #1 \\\\e $5"' })}\n$$\nx \\label{eq:x}\n$$\n`;
    const citing = `${frontmatter()}\nSo $y = \\eqref{special/eq:x}$.\n`;
    const { html, file } = render({ special, citing }, "citing");
    expect(file.messages).toEqual([]);
    // KaTeX's link, in the HTML a reader sees (the MathML beside it is for screen readers); its spaces are no-break ones.
    const links: string[] = [];
    visit(fromHtml(html, { fragment: true }), "element", (node) => void (node.tagName === "a" && node.properties.href === "/papers/special/#eq-x" && links.push(toText(node).replace(/\u00a0/g, " "))));
    expect(links).toEqual(["R&D_x at 100% {b} ~c^d #1 \\e $5 (1)"]);
  });

  it("show a \\tag{$\\star$} as the equation does, rendered by KaTeX, and name it as text without $", () => {
    const starred = `${frontmatter({ title: '"Starred"' })}\n$$\nx = 1 \\tag{$\\star$} \\label{eq:star}\n$$\n\nSee $\\eqref{eq:star}$.\n`;
    const citing = `${frontmatter()}\nSee $\\eqref{starred/eq:star}$.\n`;
    const { html, file } = render({ starred, citing }, "starred");
    expect(file.messages).toEqual([]);
    expect(html).toMatch(/<a href="#eq-star" class="eqref" data-tex="\\eqref\{eq:star\}"><span class="katex">.*<mo>⋆<\/mo>/);
    expect(html).toContain('aria-label="Copy link to equation (⋆)"');
    expect(html).toContain('data-equation="⋆"');
    expect(html.replace(/<annotation[^]*?<\/annotation>|data-tex="[^"]*"/g, "")).not.toContain("$");
    const cited = render({ starred, citing }, "citing").html;
    expect(cited).toMatch(/<a href="\/papers\/starred\/#eq-star" class="eqref" data-preview="starred#eq-star" data-tex="\\eqref\{starred\/eq:star\}">Starred\u00a0<span class="katex">.*<mo>⋆<\/mo>/);
  });

  it("show a \\tag{\\ref{eq:x}$'$} with the number it refers to, in the equation and in links to it", () => {
    const primed = `${frontmatter({ title: '"Primed"' })}\n$$\na = b \\label{eq:base}\n$$\n\n$$\na' = b' \\tag{\\ref{eq:base}$'$} \\label{eq:prime}\n$$\n\nSee $\\eqref{eq:prime}$.\n`;
    const { html, file } = render({ primed }, "primed");
    expect(file.messages).toEqual([]);
    expect(html).toContain('data-equation="1′"');
    expect(html).toContain('aria-label="Copy link to equation (1′)"');
    expect(html.replace(/<annotation[^]*?<\/annotation>|data-tex="[^"]*"/g, "")).not.toContain("\\ref"); // but in the TeX as written
  });

  it("fail the page with every problem when a label is missing", () => {
    const bad = `${frontmatter()}\n$\\eqref{main/eq:zzz}$ and $\\eqref{eq:none}$\n`;
    expect(() => render({ main, bad }, "bad")).toThrow(/2 problems[\s\S]*main\/eq:zzz[\s\S]*eq:none/);
  });
});

describe("code blocks in an MDX note", () => {
  it("name their language as Shiki knows it, ```Python as python, and one it lacks as plaintext", () => {
    const code = `${frontmatter()}\n\`\`\`Python\nx = 1\n\`\`\`\n\n\`\`\`pyhton\ny = 2\n\`\`\`\n`;
    const { html, file } = render({ code }, "code");
    expect(html).toContain('<code class="language-python">');
    expect(html).toContain('<code class="language-plaintext">');
    expect(file.messages.map((m) => m.reason)).toEqual([expect.stringMatching(/^unknown code language "pyhton": .*; did you mean python\?$/)]);
  });

  it("take the other names Shiki is told, as GitHub's ```golang, and suggest them for typos", () => {
    const code = `${frontmatter()}\n\`\`\`golang\nx := 1\n\`\`\`\n\n\`\`\`golnag\ny := 2\n\`\`\`\n\n\`\`\`constructor\nz\n\`\`\`\n`;
    const { html, file } = render({ code }, "code");
    expect(html).toContain('<code class="language-golang">');
    expect(file.messages.map((m) => m.reason)).toEqual([
      expect.stringMatching(/^unknown code language "golnag": .*; did you mean golang\?$/),
      expect.stringMatching(/^unknown code language "constructor": /),
    ]);
  });

  it("show a ```math block as plain code on both paths, with a warning, not as a formula on the MDX path only", async () => {
    const math = `${frontmatter()}\n~~~math\nx^2 \\hline\n~~~\n`;
    const { html, file } = render({ math }, "math");
    expect(html).toContain('<code class="language-plaintext">');
    expect(html).not.toContain("katex");
    const says = "a ```math block is shown as code, not as a formula: for a formula, put its TeX between $$ lines";
    expect(file.messages.map((m) => m.reason)).toEqual([says]);
    const { papersDir } = writePapers({ math });
    const fast = await checkContent(papersDir, "/", { render: true });
    expect(fast.problems).toEqual([]);
    expect(fast.warnings.map((w) => `${w.line}:${w.column}: ${w.reason}`)).toEqual([`9:1: ${says}`]);
    expect(paperHtml(fast.rendered.get("math")!)).toContain('aria-label="plaintext code"');
  });

  it("suggest no language for one that is nothing like any", () => {
    const code = `${frontmatter()}\n\`\`\`klingon\nx\n\`\`\`\n`;
    expect(render({ code }, "code").file.messages.map((m) => m.reason)).toEqual(['unknown code language "klingon": the block is shown as plain text without highlighting']);
  });
});

describe("headings with math", () => {
  const headed = `${frontmatter()}\n$$\n\\newcommand{\\Loss}{\\mathcal{L}}\n$$\n\n## The $\\alpha$-weighted loss\n\n## Why $\\mathcal{L}_{\\text{DPO}}$ works\n\n### The $\\Loss$ terms\n\n## The α-weighted loss\n\n## Plain\n`;
  // As GitHub's slugger reads the heading's text as shown: no TeX command names ("mathcall_textdpo"), a macro as it expands.
  const ids = ["the-α-weighted-loss", "why-ldpo-works", "the-l-terms", "the-α-weighted-loss-1", "plain"];
  const withMath = ["the-α-weighted-loss", "why-ldpo-works", "the-l-terms"];
  const headingIdsIn = (html: string) => [...html.matchAll(/<h[23] id="([^"]+)"/g)].map((m) => m[1]);

  it("get ids from the text KaTeX shows, the same on the MDX path, the fast path and in the content check", async () => {
    expect(headingIdsIn(render({ headed }, "headed").html)).toEqual(ids);
    const { papersDir } = writePapers({ "headed.md": headed });
    const fast = await checkContent(papersDir, "/", { render: true });
    expect(fast.problems).toEqual([]);
    expect(headingIdsIn(paperHtml(fast.rendered.get("headed")!))).toEqual(ids);
    const links = `${frontmatter()}\n${ids.map((id) => `[${id}](/papers/headed/#${id})`).join(" ")} [old](/papers/headed/#why-mathcall_textdpo-works)\n`;
    expect(await checkContent(writePapers({ "headed.md": headed, links }).papersDir).then((check) => check.problems.map((p) => p.reason))).toEqual([
      'link /papers/headed/#why-mathcall_textdpo-works: paper "headed" has no equation or heading with the anchor #why-mathcall_textdpo-works; did you mean why-ldpo-works? (a formula in a heading is slugged as the text it shows, not its TeX)',
    ]);
  });

  it("get an id from a formula that shows no text as written ($\\quad$ is #quad, not an empty id that links to the page's top), from a footnote's number and a formula both, from accented letters as shown, and from nothing to slug (#section)", async () => {
    const blank = `${frontmatter()}\n## $\\quad$\n\n## Spacing $\\,$ $\\quad$ here\n\n## Results[^n] with $\\alpha$\n\n## $\\text{Schrödinger}$, $\\text{naïve}$ and $\\text{résumé}$\n\n## ?!\n\n## 🚀\n\n## Section\n\n[^n]: A footnote.\n`;
    // KaTeX's text of "ö" is "o¨" (its accent a letter of its own): the id has "ö", as the heading shows it.
    // A heading that slugs to nothing (punctuation, an emoji) is #section, counted with a heading that says it.
    const blankIds = ["quad", "spacing--quad-here", "results1-with-α", "schrödinger-naïve-and-résumé", "section", "section-1", "section-2"];
    const allIdsIn = (html: string) => [...html.matchAll(/<h2 id="([^"]*)"/g)].map((m) => m[1]).filter((id) => id !== "footnote-label");
    expect(allIdsIn(render({ blank }, "blank").html)).toEqual(blankIds);
    const { papersDir } = writePapers({ "blank.md": blank });
    const fast = await checkContent(papersDir, "/", { render: true });
    expect(fast.problems).toEqual([]);
    expect(allIdsIn(paperHtml(fast.rendered.get("blank")!))).toEqual(blankIds);
    const links = `${frontmatter()}\n${blankIds.map((id) => `[${id}](/papers/blank/#${id})`).join(" ")}\n`;
    expect(await checkContent(writePapers({ "blank.md": blank, links }).papersDir).then((check) => check.problems)).toEqual([]);
  });

  it("keep their rendered HTML for the table of contents on both paths, a formula touching punctuation too", async () => {
    const { file } = render({ headed }, "headed");
    const mdx = (file.data.astro as { frontmatter: { headingHtml: Record<string, string> } }).frontmatter.headingHtml;
    expect(Object.keys(mdx)).toEqual(withMath);
    const { papersDir } = writePapers({ "headed.md": headed });
    const fast = (await checkContent(papersDir, "/", { render: true })).rendered.get("headed")!.headings;
    expect(fast.filter((heading) => heading.html).map((heading) => heading.slug)).toEqual(withMath);
    for (const html of [mdx["the-α-weighted-loss"], fast[0]!.html]) expect(html).toMatch(/^The <span class="math-nowrap"><span class="katex">.*<\/span>-<\/span>weighted loss$/);
  });
});

describe("headings with math in an MDX note", () => {
  it("keep their rendered HTML for the table of contents, as Astro lists them by text that runs MathML, TeX and glyphs together", () => {
    const headed = `${frontmatter()}\n$$\n\\newcommand{\\E}{\\mathbb{E}}\n$$\n\n## The $\\E$ operator\n\nText.\n\n## Plain\n`;
    const { file } = render({ headed }, "headed");
    const html = (file.data.astro as { frontmatter: { headingHtml: Record<string, string> } }).frontmatter.headingHtml;
    expect(Object.keys(html)).toEqual(["the-e-operator"]);
    expect(html["the-e-operator"]).toMatch(/^The <span class="katex">.*class="mord mathbb">E<.* operator$/);
    expect(html["the-e-operator"]).not.toContain("heading-anchor");
  });
});
