import { describe, expect, it } from "vitest";
import { bibtex, citationKey, escapeTex, paperYear } from "../../src/lib/bibtex.ts";

const wuerstchen = {
  title: "Würstchen: An Efficient Architecture for Large-Scale Text-to-Image Diffusion Models",
  authors: ["Pablo Pernias", "Dominic Rampas", "Mats L. Richter", "Christopher J. Pal", "Marc Aubreville"],
  arxiv: "2306.00637",
  venue: "ICLR 2024",
  date: new Date("2024-03-15"),
  slug: "wuerstchen",
};

describe("BibTeX", () => {
  it("takes the year from the venue, then the arXiv id, then the note date", () => {
    expect(paperYear(wuerstchen)).toBe(2024);
    expect(paperYear({ ...wuerstchen, venue: undefined })).toBe(2023);
    expect(paperYear({ ...wuerstchen, venue: undefined, arxiv: undefined })).toBe(2024);
  });

  it("builds an ASCII key from the first author, year and first real title word", () => {
    expect(citationKey(wuerstchen)).toBe("pernias2024wurstchen");
  });

  it("builds the key from the slug when the first author or the title has no Latin letters", () => {
    // A generic "2024paper" would be the same for every such note.
    expect(citationKey({ ...wuerstchen, title: "自奖励语言模型", slug: "self-rewarding-lm" })).toBe("selfrewardinglm2024");
    expect(citationKey({ ...wuerstchen, authors: ["袁伟哲"], slug: "self-rewarding-lm" })).toBe("selfrewardinglm2024");
  });

  it("writes an inproceedings entry for a conference paper with its arXiv id", () => {
    expect(bibtex(wuerstchen)).toBe(`@inproceedings{pernias2024wurstchen,
  title         = {W{\\"u}rstchen: An Efficient Architecture for {Large-Scale} {Text-to-Image} Diffusion Models},
  author        = {Pablo Pernias and Dominic Rampas and Mats L. Richter and Christopher J. Pal and Marc Aubreville},
  year          = {2024},
  booktitle     = {ICLR},
  eprint        = {2306.00637},
  archivePrefix = {arXiv},
  url           = {https://arxiv.org/abs/2306.00637}
}`);
    // The year is in its own field; a venue without one at its end stays as written.
    expect(bibtex({ ...wuerstchen, venue: "NeurIPS Workshop on Diffusion" })).toContain("booktitle     = {NeurIPS Workshop on Diffusion},");
  });

  it("writes an article in a journal (TMLR, a Transactions), not a paper 'In' it", () => {
    const entry = bibtex({ ...wuerstchen, venue: "Transactions on Machine Learning Research 2024" });
    expect(entry).toMatch(/^@article\{pernias2024wurstchen,/);
    expect(entry).toContain("journal       = {Transactions on Machine Learning Research},");
    expect(entry).not.toContain("booktitle");
    expect(bibtex({ ...wuerstchen, venue: "TMLR" })).toMatch(/^@article\{/);
  });

  it("keeps an author whose name holds 'and' one author, as BibTeX splits the list at each 'and'", () => {
    const entry = bibtex({ ...wuerstchen, authors: ["Google Research and DeepMind", "Ada Lovelace", "Grand Andersen"] });
    expect(entry).toContain("author        = {{Google Research and DeepMind} and Ada Lovelace and Grand Andersen},");
  });

  it("writes < > and |, which TeX's default font prints as other glyphs, as text commands", () => {
    expect(escapeTex("a <b> | c")).toBe(String.raw`a \textless{}b\textgreater{} \textbar{} c`);
  });

  it("writes a misc entry without a venue and escapes special characters", () => {
    const entry = bibtex({ title: "Fast & Cheap: 100% Recall", authors: ["Ada Lovelace"], date: new Date("2024-01-02"), slug: "x" });
    expect(entry).toMatch(/^@misc\{lovelace2024fast,/);
    expect(entry).toContain("title  = {Fast \\& Cheap: 100\\% Recall}");
  });

  it("writes accented Latin letters as TeX accents and escapes TeX's special characters; other scripts stay", () => {
    expect(escapeTex("Björn Ommer, Łukasz Kaiser, Jiří Matas, Çağlar Gülçehre, Søren Hauberg")).toBe(String.raw`Bj{\"o}rn Ommer, {\L}ukasz Kaiser, Ji{\v{r}}{\'i} Matas, {\c{C}}a{\u{g}}lar G{\"u}l{\c{c}}ehre, S{\o}ren Hauberg`);
    expect(escapeTex("a_b {c} ~d^ \\e & 5% #1 $x$")).toBe(String.raw`a\_b \{c\} \textasciitilde{}d\textasciicircum{} \textbackslash{}e \& 5\% \#1 \$x\$`);
    expect(escapeTex("张三 and Ἀθῆναι")).toBe("张三 and Ἀθῆναι");
  });

  it("keeps acronyms and words with inner capitals as written, where a style lowercases titles", () => {
    const title = (text: string) => /title\s+= \{(.*)\},/.exec(bibtex({ title: text, authors: ["A B"], date: new Date("2024-01-02"), slug: "x" }))![1];
    expect(title("DesignEdit: Multi-Layered Latent Decomposition")).toBe("{DesignEdit}: {Multi-Layered} Latent Decomposition");
    expect(title("Self-Rewarding Language Models")).toBe("{Self-Rewarding} Language Models");
    expect(title("Training LLMs with DPO, at Scale")).toBe("Training {LLMs} with {DPO}, at Scale");
  });
});
