// remark-mdx-names: names that a note's MDX uses but never defines are
// reported at their place; defined, provided and built-in names are not.
import remarkMdx from "remark-mdx";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkMdxNames from "../../src/plugins/remark-mdx-names.ts";

const messagesOf = (mdx: string) => pluginMessages(mdx, [remarkMdx, remarkMdxNames]);

describe("remark-mdx-names", () => {
  it("reports a set written in prose braces, with its line and the way out", () => {
    const [message, ...rest] = messagesOf("Intro.\n\nThe set {x | x > 0} is open.\n");
    expect(rest).toEqual([]);
    expect(message).toMatch(/^3:9: \{x \| x > 0\}: "x" is not defined\. .*write \\\{ and \\\}/);
  });

  it("says that TeX written in prose belongs in math", () => {
    expect(messagesOf("Cost \\frac{a}{b} here.\n")).toEqual([expect.stringMatching(/^1:11: \{a\}: "a" is not defined\. TeX belongs in math/), expect.stringMatching(/^1:14: \{b\}: "b" is not defined\. TeX belongs in math/)]);
  });

  it("answers LaTeX's prose commands (\\cite, \\emph) with what Markdown writes, not with math", () => {
    expect(messagesOf("As in \\cite{ho2020}, this is \\emph{simple}.\n")).toEqual([
      expect.stringMatching(/^1:12: \{ho2020\}: "ho2020" is not defined\. \\cite is LaTeX's, for prose, .*: a citation is text here: write it out, or link the paper/),
      expect.stringMatching(/^1:35: \{simple\}: "simple" is not defined\. \\emph is LaTeX's, for prose, .*: for emphasis write \*…\*$/),
    ]);
  });

  it("names every undefined name of one expression once", () => {
    expect(messagesOf("{a + b + a}\n")).toEqual([expect.stringMatching(/^1:1: \{a \+ b \+ a\}: "a", "b" are not defined/)]);
  });

  it("reports a component that is not imported, in flow and in text", () => {
    const messages = messagesOf("<Aside>\nx\n</Aside>\n\nText <Foo.Bar /> here.\n");
    expect(messages).toEqual([expect.stringMatching(/^1:1: <Aside>: the component Aside is not imported/), expect.stringMatching(/^5:6: <Foo\.Bar>: the component Foo is not imported/)]);
  });

  it("suggests the imported component a misspelt one meant", () => {
    expect(messagesOf('import Callout from "./Callout.astro"\n\n<Calout>x</Calout>\n')).toEqual([expect.stringMatching(/^3:1: <Calout>: the component Calout is not imported\. .*; did you mean Callout\?$/)]);
  });

  it("reports undefined names in attributes", () => {
    expect(messagesOf('<div title={missing} {...spread}>x</div>\n')).toEqual([expect.stringMatching(/"missing" is not defined/), expect.stringMatching(/"spread" is not defined/)]);
  });

  it("accepts imported and exported names, wherever they are declared", () => {
    const note = ["<Aside kind={kind}>x</Aside>", "", "{double(2)} {Aside.name}", "", 'import Aside from "./aside.astro"', "", "export const kind = 'note'", "", "export function double(n) { return 2 * n }", ""].join("\n");
    expect(messagesOf(note)).toEqual([]);
  });

  it("accepts names an expression declares itself, MDX's props, the frontmatter and JavaScript's globals", () => {
    const note = "{[1, 2].map((n) => n * 2).join(', ')} {props.x} {frontmatter.title} {Math.max(1, 2)} {JSON.stringify({ a: 1 })}\n\n{/* a comment */}\n";
    expect(messagesOf(note)).toEqual([]);
  });

  it("leaves HTML elements and fragments alone", () => {
    expect(messagesOf("<div class=\"x\">\n\n<span>a</span> <>b</>\n\n</div>\n")).toEqual([]);
  });
});
