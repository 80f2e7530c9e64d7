// remark-footnote-check: a footnote renamed on one side only would lose its text without a word.
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkFootnoteCheck from "../../src/plugins/remark-footnote-check.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkGfm, remarkFootnoteCheck]);

describe("remark-footnote-check", () => {
  it("reports a reference with no definition and a definition nothing refers to, each at its place", () => {
    expect(messagesOf("Trained on 8 GPUs.[^hardware]\n\n[^hw]: The big model took 3.5 days.\n")).toEqual([
      '1:19: footnote [^hardware] has no definition, so it shows as written: define it on a line of its own ("[^hardware]: …"), or write \\[^hardware] to show it as is; the footnotes no text refers to are [^hw]',
      "3:1: footnote [^hw] is defined but no text refers to it, so it is not shown; refer to it with [^hw], or remove it",
    ]);
  });

  it("suggests the definition a mistyped reference meant", () => {
    expect(messagesOf("Text.[^hardwre]\n\n[^hardware]: Note.\n")[0]).toMatch(/^1:6: footnote \[\^hardwre\] has no definition, .*; did you mean \[\^hardware\]\?$/);
  });

  it("reports a footnote defined twice, whose second definition is dropped", () => {
    expect(messagesOf("A.[^1]\n\n[^1]: One.\n\n[^1]: Two.\n")).toEqual(["5:1: footnote [^1] is defined twice, and this definition is not shown; the first is on line 3"]);
  });

  it("places each of two references to one missing footnote, and skips only the escaped one", () => {
    expect(messagesOf("A.[^x] and B.[^x]\n").map((message) => message.split(" footnote")[0])).toEqual(["1:3:", "1:14:"]);
    expect(messagesOf("A \\[^x] and B.[^x]\n").map((message) => message.split(" footnote")[0])).toEqual(["1:15:"]);
  });

  it("accepts footnotes that match, and an escaped \\[^x] shown as written", () => {
    expect(messagesOf("A[^a] and B[^b] and A again[^a].\n\n[^a]: First.\n[^b]: Second.\n")).toEqual([]);
    expect(messagesOf("The class \\[^abc] in a regex.\n")).toEqual([]);
  });
});
