// The memos of the build's per-formula work (KaTeX's markup, its class names
// and fonts, formula previews): each holds at most `kept` values and is emptied
// when full. A big site's formulas mostly differ, so keeping them all costs
// memory for little; emptied, a memo costs one more computation of each.

/** `make()` for a key the memo has not kept; what `make` throws is not kept. */
export function boundedMemo<Value>(kept: number): (key: string, make: () => Value) => Value {
  const values = new Map<string, Value>();
  return (key, make) => {
    let value = values.get(key);
    if (value === undefined) {
      value = make();
      if (values.size >= kept) values.clear();
      values.set(key, value);
    }
    return value;
  };
}
