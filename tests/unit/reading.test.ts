import { describe, expect, it } from "vitest";
import { hasMath, needsMdxCompiler, proseOf } from "../../src/lib/body-text.ts";
import { counted, formatAuthors, formatDate, formatMonth, formatMonthSpan } from "../../src/lib/format.ts";
import { countReadingUnits, readingMinutes } from "../../src/lib/reading-time.ts";
import { woff2Only } from "../../src/integrations/katex-assets.ts";

describe("reading time", () => {
  it("counts Chinese by character and English by word", () => {
    expect(countReadingUnits("多层潜在分解与融合 and two words")).toEqual({ cjk: 9, words: 3 });
    expect(countReadingUnits("Würstchen's three-stage model")).toEqual({ cjk: 0, words: 3 });
  });

  it("gives 4 minutes for 920 English words and for 1,400 Chinese characters", () => {
    expect(readingMinutes("word ".repeat(920))).toBe(4);
    expect(readingMinutes("字".repeat(1400))).toBe(4);
    expect(readingMinutes("字".repeat(700) + " word".repeat(460))).toBe(4);
  });

  it("leaves formulas and code out", () => {
    const body = "Intro.\n\n$$\n" + "x + ".repeat(2000) + "\n$$\n\n```python\n" + "print(1)\n".repeat(2000) + "```\n\nInline $a+b$ end.";
    expect(countReadingUnits(proseOf(body))).toEqual({ cjk: 0, words: 3 });
    expect(readingMinutes(body)).toBe(1);
  });

  it("knows whether a note has math at all", () => {
    expect(hasMath("costs $5 and $6 dollars? no: $a$")).toBe(true);
    expect(hasMath("no math here\n\n```bash\necho $HOME$\n```\n")).toBe(false);
    // Every call stands alone (a stateful /g regex once made every second page lose its KaTeX CSS).
    expect([hasMath("text $a$ more"), hasMath("x $b$"), hasMath("$$\na\n$$\n"), hasMath("$$\nb\n$$\n")]).toEqual([true, true, true, true]);
  });

  it("takes braces in formulas for TeX, not for MDX, also after an escaped dollar", () => {
    expect(needsMdxCompiler("A sum $x_{1} + x_{2}$.")).toBe(false);
    // An escaped \$ is a dollar sign: the formula is the next $…$, not the text from the escape on.
    expect(needsMdxCompiler("Escaped \\$5 then $x_{1}$.")).toBe(false);
    expect(needsMdxCompiler("A set {1, 2} in prose.")).toBe(true);
    // A JSX fragment, even an empty one, is MDX: the fast path made it a <div>.
    expect(needsMdxCompiler("<>\nText.\n</>\n")).toBe(true);
    expect(needsMdxCompiler("<>\n</>\n")).toBe(true);
    // Display math in a list item or a quote, and escaped braces, are no MDX either.
    expect(needsMdxCompiler("- item:\n\n   $$\n   a = b \\label{eq:in-list}\n   $$\n\n> $$\n> c = d \\label{eq:q}\n> $$\n")).toBe(false);
    expect(needsMdxCompiler("Escaped braces \\{ \\} and less-than \\< in prose.")).toBe(false);
    // Saved with Windows line endings: a display's label and a code block's braces are still no MDX.
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    expect(needsMdxCompiler(crlf("Text.\n\n$$\na = b \\label{eq:ab}\n$$\n\n```js\nf({})\n```\n"))).toBe(false);
    expect(hasMath(crlf("```bash\necho $HOME$\n```\n"))).toBe(false);
    expect(countReadingUnits(proseOf(crlf("One two.\n\n$$\na = b\n$$\n")))).toEqual({ cjk: 0, words: 2 });
  });
});

describe("dates and authors", () => {
  const date = new Date("2024-03-15T00:00:00Z");
  it("formats dates per language", () => {
    expect(formatDate(date, "en")).toBe("March 15, 2024");
    expect(formatDate(date, "zh")).toBe("2024年3月15日");
  });
  it("names the archive's months in the site's language", () => {
    expect(formatMonth(0, "en")).toBe("January");
    expect(formatMonth(11, "zh")).toBe("12月");
  });
  it("tells the months a page of the list holds, once each", () => {
    // ICU puts thin spaces around the dash.
    const [nov, jan, mar, lateMar] = ["2023-11-30", "2024-01-02", "2024-03-01", "2024-03-31"].map((day) => new Date(`${day}T00:00:00Z`));
    expect(formatMonthSpan(jan!, mar!, "en")).toBe("January\u2009–\u2009March 2024");
    expect(formatMonthSpan(nov!, mar!, "en")).toBe("November 2023\u2009–\u2009March 2024");
    expect(formatMonthSpan(mar!, lateMar!, "en")).toBe("March 2024");
    expect(formatMonthSpan(mar!, lateMar!, "zh")).toBe("2024年3月");
    expect(formatMonthSpan(nov!, mar!, "zh")).toMatch(/^2023.*11.*2024.*3/);
  });
  it("joins authors per language and shortens long lists", () => {
    expect(formatAuthors(["A", "B", "C"], "en")).toBe("A, B and C");
    expect(formatAuthors(["A", "B", "C"], "zh")).toBe("A、B 和 C");
    expect(formatAuthors(["A", "B", "C", "D"], "en")).toBe("A, B, C et al.");
    expect(formatAuthors(["A", "B", "C", "D"], "zh")).toBe("A、B、C 等");
  });

  it("counts in the build's output without a (s)", () => {
    expect([0, 1, 2].map((n) => counted(n, "paper"))).toEqual(["0 papers", "1 paper", "2 papers"]);
    // The formula list of a few hundred papers counts thousands.
    expect(counted(2414, "labelled equation")).toBe("2,414 labelled equations");
  });
});

describe("KaTeX assets", () => {
  it("keeps only woff2 font sources", () => {
    const css = '@font-face{src:url(fonts/A.woff2) format("woff2"),url(fonts/A.woff) format("woff"),url(fonts/A.ttf) format("truetype")}';
    expect(woff2Only(css)).toBe('@font-face{src:url(fonts/A.woff2) format("woff2")}');
  });
});
