// remark-html-block-markdown: in a .md note, Markdown on the lines of an HTML block (no blank line after its tags) is raw HTML; the author hears where.
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkHtmlBlockMarkdown from "../../src/plugins/remark-html-block-markdown.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkHtmlBlockMarkdown], "note.md");
const SAYS = "add a blank line after <summary>…</summary> so the Markdown inside is read; without one, the lines up to the next blank line are raw HTML, shown as typed and left out of search";
const SUMMARY_SAYS = "the text of <summary> is HTML in a .md note, so its Markdown ($…$, **…**) shows as typed: write it without, or rename the note .mdx, where it is read";
const inBlock = (tag: string, line: number) => `add a blank line above this line so its Markdown is read; without one, it belongs to the HTML block that ${tag}> starts on line ${line}: raw HTML up to the next blank line, shown as typed and left out of search`;

describe("remark-html-block-markdown", () => {
  it("warns at a <summary> whose text has math, strong emphasis or code, which a .md note shows as typed (not at an underscore)", () => {
    expect(messagesOf("<details>\n<summary>Proof of $\\beta$</summary>\n\nBy induction.\n</details>\n\n<details><summary class=\"x\">A **bold** one</summary>\n\nText.\n</details>\n\n<details><summary>my_var and snake_case</summary>\n\nText.\n</details>\n")).toEqual([`2:10: warning: ${SUMMARY_SAYS}`, `7:29: warning: ${SUMMARY_SAYS}`]);
    expect(pluginMessages("<details>\n<summary>Proof of $\\beta$</summary>\n\nBy induction.\n</details>\n", [remarkHtmlBlockMarkdown], "note.mdx")).toEqual([]);
  });

  it("reads a <summary> line of 210,000 characters as a short one (the pattern took quadratic time on one never closed)", () => {
    const long = "$a ".repeat(70_000);
    expect(messagesOf(`<details>\n<summary>${long}\n</details>\n\n<details>\n<summary>${long}</summary>\n\nText.\n</details>\n`)).toEqual([`6:10: warning: ${SUMMARY_SAYS}`]);
  });

  it("warns at the first text after </summary> in the same HTML block, on its line or the next", () => {
    expect(messagesOf("Intro.\n\n<details>\n<summary>Proof</summary>\n  By **induction**.\n</details>\n\n<details><summary>More</summary> with *text*\n</details>\n")).toEqual([`5:3: warning: ${SAYS}`, `8:34: warning: ${SAYS}`]);
  });

  it("says nothing in an .mdx note (MDX reads Markdown inside HTML), also one read as Markdown after a syntax error", () => {
    expect(pluginMessages("<details>\n<summary>Proof</summary>\nBy **induction**.\n</details>\n", [remarkHtmlBlockMarkdown], "note.mdx")).toEqual([]);
    expect(pluginMessages('<div class="note">\n**Note:** $x$\n</div>\n', [remarkHtmlBlockMarkdown], "note.mdx")).toEqual([]);
    expect(messagesOf("<DETAILS>\n<SUMMARY>Proof</SUMMARY>\nBy **induction**.\n</DETAILS>\n")).toEqual([`3:1: warning: ${SAYS}`]);
  });

  it("says nothing after a blank line, or when only HTML follows", () => {
    expect(messagesOf("<details><summary>More</summary>\n\nRead **this**.\n\n</details>\n\n<details>\n<summary>HTML</summary>\n<p>Hi</p>\n</details>\n")).toEqual([]);
    expect(messagesOf('<div class="note">\n\n**Note:** $x$\n\n</div>\n\n<figure>\n  <img src="a.png" alt="">\n  <figcaption>Figure 1</figcaption>\n</figure>\n')).toEqual([]);
  });

  it("warns once per block at the first text line of any other HTML block, naming the tag that opened it", () => {
    expect(messagesOf('Intro.\n\n<div class="note">\n**Note:** $x$ is\nsmall.\n</div>\n\n<p align="center">\n  Figure 2, [the code](/papers/x/)\n</p>\n')).toEqual([`4:1: warning: ${inBlock("<div", 3)}`, `9:3: warning: ${inBlock("<p", 8)}`]);
  });

  it("says nothing of an opening tag's attributes on later lines, or of plain text with no Markdown in it", () => {
    expect(messagesOf('<div\n  class="note">\nPlain text\n</div>\n\n<p align="center">\n  Plain centred text\n</p>\n')).toEqual([]);
    expect(messagesOf('<div\n  class="note">\nSome **bold**\n</div>\n')).toEqual([`3:1: warning: ${inBlock("<div", 1)}`]);
  });

  it("finds the block in a quote or a list, at the text and not at the quote's >", () => {
    expect(messagesOf("> <div>\n> **bold**\n> </div>\n\n- item\n\n  <div>\n  *em*\n  </div>\n")).toEqual([`2:3: warning: ${inBlock("<div", 1)}`, `8:3: warning: ${inBlock("<div", 7)}`]);
  });

  it("says nothing of comments, <pre>, <script> or <style>, or of inline HTML in a paragraph", () => {
    expect(messagesOf("<!--\na comment\n-->\n\n<pre>\nkept as typed\n</pre>\n\n<style>\np { color: red }\n</style>\n\nText with <span>inline\nHTML</span> over two lines.\n")).toEqual([]);
  });
});
