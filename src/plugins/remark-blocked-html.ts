// For the content check: HTML in a note that its page would block or never
// run. Every page's Content-Security-Policy runs only the site's own scripts
// and styles, and pages load nothing from other sites (they read offline too).
// Images are remark-image-sources' business.
import type { Html, Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { ATTRIBUTE, isOtherOrigin, START_TAG } from "../postbuild/dist-guard.ts";
import { report } from "./messages.ts";

/** Attributes that make the browser fetch what they name (an <a href> is only followed). */
const FETCHING = new Set(["src", "data", "poster", "srcset"]);
const EMBEDS = /^(?:iframe|frame|embed|object|video|audio|source|track)$/;

/** Why the element would not work on the page, if it would not. */
export function blockedBecause(tag: string, attributes: Map<string, string>, written: string): string | undefined {
  if (tag === "script") return `${written}: a script in a note never runs, as each page's security policy runs only the site's own scripts`;
  if (tag === "style") return `${written}: a <style> in a note is never applied, as each page's security policy allows only the site's styles; give the element a style="…" attribute instead`;
  const handler = [...attributes.keys()].find((name) => /^on[a-z]+$/.test(name));
  if (handler) return `${written}: ${handler}="…" never runs, as each page's security policy blocks inline event handlers`;
  if (tag === "link" || EMBEDS.test(tag)) {
    for (const [name, value] of attributes) {
      const url = name === "srcset" ? value.trim().split(/\s+/)[0]! : value;
      if ((FETCHING.has(name) || (tag === "link" && name === "href")) && isOtherOrigin(url)) {
        return `${written}: pages load nothing from another site (they read offline, and their security policy blocks it); link to it instead, as [its title](${url})`;
      }
    }
  }
  return undefined;
}

export default function remarkBlockedHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node: Node) => {
      if (node.type === "html") {
        // A tag in a comment is not one.
        const html = (node as Html).value.replace(/<!--[\s\S]*?-->/g, (comment) => " ".repeat(comment.length));
        for (const match of html.matchAll(START_TAG)) {
          const attributes = new Map<string, string>();
          for (const [, name, double, single, bare] of match[2]!.matchAll(ATTRIBUTE)) if (!attributes.has(name!.toLowerCase())) attributes.set(name!.toLowerCase(), double ?? single ?? bare ?? "");
          const reason = blockedBecause(match[1]!.toLowerCase(), attributes, shortened(match[0]));
          if (reason) report(file, node, reason, match[0]);
        }
        return;
      }
      if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
      const jsx = node as MdxJsxFlowElement | MdxJsxTextElement;
      // A component (<Figure>) is the site's own code.
      if (!jsx.name || !/^[a-z]/.test(jsx.name)) return;
      const attributes = new Map<string, string>();
      for (const attribute of jsx.attributes) if (attribute.type === "mdxJsxAttribute") attributes.set(attribute.name.toLowerCase(), typeof attribute.value === "string" ? attribute.value : "");
      const reason = blockedBecause(jsx.name, attributes, `<${jsx.name}>`);
      if (reason) report(file, node, reason);
    });
  };
}

/** A tag as the message quotes it: long ones cut. */
function shortened(tag: string): string {
  return tag.length > 80 ? `${tag.slice(0, 77)}…>` : tag;
}
