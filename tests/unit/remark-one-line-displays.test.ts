// remark-one-line-displays: a one-line $$…$$ gets a warning at its place; displays and $…$ do not.
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import remarkOneLineDisplays from "../../src/plugins/remark-one-line-displays.ts";

function messagesOf(markdown: string): string[] {
  const file = new VFile({ path: "note.mdx", value: markdown });
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkOneLineDisplays);
  processor.runSync(processor.parse(file), file);
  return file.messages.map((m) => `${m.line}:${m.column}: ${m.fatal === false ? "" : "warning: "}${m.reason}`);
}

describe("remark-one-line-displays", () => {
  it("warns about $$ x $$ on one line, at its place, without failing", () => {
    expect(messagesOf("Energy: $$ E = mc^2 $$ here.\n")).toEqual(["1:9: warning: $$…$$ on one line is inline math, without a number; for a numbered display, put each $$ on a line of its own"]);
  });

  it("leaves displays and inline $…$ alone", () => {
    expect(messagesOf("Inline $x$ and\n\n$$\nE = mc^2\n$$\n")).toEqual([]);
  });
});
