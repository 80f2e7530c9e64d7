// remark-dollar-signs: "$5 and then $10" gets a warning at its place; math as written does not.
import remarkMath from "remark-math";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkDollarSigns from "../../src/plugins/remark-dollar-signs.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkMath, remarkDollarSigns]);

describe("remark-dollar-signs", () => {
  it("warns about dollar amounts read as math, at their place, without failing", () => {
    expect(messagesOf("Training cost $5 and then $10 more.\n")).toEqual(["1:15: warning: $5 and then $ is read as math; if these are dollar signs, write \\$ (as in \\$5)"]);
    // Pandoc's other rule: no digit right after the closing $; and one line however the span runs.
    expect(messagesOf("From $5-$10 per hour, $5/$10, 售价$5到$10之间, or $5 and\nthen $10.\n")).toEqual([
      expect.stringMatching(/^1:6: warning: \$5-\$ is read as math/),
      expect.stringMatching(/^1:23: warning: \$5\/\$ is read as math/),
      expect.stringMatching(/^1:33: warning: \$5到\$ is read as math/),
      expect.stringMatching(/^1:46: warning: \$5 and then \$ is read as math/),
    ]);
  });

  it("warns about a $ left unpaired before a letter or a command, a formula most likely never closed", () => {
    expect(messagesOf("Unclosed $x + y and more text.\n")).toEqual([`1:10: warning: an unpaired $ before "x": if a formula starts here, close it with a $; if it is a dollar sign, write \\$`]);
    expect(messagesOf("Then\nlater $\\alpha_t stays.\n")).toEqual([expect.stringMatching(/^2:7: warning: an unpaired \$ before "\\alpha_t"/)]);
    // A price is a dollar sign: "$5" is not a formula.
    expect(messagesOf("It costs $5 a month.\n")).toEqual([]);
  });

  it("leaves math as writers type it alone, and escaped dollars", () => {
    expect(messagesOf("Inline $x + y$, $\\alpha_t$, \\$5 and \\$10, and\n\n$$\nE = mc^2\n$$\n")).toEqual([]);
    // An escaped $ before a letter is a dollar sign as written, not a formula left open.
    expect(messagesOf("A variable named \\$x, and \\$\\alpha too.\n")).toEqual([]);
  });
});
