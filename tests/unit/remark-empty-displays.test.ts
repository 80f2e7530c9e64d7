// remark-empty-displays: a display that shows nothing is an error at its $$; a display of definitions only (removed) or with a formula is not.
import remarkMath from "remark-math";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkEmptyDisplays from "../../src/plugins/remark-empty-displays.ts";
import remarkMathMacros from "../../src/plugins/remark-math-macros.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkMath, remarkMathMacros, remarkEmptyDisplays]);
const reason = "this display is empty: write its formula between the $$ lines, or remove them (as it is, the page shows a gap that takes an equation number)";

describe("remark-empty-displays", () => {
  it("fails on a display with nothing between its $$ lines, or only a comment or an empty environment", () => {
    expect(messagesOf("Text.\n\n$$\n$$\n\n$$\n% TODO: the loss\n$$\n\n$$\n\\begin{align}\n\\end{align}\n$$\n")).toEqual([`3:1: ${reason}`, `6:1: ${reason}`, `10:1: ${reason}`]);
  });

  it("leaves a display with a formula, one of definitions only, one with text on its $$ line, and a $$ never closed alone", () => {
    expect(messagesOf("$$\n\\newcommand{\\E}{\\mathbb{E}}\n$$\n\n$$\n\\E[x] % the mean\n$$\n\n$$ x = 1\n$$\n\n$$\n")).toEqual([]);
  });
});
