// A note's images must be files of the site, kept under public/, and written
// from the site's root (/figures/x.png), which gets the base path in front.
// Pages load nothing from other sites (so that they read offline, and by their
// security policy), and a relative path would be read against the page's URL,
// not the note's folder.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { imageSize } from "image-size";
import { dirname, join } from "node:path";
import type { Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { Node, Point } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { attributesOf, quotedValue, replaceAttributeValues } from "../lib/html-tags.ts";
import { jsxStringAttribute } from "../lib/mdx-jsx.ts";
import { placeOfFound, report, SOURCE } from "./messages.ts";
import { closestName } from "../lib/did-you-mean.ts";
import { safeDecode, URL_SCHEME } from "../postbuild/relative-urls.ts";

function sizeOf(onDisk: string): { width: number; height: number } | undefined {
  try {
    const { width, height, orientation = 1 } = imageSize(readFileSync(onDisk));
    if (!width || !height) return undefined;
    // EXIF orientations 5 to 8 turn a photo on its side: the browser shows it so.
    return orientation >= 5 ? { width: height, height: width } : { width, height };
  } catch {
    return undefined; // a format image-size does not read: shown without a size
  }
}

declare module "vfile" {
  interface DataMap {
    /** The files under public/ the note names, there or not: the build cache renders it again when one changes (see CachedPaper.publicFiles). */
    publicFilesRead: Set<string>;
  }
}

/** The file under public/ that a root-relative URL (its query and anchor aside) names, if there is one; noted in `file`'s data either way. */
export function publicFileOf(publicDir: string, url: string, file: VFile): string | undefined {
  const onDisk = join(publicDir, safeDecode(url.replace(/[?#].*$/, "")));
  (file.data.publicFilesRead ??= new Set()).add(onDisk);
  return existsSync(onDisk) && statSync(onDisk).isFile() ? onDisk : undefined;
}

/** "; …: write /figures/x.svg" for /public/figures/x.svg when that file is there: public/ is the site's root, not a folder of it. */
export function publicPrefixDropped(publicDir: string, url: string, file: VFile): string {
  const path = /^\/public(\/[^?#]*)/.exec(url)?.[1];
  return path && publicFileOf(publicDir, path, file) ? `; the files of public/ are at the site's root: write ${url.slice("/public".length)}` : "";
}

/** "; did you mean /figures/x.svg?" for a file of the same folder a slip or a case away ("Wuerstchen.svg"), or "". */
function fileMeant(publicDir: string, path: string): string {
  const folder = dirname(safeDecode(path));
  let names: string[];
  try {
    names = readdirSync(join(publicDir, folder));
  } catch {
    return "";
  }
  const name = safeDecode(path).slice(folder.length).replace(/^\//, "");
  const meant = closestName(name, names); // a name that differs in case only is the closest
  return meant ? `; did you mean ${encodeURI(join(folder, meant))}?` : "";
}

export default function remarkImageSources(options: { publicDir: string; base: string }) {
  return (tree: Root, file: VFile) => {
    /** The image's URL in the page (the base path in front) and its file, or undefined (reported) if it is not a file of the site; at `at` in the node if given. */
    const siteImage = (url: string, node: Node, at?: string | Point): { url: string; onDisk: string } | undefined => {
      const path = url.replace(/[?#].*$/, "");
      const name = path.split("/").filter(Boolean).pop() ?? "figure.png";
      const instead = `save it as public/figures/${name} and write /figures/${name}`;
      if (URL_SCHEME.test(url) || url.startsWith("//")) return void report(file, node, `image ${url}: pages show only images of this site, so that they read offline; ${instead}`, at);
      if (!url.startsWith("/")) return void report(file, node, `image ${url}: a relative path; images are files under public/: ${instead}`, at);
      const onDisk = publicFileOf(options.publicDir, path, file);
      if (!onDisk) return void report(file, node, `image ${url}: there is no file public${path}${publicPrefixDropped(options.publicDir, url, file) || fileMeant(options.publicDir, path)}`, at);
      return { url: options.base + url.slice(1), onDisk };
    };
    visit(tree, (node) => {
      if (node.type === "html") {
        // An <img src> in raw HTML (a .md note), placed at its own attribute (not at a copy in a comment before it).
        const html = node.value;
        node.value = replaceAttributeValues(html, "src", (url, found) => {
          if (found.tag !== "img" || url.startsWith("data:")) return undefined;
          const image = siteImage(url, node, placeOfFound(file, node, found.written, html, found.index));
          if (!image) return undefined;
          // An <img> that gives its own size keeps the author's.
          const attributes = attributesOf(found.attributes);
          const size = "width" in attributes || "height" in attributes ? undefined : sizeOf(image.onDisk);
          return image.url === url && !size ? undefined : quotedValue(image.url) + (size ? ` width="${size.width}" height="${size.height}"` : "");
        });
        return;
      }
      // An <img src="…"> in an MDX note.
      const src = jsxStringAttribute(node, "img", "src");
      if (src && !src.value.startsWith("data:")) {
        const image = siteImage(src.value, node, src.value);
        if (!image) return;
        src.value = image.url;
        const jsx = node as MdxJsxFlowElement | MdxJsxTextElement;
        const size = jsx.attributes.some((a) => a.type === "mdxJsxAttribute" && (a.name === "width" || a.name === "height")) ? undefined : sizeOf(image.onDisk);
        if (size) jsx.attributes.push({ type: "mdxJsxAttribute", name: "width", value: String(size.width) }, { type: "mdxJsxAttribute", name: "height", value: String(size.height) });
        return;
      }
      if (node.type !== "image" || node.url.startsWith("data:")) return;
      // A figure of a paper says something: without words, a screen reader says only "image", and search has nothing.
      if (!node.alt?.trim()) file.info(`image ${node.url} has no description: write what it shows between the brackets, as ![what it shows](${node.url})`, { place: node.position, source: SOURCE, ruleId: "content" });
      const image = siteImage(node.url, node);
      if (!image) return;
      node.url = image.url;
      // Its size, so that the page keeps room for it and does not move when it arrives.
      const size = sizeOf(image.onDisk);
      if (size) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, width: size.width, height: size.height } };
    });
  };
}
