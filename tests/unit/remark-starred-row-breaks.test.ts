// `\\*` is a row break to KaTeX, not a break and an asterisk; `\*` and the TeX as written are kept.
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/lib/paper-source.ts";
import { withoutStarredRowBreaks } from "../../src/plugins/remark-starred-row-breaks.ts";
import type { MathNode } from "../../src/lib/mdast-math.ts";

describe("remark-starred-row-breaks", () => {
  it("turns \\\\* into \\\\ (its row spacing kept right after it), of the same length", () => {
    for (const [tex, expected] of [
      ["a \\\\* b", "a \\\\  b"],
      ["a \\\\*[4pt] b", "a \\\\[4pt]  b"],
      ["a \\* b \\\\\\* c", "a \\* b \\\\\\* c"], // \* (a discretionary times), after \\ too
      ["a \\\\\\\\* b", "a \\\\\\\\  b"],
      ["a * b", "a * b"],
    ]) {
      expect(withoutStarredRowBreaks(tex!)).toBe(expected);
      expect(withoutStarredRowBreaks(tex!)).toHaveLength(tex!.length);
    }
  });

  it("is applied as a note is parsed, keeping the TeX as written", () => {
    const body = "$$\n\\begin{aligned} a &= b \\\\*\nc &= d \\end{aligned}\n$$\n";
    const { tree } = parseNote({ path: "note.mdx", slug: "note", frontmatter: {}, body, keyLines: new Map() });
    const math = (tree as Root).children[0] as MathNode;
    expect(math.value).toBe("\\begin{aligned} a &= b \\\\ \nc &= d \\end{aligned}");
    expect(math.data?.originalTex).toBe("\\begin{aligned} a &= b \\\\*\nc &= d \\end{aligned}");
  });
});
