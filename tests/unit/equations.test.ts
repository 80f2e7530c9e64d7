import { describe, expect, it } from "vitest";
import { anchorForLabel, findEquationRefs, numberRows, parseDisplayTex, rowTexAsWritten, rowTexForRendering, texForRendering } from "../../src/lib/equations.ts";

describe("anchorForLabel", () => {
  it("drops a leading eq: and keeps letters, digits, - and _", () => {
    expect(anchorForLabel("eq:noise-objective")).toBe("eq-noise-objective");
    expect(anchorForLabel("loss_v2")).toBe("eq-loss_v2");
    expect(anchorForLabel("eq:a.b c/d")).toBe("eq-a-b-c-d");
    // Letters of any script are letters: two Chinese labels of one length stay apart.
    expect(anchorForLabel("eq:注意力")).toBe("eq-注意力");
    expect(anchorForLabel("eq:自注意")).not.toBe(anchorForLabel("eq:注意力"));
  });
});

describe("parseDisplayTex", () => {
  it("takes the label out of the TeX", () => {
    const parsed = parseDisplayTex(String.raw`a = b \label{eq:ab}`);
    expect(parsed.body).toBe("a = b");
    expect(parsed.rows).toEqual([{ label: "eq:ab", customTag: undefined, unnumbered: false }]);
    expect(parsed.problems).toEqual([]);
  });

  it("leaves a starred environment unnumbered, as LaTeX does, unless labelled or tagged", () => {
    expect(parseDisplayTex(String.raw`\begin{equation*} t = 1 \end{equation*}`).rows[0]!.unnumbered).toBe(true);
    expect(parseDisplayTex("\\begin{align*}\na &= b \\\\\nc &= d\n\\end{align*}").rows.map((row) => row.unnumbered)).toEqual([true]);
    expect(parseDisplayTex(String.raw`\begin{align*} a &= b \label{eq:ab} \end{align*}`).rows[0]!.unnumbered).toBe(false);
    expect(parseDisplayTex(String.raw`\begin{equation*} t = 1 \tag{A} \end{equation*}`).rows[0]!.customTag).toBe("A");
    expect(parseDisplayTex(String.raw`\begin{align} a &= b \end{align}`).rows[0]!.unnumbered).toBe(false);
  });

  it("reads \\notag, \\nonumber and \\tag", () => {
    expect(parseDisplayTex(String.raw`x \notag`).rows[0]!.unnumbered).toBe(true);
    expect(parseDisplayTex(String.raw`x \nonumber`).rows[0]!.unnumbered).toBe(true);
    expect(parseDisplayTex(String.raw`x \tag{A.1}`).rows[0]!.customTag).toBe("A.1");
    expect(parseDisplayTex(String.raw`\notagx`).rows[0]!.unnumbered).toBe(false);
  });

  it("keeps an aligned block with one label as one equation", () => {
    const parsed = parseDisplayTex(String.raw`\begin{aligned} m &= a \\ v &= b \end{aligned} \label{eq:adam}`);
    expect(parsed.rowEnvironment).toBeUndefined();
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.label).toBe("eq:adam");
  });

  it("numbers each row of align, and of aligned rows that carry labels", () => {
    const align = parseDisplayTex(String.raw`\begin{align} a &= b \label{eq:first} \\ c &= d \notag \\ e &= f \end{align}`);
    expect(align.rows.map((r) => [r.label, r.unnumbered])).toEqual([["eq:first", false], [undefined, true], [undefined, false]]);
    const aligned = parseDisplayTex(String.raw`\begin{aligned} a &= b \label{eq:x} \\ c &= d \label{eq:y} \end{aligned}`);
    expect(aligned.rows.map((r) => r.label)).toEqual(["eq:x", "eq:y"]);
  });

  it("leaves unnumbered the rows of align* or aligned that have no label, when others have one", () => {
    const starred = parseDisplayTex(String.raw`\begin{align*} a &= b \label{eq:s1} \\ c &= d \\ e &= f \label{eq:s2} \\ g &= h \tag{T} \end{align*}`);
    expect(starred.rows.map((r) => [r.label, r.unnumbered])).toEqual([["eq:s1", false], [undefined, true], ["eq:s2", false], [undefined, false]]);
    const aligned = parseDisplayTex(String.raw`\begin{aligned} a &= b \label{eq:x} \\ c &= d \\ e &= f \label{eq:y} \end{aligned}`);
    expect(aligned.rows.map((r) => r.unnumbered)).toEqual([false, true, false]);
  });

  it("gives a \\tag on one row of align* to that row, as LaTeX does, not to the whole display", () => {
    const parsed = parseDisplayTex(String.raw`\begin{align*} a &= b \tag{L} \\ c &= d \end{align*}`);
    expect(parsed.rows.map((r) => [r.customTag, r.unnumbered])).toEqual([["L", false], [undefined, true]]);
    expect(texForRendering(parsed, numberRows(parsed.rows, 0).equations)).toContain(String.raw`a &= b \tag{\htmlId{eq-tag-L}{L}} \\`);
  });

  it("does not split rows inside a nested matrix", () => {
    const parsed = parseDisplayTex(String.raw`\begin{align} R &= \begin{pmatrix} a & b \\ c & d \end{pmatrix} \label{eq:r} \\ s &= t \end{align}`);
    expect(parsed.rows).toHaveLength(2);
  });

  it("reports two labels on one equation", () => {
    expect(parseDisplayTex(String.raw`a \label{eq:a} \label{eq:b}`).problems[0]!.reason).toMatch(/2 labels/);
  });
});

describe("numberRows and texForRendering", () => {
  it("numbers in order, skips \\notag, and lets \\tag set its own text", () => {
    const rows = [{ unnumbered: false, label: "eq:a" }, { unnumbered: true }, { unnumbered: false, customTag: "*" }, { unnumbered: false }];
    const { equations, counter } = numberRows(rows, 4);
    expect(equations.map((e) => [e.number, e.anchor])).toEqual([["5", "eq-a"], [undefined, undefined], ["*", "eq-tag--"], ["6", "eq-6"]]);
    expect(counter).toBe(6);
  });

  it("renders the number as a KaTeX \\tag, and row numbers with ids", () => {
    const single = parseDisplayTex(String.raw`a = b \label{eq:ab}`);
    expect(texForRendering(single, [{ number: "3", anchor: "eq-ab" }])).toBe(String.raw`a = b \tag{3}`);
    const rows = parseDisplayTex(String.raw`\begin{aligned} a &= b \label{eq:x} \\ c &= d \label{eq:y} \end{aligned}`);
    const tex = texForRendering(rows, [{ number: "1", anchor: "eq-x" }, { number: "2", anchor: "eq-y" }]);
    expect(tex).toContain(String.raw`\begin{align*}`);
    expect(tex).toContain(String.raw`\tag{\htmlId{eq-x}{1}}`);
    expect(tex).toContain(String.raw`\tag{\htmlId{eq-y}{2}}`);
  });

  it("shows a \\tag*{…} without parentheses, as LaTeX does", () => {
    const parsed = parseDisplayTex(String.raw`x = y \tag*{B.2} \label{eq:b2}`);
    const [equation] = numberRows(parsed.rows, 0).equations;
    expect(equation).toMatchObject({ number: "B.2", bare: true });
    expect(texForRendering(parsed, [equation!])).toBe(String.raw`x = y \tag*{B.2}`);
    expect(texForRendering(parseDisplayTex(String.raw`x \tag{A}`), numberRows(parseDisplayTex(String.raw`x \tag{A}`).rows, 0).equations)).toBe(String.raw`x \tag{A}`);
  });

  it("keeps a row break's space, \\\\[4pt], with the break, not as the next row's text", () => {
    const rows = parseDisplayTex(String.raw`\begin{align} a &= b \label{eq:x} \\[4pt] c &= d \\ [e, f] &= g \end{align}`);
    const tex = texForRendering(rows, [{ number: "1", anchor: "eq-x" }, { number: "2", anchor: "eq-2" }, { number: "3", anchor: "eq-3" }]);
    expect(tex).toBe(String.raw`\begin{align*}` + "\n" + String.raw`a &= b \tag{\htmlId{eq-x}{1}} \\[4pt]` + "\n" + String.raw`c &= d \tag{\htmlId{eq-2}{2}} \\` + "\n" + String.raw`[e, f] &= g \tag{\htmlId{eq-3}{3}}` + "\n" + String.raw`\end{align*}`);
  });
});

describe("one row of a display of several, alone (the formula list's entry of that row, a preview of it)", () => {
  const display = String.raw`\begin{alignat}{2} a &= b &\quad& x \label{eq:x} % the first
\\[4pt] &\quad + c \label{eq:y} \\ [e, f] &= g \tag{A} \end{alignat}`;
  const parsed = parseDisplayTex(display);

  it("renders in the display's environment, starred, with its own number and no other row", () => {
    expect(rowTexForRendering(parsed, 0, { number: "1" })).toBe(String.raw`\begin{alignat*}{2}` + "\n" + String.raw`a &= b &\quad& x \tag{1}` + "\n" + String.raw`\end{alignat*}`);
    // Without the space its \\[4pt] asks for above it, which would show as text with no row above.
    expect(rowTexForRendering(parsed, 1, { number: "2" })).toBe(String.raw`\begin{alignat*}{2}` + "\n" + String.raw`&\quad + c \tag{2}` + "\n" + String.raw`\end{alignat*}`);
    expect(rowTexForRendering(parsed, 2, { number: "A", bare: true })).toBe(String.raw`\begin{alignat*}{2}` + "\n" + String.raw`[e, f] &= g \tag*{A}` + "\n" + String.raw`\end{alignat*}`);
  });

  it("is written in the display's environment as written, with its label, tag and comment: a formula a note can hold", () => {
    expect(rowTexAsWritten(parsed, 0, display)).toBe(String.raw`\begin{alignat}{2}` + "\n" + String.raw`a &= b &\quad& x \label{eq:x} % the first` + "\n" + String.raw`\end{alignat}`);
    expect(rowTexAsWritten(parsed, 1, display)).toBe(String.raw`\begin{alignat}{2}` + "\n" + String.raw`&\quad + c \label{eq:y}` + "\n" + String.raw`\end{alignat}`);
    expect(rowTexAsWritten(parsed, 2, display)).toBe(String.raw`\begin{alignat}{2}` + "\n" + String.raw`[e, f] &= g \tag{A}` + "\n" + String.raw`\end{alignat}`);
    // The copy is one equation of its own, with the row's label and number.
    const copied = parseDisplayTex(rowTexAsWritten(parsed, 1, display));
    expect([copied.rows, numberRows(copied.rows, 0).equations]).toEqual([[{ label: "eq:y", unnumbered: false }], [{ number: "1", anchor: "eq-y", label: "eq:y" }]]);
  });

  it("is the author's row, not the TeX parsed, which had definitions blanked out and \\\\* as \\\\ (the same length)", () => {
    const written = String.raw`\begin{align} a &= b \label{eq:a} \\*[2pt] \def\Q{\mathbb{Q}} c &= \Q \label{eq:c} \end{align}`;
    const parsedTex = String.raw`\begin{align} a &= b \label{eq:a} \\[2pt]                     c &= \Q \label{eq:c} \end{align}`;
    expect(parsedTex.length).toBe(written.length);
    expect(rowTexAsWritten(parseDisplayTex(parsedTex), 1, written)).toBe(String.raw`\begin{align}` + "\n" + String.raw`\def\Q{\mathbb{Q}} c &= \Q \label{eq:c}` + "\n" + String.raw`\end{align}`);
  });

  it("keeps what follows the environment with the last row only", () => {
    const endedTex = String.raw`\begin{gather} a \label{eq:a} \\ b \label{eq:b} \end{gather} .`;
    const ended = parseDisplayTex(endedTex);
    expect(rowTexForRendering(ended, 0, { number: "1" })).toBe(String.raw`\begin{gather*}` + "\n" + String.raw`a \tag{1}` + "\n" + String.raw`\end{gather*}`);
    expect(rowTexForRendering(ended, 1, { number: "2" })).toBe(String.raw`\begin{gather*}` + "\n" + String.raw`b \tag{2}` + "\n" + String.raw`\end{gather*} .`);
    expect(rowTexAsWritten(ended, 1, endedTex)).toBe(String.raw`\begin{gather}` + "\n" + String.raw`b \label{eq:b}` + "\n" + String.raw`\end{gather}.`);
  });
});

describe("findEquationRefs", () => {
  it("finds same-page and cross-paper references", () => {
    const refs = findEquationRefs(String.raw`x = \eqref{eq:a} + \ref{wuerstchen/eq:noise-objective}`);
    expect(refs.map((r) => [r.kind, r.slug, r.label])).toEqual([["eqref", undefined, "eq:a"], ["ref", "wuerstchen", "eq:noise-objective"]]);
  });
  it("ignores commands that only start the same way", () => {
    expect(findEquationRefs(String.raw`\reflectbox{x} \refstepcounter`)).toEqual([]);
  });
});
