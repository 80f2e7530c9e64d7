import { describe, expect, it } from "vitest";
import { didYouMean, didYouMeanOrWhich, namesThere } from "../../src/lib/did-you-mean.ts";

describe("did you mean", () => {
  it("suggests the closest name for a typo", () => {
    expect(didYouMean("eq:nosie", ["eq:noise", "eq:loss"])).toBe("; did you mean eq:noise?");
    expect(didYouMean("authr", ["authors", "arxiv"])).toBe("; did you mean authors?");
  });

  it("takes a name that differs only in case for the closest of all, even a short one", () => {
    expect(didYouMean("EN", ["zh", "en"])).toBe("; did you mean en?");
    expect(didYouMean("eq:Loss", ["eq:lose", "eq:loss"])).toBe("; did you mean eq:loss?");
  });

  it("counts two neighbouring letters swapped as one typo", () => {
    expect(didYouMean("titel", ["title", "tags", "lang"])).toBe("; did you mean title?");
    expect(didYouMean("dtae", ["date", "draft"])).toBe("; did you mean date?");
    expect(didYouMean("etil", ["title"])).toBe("");
  });

  it("prefers a rename that kept every word over a one-letter typo", () => {
    // ddim sorts first and is one edit away; ddpm was renamed ddpm-2020.
    expect(didYouMean("ddpm", ["ddim", "ddpm-2020"])).toBe("; did you mean ddpm-2020?");
    expect(didYouMean("eq:loss", ["eq:lose", "eq:dpo-loss"])).toBe("; did you mean eq:dpo-loss?");
    expect(didYouMean("eq:dpo-loss", ["eq:loss", "eq:sft-loss"])).toBe("; did you mean eq:loss?");
    // One that kept the name's start wins over a closer one that did not.
    expect(didYouMean("ddpm", ["j-ddpm", "ddpm-2020"])).toBe("; did you mean ddpm-2020?");
  });

  it("among renames, suggests the closest", () => {
    expect(didYouMean("eq:loss", ["eq:reward-model-loss", "eq:dpo-loss"])).toBe("; did you mean eq:dpo-loss?");
  });

  it("never suggests an empty name, which every name starts with (a heading of punctuation alone has the id \"\")", () => {
    expect(didYouMean("results2-with-α", ["", "method", "results1-with-α"])).toBe("; did you mean results1-with-α?");
    expect(didYouMean("conclusion", ["", "method"])).toBe("");
  });

  it("suggests nothing when no name is close", () => {
    expect(didYouMean("eq:x", ["eq:alpha-beta", "eq:y-z"])).toBe("");
    expect(didYouMean("wuerstchen", ["designedit", "self-rewarding-language-models"])).toBe("");
  });

  it("lists the names there are when none is close, at most 8", () => {
    const labels = ["eq:vqgan", "eq:stage-b", "eq:forward-diffusion"];
    expect(didYouMeanOrWhich("eq:forward-noising", labels, "its labels are")).toBe("; its labels are eq:vqgan, eq:stage-b, eq:forward-diffusion");
    expect(didYouMeanOrWhich("eq:vqgn", labels, "its labels are")).toBe("; did you mean eq:vqgan?");
    expect(didYouMeanOrWhich("eq:x", [], "its labels are")).toBe("");
    const many = Array.from({ length: 11 }, (_, i) => `eq:row-${i + 1}`);
    expect(didYouMeanOrWhich("eq:zzz-qqq", many, "its labels are")).toBe(`; its labels are ${many.slice(0, 8).join(", ")}, and 3 more`);
  });

  it("lists names alone, with no guess, the same way", () => {
    expect(namesThere([], "its labels are")).toBe("");
    expect(namesThere(["eq:a", "eq:b"], "its labels are")).toBe("; its labels are eq:a, eq:b");
    const nine = Array.from({ length: 9 }, (_, i) => `eq:${i + 1}`);
    expect(namesThere(nine, "its labels are")).toBe("; its labels are eq:1, eq:2, eq:3, eq:4, eq:5, eq:6, eq:7, eq:8, and 1 more");
  });
});
