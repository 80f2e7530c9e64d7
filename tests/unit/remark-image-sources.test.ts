// remark-image-sources: images must be files under public/; others are reported at their place.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkImageSources from "../../src/plugins/remark-image-sources.ts";

const publicDir = mkdtempSync(join(tmpdir(), "papernotes-public-"));
mkdirSync(join(publicDir, "figures"));
writeFileSync(join(publicDir, "figures", "model arch.png"), "png");

const messagesOf = (markdown: string) => pluginMessages(markdown, [[remarkImageSources, { publicDir, base: "/" }]]);

describe("remark-image-sources", () => {
  it("accepts an image under public/, written from the site's root, and data: URLs", () => {
    expect(messagesOf("![The model](/figures/model%20arch.png) ![dot](data:image/png;base64,iVBORw0KGgo=)\n")).toEqual([]);
  });

  it("reports images from other sites, relative paths and missing files, saying where the file goes", () => {
    expect(messagesOf("![a](https://example.org/fig/arch.png)\n\n![b](./transformer.png)\n\n![c](/figures/gone.png)\n")).toEqual([
      "1:1: image https://example.org/fig/arch.png: pages show only images of this site, so that they read offline; save it as public/figures/arch.png and write /figures/arch.png",
      "3:1: image ./transformer.png: a relative path; images are files under public/: save it as public/figures/transformer.png and write /figures/transformer.png",
      "5:1: image /figures/gone.png: there is no file public/figures/gone.png",
    ]);
  });

  it("names the file a mistyped path most likely meant, in the same folder", () => {
    expect(messagesOf("![The model](/figures/Model%20arch.png) ![The model](/figures/model%20arc.png) ![x](/figures/other.png)\n")).toEqual([
      "1:1: image /figures/Model%20arch.png: there is no file public/figures/Model%20arch.png; did you mean /figures/model%20arch.png?",
      "1:41: image /figures/model%20arc.png: there is no file public/figures/model%20arc.png; did you mean /figures/model%20arch.png?",
      "1:80: image /figures/other.png: there is no file public/figures/other.png",
    ]);
  });

  it("says to drop /public from a path that names a file of public/ with it", () => {
    expect(messagesOf("![The model](/public/figures/model%20arch.png) ![x](/public/figures/gone.png)\n")).toEqual([
      "1:1: image /public/figures/model%20arch.png: there is no file public/public/figures/model%20arch.png; the files of public/ are at the site's root: write /figures/model%20arch.png",
      "1:48: image /public/figures/gone.png: there is no file public/public/figures/gone.png",
    ]);
  });

  it("warns of an image with no description, which a screen reader can only call an image", () => {
    expect(messagesOf("![](/figures/model%20arch.png)\n\n![ ](/figures/model%20arch.png)\n")).toEqual([
      "1:1: warning: image /figures/model%20arch.png has no description: write what it shows between the brackets, as ![what it shows](/figures/model%20arch.png)",
      "3:1: warning: image /figures/model%20arch.png has no description: write what it shows between the brackets, as ![what it shows](/figures/model%20arch.png)",
    ]);
  });

  it("puts the site's base path in front of an image's path, as before a link's", () => {
    const processor = unified().use(remarkParse).use(remarkImageSources, { publicDir, base: "/notes/" });
    const tree = processor.runSync(processor.parse("![The model](/figures/model%20arch.png)\n"));
    expect(JSON.stringify(tree)).toContain('"url":"/notes/figures/model%20arch.png"');
  });

  it("gives an image its size, so that the page keeps room for it", () => {
    writeFileSync(join(publicDir, "figures", "wide.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 190" width="760" height="190"></svg>');
    const processor = unified().use(remarkParse).use(remarkImageSources, { publicDir, base: "/" });
    const tree = processor.runSync(processor.parse("![A figure](/figures/wide.svg)\n"));
    expect(JSON.stringify(tree)).toContain('"hProperties":{"width":760,"height":190}');
    // A photo whose EXIF turns it on its side (orientation 6): the browser shows it 300 wide, 400 high.
    const tiff = Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    const exif = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
    const sof = Buffer.from([0xff, 0xc0, 0, 0x11, 8, 300 >> 8, 300 & 0xff, 400 >> 8, 400 & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    writeFileSync(join(publicDir, "figures", "turned.jpg"), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2]), exif, sof, Buffer.from([0xff, 0xd9])]));
    const turned = processor.runSync(processor.parse("![A photo](/figures/turned.jpg)\n"));
    expect(JSON.stringify(turned)).toContain('"hProperties":{"width":300,"height":400}');
  });

  it("checks an <img> in raw HTML quoted or not, at its own line, and leaves one in an HTML comment alone", () => {
    writeFileSync(join(publicDir, "figures", "wide.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 190" width="760" height="190"></svg>');
    const note = '<!-- <img src="/figures/old.png"> -->\n\n<div>\n<!-- <img src="/figures/gone.png"> -->\n<img src=/figures/wide.svg alt=a>\n<img src=/figures/gone.png>\n</div>\n';
    expect(pluginMessages(note, [[remarkImageSources, { publicDir, base: "/" }]], "note.md")).toEqual(["6:6: image /figures/gone.png: there is no file public/figures/gone.png"]);
    const processor = unified().use(remarkParse).use(remarkImageSources, { publicDir, base: "/notes/" });
    const tree = processor.runSync(processor.parse(note)) as unknown as { children: { value: string }[] };
    expect(tree.children.map((node) => node.value)).toEqual([
      '<!-- <img src="/figures/old.png"> -->',
      '<div>\n<!-- <img src="/figures/gone.png"> -->\n<img src="/notes/figures/wide.svg" width="760" height="190" alt=a>\n<img src=/figures/gone.png>\n</div>',
    ]);
  });

  it("gives an <img> in raw HTML or in MDX its size too, unless it gives its own", () => {
    writeFileSync(join(publicDir, "figures", "wide.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 190" width="760" height="190"></svg>');
    const html = unified().use(remarkParse).use(remarkImageSources, { publicDir, base: "/" });
    const htmlTree = html.runSync(html.parse('<img src="/figures/wide.svg" alt="a">\n\n<img width="50%" src="/figures/wide.svg">\n'));
    expect(JSON.stringify(htmlTree)).toContain('<img src=\\"/figures/wide.svg\\" width=\\"760\\" height=\\"190\\" alt=\\"a\\">');
    expect(JSON.stringify(htmlTree)).toContain('<img width=\\"50%\\" src=\\"/figures/wide.svg\\">');
    const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkImageSources, { publicDir, base: "/" });
    const sized = (markdown: string) => {
      const tree = mdx.runSync(mdx.parse(markdown)) as unknown as { children: { attributes: { name: string; value: string }[] }[] };
      return tree.children[0]!.attributes.map((a) => `${a.name}=${a.value}`);
    };
    expect(sized('<img src="/figures/wide.svg" alt="a" />\n')).toEqual(["src=/figures/wide.svg", "alt=a", "width=760", "height=190"]);
    expect(sized('<img src="/figures/wide.svg" width="300" />\n')).toEqual(["src=/figures/wide.svg", "width=300"]);
  });
});
