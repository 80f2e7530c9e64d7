import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../src/lib/bounded-memo.ts";

/** A memo of 2, and the keys `make` was called for. */
function memoOf2() {
  const made: string[] = [];
  const memo = boundedMemo<string>(2);
  const get = (key: string) => memo(key, () => (made.push(key), key.toUpperCase()));
  return { get, made };
}

describe("boundedMemo", () => {
  it("makes each value once while it is kept", () => {
    const { get, made } = memoOf2();
    expect([get("a"), get("b"), get("a"), get("b")]).toEqual(["A", "B", "A", "B"]);
    expect(made).toEqual(["a", "b"]);
  });

  it("is emptied when full: a third key drops the first two, which are made again", () => {
    const { get, made } = memoOf2();
    get("a");
    get("b");
    get("c");
    expect([get("c"), get("a"), get("b")]).toEqual(["C", "A", "B"]);
    expect(made).toEqual(["a", "b", "c", "a", "b"]);
  });

  it("keeps nothing of a make that throws: the next call makes it again", () => {
    const memo = boundedMemo<string>(2);
    expect(() => memo("a", () => { throw new Error("no"); })).toThrow("no");
    expect(memo("a", () => "A")).toBe("A");
    expect(memo("a", () => "other")).toBe("A");
  });
});
