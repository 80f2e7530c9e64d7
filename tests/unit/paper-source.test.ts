// parseNote leaves out GFM autolink literals for a note that cannot hold one:
// the tree must still be the one remark-gfm gives, positions included.
import fc from "fast-check";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { mayHoldAutolinkLiteral, parseNote, readPaperSource } from "../../src/lib/paper-source.ts";
import { gfmOptions } from "../../src/plugins/remark-tex-ties.ts";

const withGfm = unified().use(remarkParse).use(remarkMdx).use(remarkGfm, gfmOptions).use(remarkMath);

type Outcome = { tree: Root } | { error: string };

function outcome(parse: () => Root): Outcome {
  try {
    return { tree: parse() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const ours = (body: string) => outcome(() => parseNote({ path: "note.mdx", slug: "note", frontmatter: {}, body, keyLines: new Map() }).tree);
const remarkGfms = (body: string) => outcome(() => withGfm.parse(body) as Root);

function links(result: Outcome): string[] {
  const urls: string[] = [];
  if ("tree" in result) visit(result.tree, "link", (node) => void urls.push(node.url));
  return urls;
}

/** Pieces of autolink literals and of what sits around them, to be put together at random. */
const PIECES = ["www", ".", "@", "http", "https", "://", ":", "/", "&#46;", "&#64;", "&#x2F;", "&period;", "&amp;", "\\.", "\\@", "\\:", "\\/", "mailto:", "a", "example", "com", "中文", " ", "\n", "[", "]", "(", ")", "`", "*", "~", "|", "$"];

describe("parseNote", () => {
  it("finds autolink literals as remark-gfm does, also when a reference or an escape makes one", () => {
    for (const body of ["see www.example.com", "HTTPS://arxiv.org/abs/2306.00637", "mail me: a.b+c@example.org", "www&#46;example&#46;com", "www\\.example\\.com", "a&commat;example.com", "mailto:x@y.z"]) {
      expect(links(ours(body)), body).not.toEqual([]);
      expect(ours(body), body).toEqual(remarkGfms(body));
    }
  });

  it("gives remark-gfm's tree (or its error) for any text", () => {
    let withoutLiterals = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const body = pieces.join("");
        const expected = remarkGfms(body);
        if (!mayHoldAutolinkLiteral(body)) withoutLiterals++;
        expect(ours(body)).toEqual(expected);
      }),
      { numRuns: 4000, seed: 2306 },
    );
    // Many texts must take the shortcut for the test to mean anything.
    expect(withoutLiterals).toBeGreaterThan(1000);
  });
});

describe("frontmatter key lines", () => {
  it("are read from the frontmatter only, never from the body's first lines", () => {
    expect([...readPaperSource("p.mdx", "---\ntitle: x\ndate: 2024-01-01\n---\nauthors: not a key\nfoo: bar\n").keyLines]).toEqual([["title", 2], ["date", 3]]);
    expect([...readPaperSource("p.mdx", "---\r\ntitle: x\r\n---\r\ntags: no\r\n").keyLines]).toEqual([["title", 2]]);
    expect([...readPaperSource("p.mdx", "title: no frontmatter\nfoo: bar\n").keyLines]).toEqual([]);
  });
});
