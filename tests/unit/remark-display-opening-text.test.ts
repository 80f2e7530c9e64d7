// remark-display-opening-text: TeX on the opening $$ line is an error at its place; a display written as the contract says is not.
import remarkMath from "remark-math";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkDisplayOpeningText from "../../src/plugins/remark-display-opening-text.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkMath, remarkDisplayOpeningText]);

describe("remark-display-opening-text", () => {
  it("fails on TeX after an opening $$, at the TeX, naming it", () => {
    expect(messagesOf("Text.\n\n$$ \\mathcal{L}(\\theta) = \\sum_i \\ell_i\n\\label{eq:meta}\n$$\n")).toEqual([
      "3:4: text on the opening $$ line is not part of the formula, and is dropped: put \\mathcal{L}(\\theta) = \\sum_i \\ell_i on the next line, so that $$ stands alone",
    ]);
  });

  it("leaves displays with $$ on lines of their own, and one-line $$…$$, alone", () => {
    expect(messagesOf("$$\nE = mc^2\n$$\n\n$$  \nx\n$$\n\nEnergy: $$ E = mc^2 $$ here.\n")).toEqual([]);
  });
});
