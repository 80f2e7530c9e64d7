// remark-one-line-displays: a one-line $$…$$ gets a warning at its place; displays and $…$ do not.
import remarkMath from "remark-math";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkOneLineDisplays from "../../src/plugins/remark-one-line-displays.ts";

const messagesOf = (markdown: string) => pluginMessages(markdown, [remarkMath, remarkOneLineDisplays]);

describe("remark-one-line-displays", () => {
  it("warns about $$ x $$ on one line, at its place, without failing", () => {
    expect(messagesOf("Energy: $$ E = mc^2 $$ here.\n")).toEqual(["1:9: warning: $$…$$ on one line is inline math, without a number; for a numbered display, put each $$ on a line of its own"]);
  });

  it("leaves displays and inline $…$ alone", () => {
    expect(messagesOf("Inline $x$ and\n\n$$\nE = mc^2\n$$\n")).toEqual([]);
  });
});
