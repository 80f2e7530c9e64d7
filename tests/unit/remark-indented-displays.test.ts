// remark-indented-displays: a display indented 4 spaces (a code block to Markdown) gets a warning at its place; code and displays do not.
import remarkMath from "remark-math";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkIndentedDisplays from "../../src/plugins/remark-indented-displays.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkMath, remarkIndentedDisplays], "note.md");
const SAYS = "this $$ is indented 4 spaces or more, so Markdown reads the display as a code block, not math: indent its lines less than 4 spaces (in a list, as far as the item's text)";

describe("remark-indented-displays", () => {
  it("warns about a display indented 4 spaces, at its place, without failing", () => {
    expect(messagesOf("The loss:\n\n    $$\n    L = a + b \\label{eq:l}\n    $$\n")).toEqual([`3:1: warning: ${SAYS}`]);
    expect(messagesOf("Also:\n\n\t$$ L = a $$\n")).toEqual([`3:1: warning: ${SAYS}`]);
  });

  it("reads a long run of spaces at once", () => {
    // A pattern with nested repeats took minutes on such a line (it hung the dev server).
    expect(messagesOf(`Text.\n\n${" ".repeat(60)}x\n`)).toEqual([]);
  });

  it("leaves indented code, fenced code that starts with $$, and displays indented less alone", () => {
    expect(messagesOf("Code:\n\n    echo $HOME\n\n```tex\n$$\nx\n$$\n```\n\n   $$\n   x = 1\n   $$\n")).toEqual([]);
  });
});
