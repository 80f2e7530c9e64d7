import { describe, expect, it } from "vitest";
import { boundedMap, boundedMemo } from "../../src/lib/bounded-memo.ts";

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

describe("boundedMap", () => {
  it("is emptied when a new key finds it full, not when a kept key is set again", () => {
    const map = boundedMap<number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 3);
    expect([map.get("a"), map.get("b")]).toEqual([3, 2]);
    map.set("c", 4);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([undefined, undefined, 4]);
  });
});
