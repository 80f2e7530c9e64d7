// For the content check: HTML in a note that its page would block or never
// run. Every page's Content-Security-Policy runs only the site's own scripts
// and styles, and pages load nothing from other sites (they read offline too).
// Images are remark-image-sources' business.
import type { Html, Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { attributesOf, START_TAG, withoutComments } from "../lib/html-tags.ts";
import { isOtherOrigin } from "../postbuild/dist-guard.ts";
import { placeOfFound, report } from "./messages.ts";

/** Attributes that make the browser fetch what they name (an <a href> is only followed). */
const FETCHING = new Set(["src", "data", "poster", "srcset"]);
const EMBEDS = /^(?:iframe|frame|video|audio|source|track)$/;

/** Why the element would not work on the page, if it would not. */
function blockedBecause(tag: string, attributes: Record<string, string>, written: string): string | undefined {
  if (tag === "script") return `${written}: a script in a note never runs, as each page's security policy runs only the site's own scripts`;
  if (tag === "style") return `${written}: a <style> in a note is never applied, as each page's security policy allows only the site's styles; give the element a style="…" attribute instead`;
  // The policy's object-src 'none', wherever the file is.
  if (tag === "object" || tag === "embed") return `${written}: each page's security policy shows no <${tag}>; show a figure as an image (![…](/figures/x.svg)), or link to the file`;
  const names = Object.keys(attributes);
  const handler = names.find((name) => /^on[a-z]+$/.test(name));
  if (handler) return `${written}: ${handler}="…" never runs, as each page's security policy blocks inline event handlers`;
  const scriptUrl = names.find((name) => /^\s*javascript:/i.test(attributes[name]!));
  if (scriptUrl) return `${written}: a javascript: address never runs, as each page's security policy runs only the site's own scripts`;
  if (tag === "link" || EMBEDS.test(tag)) {
    for (const [name, value] of Object.entries(attributes)) {
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
    // No tag in the note (most notes): nothing to read.
    if (!/<[A-Za-z]/.test(String(file.value))) return;
    visit(tree, (node: Node) => {
      if (node.type === "html") {
        const source = (node as Html).value;
        for (const match of withoutComments(source).matchAll(START_TAG)) {
          const reason = blockedBecause(match[1]!.toLowerCase(), attributesOf(match[2]!), shortened(match[0]));
          // At this tag, not at a copy of it in a comment before it.
          if (reason) report(file, node, reason, placeOfFound(file, node, match[0], source, match.index));
        }
        return;
      }
      if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
      const jsx = node as MdxJsxFlowElement | MdxJsxTextElement;
      // A component (<Figure>) is the site's own code.
      if (!jsx.name || !/^[a-z]/.test(jsx.name)) return;
      const attributes: Record<string, string> = {};
      for (const attribute of jsx.attributes) if (attribute.type === "mdxJsxAttribute") attributes[attribute.name.toLowerCase()] ??= typeof attribute.value === "string" ? attribute.value : "";
      const reason = blockedBecause(jsx.name, attributes, `<${jsx.name}>`);
      if (reason) report(file, node, reason);
    });
  };
}

/** A tag as the message quotes it: long ones cut. */
function shortened(tag: string): string {
  return tag.length > 80 ? `${tag.slice(0, 77)}…>` : tag;
}
