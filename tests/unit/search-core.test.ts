// The tokenizer and term folding with which search.js reads a query and the
// texts of its hits alike (public/scripts/search-core.js), whatever ICU the
// browser brings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../../public/scripts/search-core.js";

const searchCore = (globalThis as unknown as { PapernotesSearchCore: { tokenize: (text: string) => string[]; fold: (text: string) => string; segmented: (word: string) => boolean; withUmlauts: (query: string) => string; prefixed: (word: string, i: number, words: string[]) => boolean } }).PapernotesSearchCore;

const terms = (text: string) => searchCore.tokenize(text).map(searchCore.fold);

describe("search tokens", () => {
  it("splits words at any character that is not a letter, mark or digit", () => {
    // Node's ICU keeps "eq:dpo" as one word, Chromium's splits it: neither decides here.
    expect(terms("eq:dpo-loss")).toEqual(["eq", "dpo", "loss"]);
    expect(terms("Self-Rewarding (arXiv 2401.10020), x_t")).toEqual(["self", "rewarding", "arxiv", "2401", "10020", "x", "t"]);
  });

  it("finds the same words in ASCII text as the Unicode rule does (its fast path)", () => {
    const unicodeWords = (text: string) => text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    fc.assert(fc.property(fc.string({ unit: "binary-ascii", maxLength: 80 }), (text) => {
        expect(searchCore.tokenize(text)).toEqual(unicodeWords(text));
      }), { seed: 7, numRuns: 2000 });
  });

  it("finds Chinese words without spaces, beside Latin ones", () => {
    expect(terms("模型的自我奖励")).toEqual(["模型", "的", "自我", "奖励"]);
    expect(terms("GPT-4训练")).toEqual(["gpt", "4", "训练"]);
  });

  it("folds case and accents, so that a query without them matches", () => {
    expect(terms("Würstchen Émile")).toEqual(terms("wurstchen emile"));
    // Kana voicing marks change the word: they stay (as Pagefind keeps them).
    expect(searchCore.fold("ガ")).not.toBe(searchCore.fold("カ"));
    expect(searchCore.segmented("融合")).toBe(true);
    expect(searchCore.segmented("fusion")).toBe(false);
  });

  it("reads ae, oe and ue as umlauts, for a query that finds nothing as typed", () => {
    expect(terms(searchCore.withUmlauts("Wuerstchen Mueller Goedel Baer"))).toEqual(terms("Würstchen Müller Gödel Bär"));
    expect(searchCore.withUmlauts("WUERSTCHEN")).toBe("WÜRSTCHEN");
    expect(searchCore.withUmlauts("DPO 损失")).toBe("DPO 损失");
  });

  it("lets the last word of a query start a longer word, as it may still be being typed, unless it is one letter", () => {
    const prefixed = (query: string) => { const words = terms(query); return words.map((word, i) => searchCore.prefixed(word, i, words)); };
    expect(prefixed("noise obj")).toEqual([false, true]);
    expect(prefixed("noise o")).toEqual([false, false]);
    expect(prefixed("奖励 模")).toEqual([false, true]);
  });

  it("names Greek letters as TeX does, so that α finds \\alpha and alpha finds α", () => {
    expect(terms("α ε̄ Σ \\alpha_t")).toEqual(["alpha", "epsilon", "sigma", "alpha", "t"]);
  });
});
