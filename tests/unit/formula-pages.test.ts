import { describe, expect, it } from "vitest";
import { formulaPages } from "../../src/lib/formula-pages.ts";

const paper = (name: string, formulas: number) => ({ name, equations: Array.from({ length: formulas }, (_, n) => n) });
const names = (pages: { name: string }[][]) => pages.map((page) => page.map((group) => group.name));

describe("formulaPages", () => {
  it("fills each page up to the limit, in order", () => {
    expect(names(formulaPages([paper("a", 3), paper("b", 4), paper("c", 2), paper("d", 5), paper("e", 1)], 10))).toEqual([["a", "b", "c"], ["d", "e"]]);
  });

  it("never splits a paper: one over the limit has a page of its own", () => {
    expect(names(formulaPages([paper("a", 2), paper("big", 25), paper("b", 3)], 10))).toEqual([["a"], ["big"], ["b"]]);
  });

  it("starts a new page when a paper would not fit on the current one", () => {
    const pages = formulaPages([paper("a", 6), paper("b", 6), paper("c", 4)], 10);
    expect(names(pages)).toEqual([["a"], ["b", "c"]]);
    for (const page of pages) expect(page.reduce((n, group) => n + group.equations.length, 0)).toBeLessThanOrEqual(10);
  });

  it("makes no page of nothing", () => {
    expect(formulaPages([], 10)).toEqual([]);
  });
});
