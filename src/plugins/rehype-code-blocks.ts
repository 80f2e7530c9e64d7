// Frames each Shiki code block with its language and a copy button, and marks
// it for line numbers (drawn by CSS, so they are never copied with the code).
import type { Element, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { ui } from "../lib/ui-strings.ts";
import { pageLang } from "./messages.ts";

/** Languages shown without line numbers: prose-like blocks such as prompts. */
const PLAIN_LANGUAGES = new Set(["text", "plaintext", "txt", "markdown", "md"]);

export default function rehypeCodeBlocks() {
  return (tree: Root, file: VFile) => {
    const strings = ui(pageLang(file));
    visit(tree, "element", (node, index, parent) => {
      // No code block is inside a paragraph.
      if (node.tagName === "p") return SKIP;
      if (node.tagName !== "pre" || !parent || index === undefined) return;
      // Shiki writes `class` as a string; hast proper uses a className array.
      const props = node.properties as Record<string, unknown>;
      const raw = props.className ?? props.class ?? [];
      const classes = Array.isArray(raw) ? raw.map(String) : String(raw).split(/\s+/);
      if (!classes.includes("astro-code")) return;
      const language = String(props.dataLanguage ?? props["data-language"] ?? "text");
      if (!PLAIN_LANGUAGES.has(language)) classes.push("has-line-numbers");
      delete props.class;
      props.className = classes;
      // Shiki makes every block a tab stop; the page script makes one only of a block that scrolls.
      delete props.tabindex;
      delete props.tabIndex;
      const figure: Element = {
        type: "element",
        tagName: "figure",
        // Named, or a figure takes its name from the caption, copy button and all ("python Copy python code").
        properties: { className: ["code-block"], ariaLabel: strings.codeBlockLabel(language) },
        children: [
          {
            type: "element",
            tagName: "figcaption",
            properties: { className: ["code-block-bar"] },
            children: [
              { type: "element", tagName: "span", properties: { className: ["code-language"] }, children: [{ type: "text", value: language }] },
              {
                type: "element",
                tagName: "button",
                properties: { type: "button", className: ["code-copy"], ariaLabel: strings.copyCodeLabel(language) },
                children: [{ type: "text", value: strings.copyCode }],
              },
            ],
          },
          node,
        ],
      };
      parent.children[index] = figure;
      return SKIP;
    });
  };
}
