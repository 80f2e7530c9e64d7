// Checks links between papers, written as /papers/<slug>/#anchor, and puts the
// site's base path in front of every root-relative link.
import type { Root } from "mdast";
import type { Node, Point } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { didYouMean } from "../lib/did-you-mean.ts";
import { quotedValue, replaceAttributeValues } from "../lib/html-tags.ts";
import { numberedAsWritten, type NumberedEquation } from "../lib/equations.ts";
import { LAYOUT_IDS, paperPagePath, type IndexedPaper } from "../lib/paper-index.ts";
import { jsxStringAttribute } from "../lib/mdx-jsx.ts";
import { slugFromPath } from "../lib/paper-files.ts";
import { safeDecode, URL_SCHEME } from "../postbuild/relative-urls.ts";
import { publicFileOf, publicPrefixDropped } from "./remark-image-sources.ts";
import { noPaperNamed, placeOfFound, report, SOURCE } from "./messages.ts";
import type { PageEquations } from "./remark-equation-numbers.ts";
import type { SiteLinkOptions } from "./remark-equation-refs.ts";

const PAPER_LINK = /^\/papers\/([^/#?]*)\/?(?:index\.html)?(?:\?[^#]*)?(?:#(.*))?$/;
const TAG_LINK = /^\/tags\/([^/#?]+)\/?(?:index\.html)?(?:[?#].*)?$/;
/** The site's own pages besides papers and tags: the lists' first pages, the feed, the sitemap, the 404 page. */
const SITE_PAGE = /^\/(?:(?:formulas|archive|tags)\/?)?(?:index\.html)?(?:[?#].*)?$|^\/(?:rss|sitemap-index|sitemap-\d+|404)\.(?:xml|html)(?:[?#].*)?$/;
/** A list's later pages, which change as papers are added. */
const NUMBERED_PAGE = /^\/(?:formulas\/)?\d+\/?(?:index\.html)?(?:[?#].*)?$/;
/** A folder of the site written without its last slash, which from disk would open a file listing. */
const FOLDER_WITHOUT_SLASH = /^(\/(?:formulas|archive|tags|tags\/[^/#?]+))(?=$|[?#])/;

export default function remarkPaperLinks(options: SiteLinkOptions & { publicDir: string }) {
  return (tree: Root, file: VFile) => {
    const slug = slugFromPath(file.path);
    const paperOf = options.papers();
    const here = (file.data.pageEquations as PageEquations | undefined) ?? new Map();
    /** The link as the page will have it (the base path in front); reports what is wrong with it, at `at` in the node if given. */
    const siteLink = (url: string, node: Node, at?: string | Point): string => {
      const paperLink = PAPER_LINK.exec(url);
      if (paperLink) {
        const [, target = "", anchor] = paperLink;
        const paper = paperOf(target);
        // An address copied from the browser carries a Chinese heading's anchor percent-encoded.
        const anchorId = anchor && safeDecode(anchor);
        if (!paper) {
          if (target === "") report(file, node, `link ${url}: name a paper, as /papers/<slug>/; the list of papers is the home page, /`, at);
          else if (!options.unreadable?.(target)) report(file, node, `link ${url}: ${noPaperNamed(target, file, options.slugs?.() ?? [])}`, at);
        }
        else if (paper.draft) report(file, node, `link ${url}: paper "${target}" is a draft, which is not published`, at);
        else if (anchorId && !paper.equations.some((eq) => eq.anchor === anchorId) && !paper.headingIds.has(anchorId) && !LAYOUT_IDS.test(anchorId))
          report(file, node, `link ${url}: paper "${target}" has no equation or heading with the anchor #${anchorId}${anchorForNumber(anchorId, paper.equations, "there") || byTex(anchorId, paper) || didYouMean(anchorId, [...paper.equations.map((eq) => eq.anchor), ...paper.headingIds])}`, at);
        return `${options.base}${paperPagePath(target)}${anchor ? "#" + anchor : ""}`;
      }
      if (url.startsWith("#") && url.length > 1) {
        const anchor = safeDecode(url.slice(1));
        const known = here.has(anchor) || paperOf(slug)?.headingIds.has(anchor) || LAYOUT_IDS.test(anchor);
        if (!known) report(file, node, `link ${url}: no ${anchor.startsWith("eq-") ? "equation" : "heading or equation"} on this page has that anchor${anchorForNumber(anchor, here.values(), "on this page") || byTex(anchor, paperOf(slug)) || didYouMean(anchor, [...here.keys(), ...(paperOf(slug)?.headingIds ?? [])])}`, at);
        return url;
      }
      if (url.startsWith("/") && !url.startsWith("//")) {
        const tag = TAG_LINK.exec(url)?.[1];
        if (tag !== undefined) {
          const name = safeDecode(tag);
          const tags = options.tags?.();
          if (tags && !tags.has(name)) report(file, node, `link ${url}: no published paper has the tag "${name}"${didYouMean(name, tags)}`, at);
        } else if (NUMBERED_PAGE.test(url)) report(file, node, `link ${url}: a list's later pages change as papers are added; link to a paper, or to the list's first page`, at);
        else if (!SITE_PAGE.test(url) && !publicFileOf(options.publicDir, url, file)) report(file, node, `link ${url}: the site has no page or file there (under public/)${publicPrefixDropped(options.publicDir, url, file) || "; a paper is /papers/<slug>/"}`, at);
        return options.base + url.replace(FOLDER_WITHOUT_SLASH, "$1/").slice(1);
      }
      if (url !== "" && !url.startsWith("#") && !url.startsWith("//") && !URL_SCHEME.test(url)) {
        // Resolved against the page, "papers/x/" or "../x/" would lead elsewhere than the writer meant.
        report(file, node, `link ${url}: a relative link; link to a paper as /papers/<slug>/ (the site makes that work on any host and from disk), or give a full https:// address`, at);
      }
      return url;
    };
    visit(tree, (node) => {
      // Raw HTML, in a .md note: each link in it, as a Markdown link, placed at its own attribute (not at a copy in a comment before it).
      if (node.type === "html") {
        const html = node.value;
        node.value = replaceAttributeValues(html, "href", (url, found) => {
          const link = siteLink(url, node, placeOfFound(file, node, found.written, html, found.index));
          return link === url ? undefined : quotedValue(link);
        });
        return;
      }
      // And an <a href="…"> in an MDX note.
      const href = jsxStringAttribute(node, "a", "href");
      if (href) return void (href.value = siteLink(href.value, node, href.value));
      if (node.type !== "link" && node.type !== "definition") return;
      const link = node as { url: string; data?: { hProperties?: { className?: string[] } } };
      if (link.data?.hProperties?.className?.includes("eqref")) return;
      // [text]() leads back to this page: most likely an address not yet written.
      if (link.url === "" && node.type === "link") file.info("a link with no address leads back to this page: write where it goes between the parentheses, as [text](/papers/<slug>/)", { place: node.position, source: SOURCE, ruleId: "content" });
      link.url = siteLink(link.url, node);
    });
  };
}

/**
 * `#eq-4` is the anchor of equation (4) only while it has no label: a labelled
 * one's anchor comes from its label. Suggests that, for a link written by number.
 */
function anchorForNumber(anchor: string, equations: Iterable<NumberedEquation>, where: string): string {
  if (!anchor.startsWith("eq-")) return "";
  const found = numberedAsWritten(anchor, equations);
  if (!found) return "";
  const { number, equation } = found;
  // Not a spelling to correct: a nearby #eq-2 would be another equation.
  if (!equation) return `; no equation ${where} is numbered (${number})`;
  return equation.label !== undefined && equation.anchor ? `; did you mean ${equation.anchor}? (equation (${number}), by its label's anchor, which stays when equations are added above it)` : "";
}

/** A heading's anchor slugged from its formula's TeX, as GitHub slugs it: the anchor is from the text KaTeX shows. */
function byTex(anchor: string, paper: IndexedPaper | undefined): string {
  const id = paper?.headingIdsByTex.get(anchor);
  return id === undefined ? "" : `; did you mean ${id}? (a formula in a heading is slugged as the text it shows, not its TeX)`;
}
