// The memos of the build's repeated work (KaTeX's markup, verdicts, class names
// and fonts, formula previews, highlighted code): each holds at most `kept`
// values and is emptied when full. A big site's formulas mostly differ, so
// keeping them all costs memory for little; emptied, a memo costs one more
// computation of each.

export interface BoundedMap<Value> {
  get(key: string): Value | undefined;
  set(key: string, value: Value): void;
}

/** A map of at most `kept` values, emptied when a new key finds it full. */
export function boundedMap<Value>(kept: number): BoundedMap<Value> {
  const values = new Map<string, Value>();
  return {
    get: (key) => values.get(key),
    set(key, value) {
      if (values.size >= kept && !values.has(key)) values.clear();
      values.set(key, value);
    },
  };
}

/** `make()` for a key the memo has not kept; what `make` throws is not kept. */
export function boundedMemo<Value>(kept: number): (key: string, make: () => Value) => Value {
  const values = boundedMap<Value>(kept);
  return (key, make) => {
    let value = values.get(key);
    if (value === undefined) values.set(key, (value = make()));
    return value;
  };
}
