// remark-details-markdown: in a .md note, Markdown right after </summary> without a blank line is raw HTML; the author hears where.
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkDetailsMarkdown from "../../src/plugins/remark-details-markdown.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkDetailsMarkdown], "note.md");
const SAYS = "add a blank line after <summary>…</summary> so the Markdown inside is read; without one, the lines up to the next blank line are raw HTML, shown as typed and left out of search";

describe("remark-details-markdown", () => {
  it("warns at the first text after </summary> in the same HTML block, on its line or the next", () => {
    expect(messagesOf("Intro.\n\n<details>\n<summary>Proof</summary>\n  By **induction**.\n</details>\n\n<details><summary>More</summary> with *text*\n</details>\n")).toEqual([`5:3: warning: ${SAYS}`, `8:34: warning: ${SAYS}`]);
  });

  it("says nothing in an .mdx note (MDX reads Markdown inside HTML), also one read as Markdown after a syntax error", () => {
    expect(pluginMessages("<details>\n<summary>Proof</summary>\nBy **induction**.\n</details>\n", [remarkDetailsMarkdown], "note.mdx")).toEqual([]);
    expect(messagesOf("<DETAILS>\n<SUMMARY>Proof</SUMMARY>\nBy **induction**.\n</DETAILS>\n")).toEqual([`3:1: warning: ${SAYS}`]);
  });

  it("says nothing after a blank line, or when only HTML follows", () => {
    expect(messagesOf("<details><summary>More</summary>\n\nRead **this**.\n\n</details>\n\n<details>\n<summary>HTML</summary>\n<p>Hi</p>\n</details>\n")).toEqual([]);
  });
});
