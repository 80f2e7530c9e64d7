// remark-blocked-html: HTML in a note that its page would block (scripts, <style>, event handlers, embeds from other sites) stops the check, at its place.
import remarkMdx from "remark-mdx";
import { describe, expect, it } from "vitest";
import { pluginMessages } from "../support/plugin-messages.ts";
import remarkBlockedHtml from "../../src/plugins/remark-blocked-html.ts";

const inMd = (markdown: string) => pluginMessages(markdown, [remarkBlockedHtml], "note.md");
const inMdx = (markdown: string) => pluginMessages(markdown, [remarkMdx, remarkBlockedHtml], "note.mdx");

describe("remark-blocked-html", () => {
  it("reports a script, a <style>, an event handler and an embed from another site in a .md note, each at its tag", () => {
    expect(inMd('Intro.\n\n<script>alert(1)</script>\n\n<style>p { color: red }</style>\n\nA <span onclick="go()">button</span>.\n\n<div>\n<iframe src="https://www.youtube.com/embed/xyz"></iframe>\n</div>\n')).toEqual([
      "3:1: <script>: a script in a note never runs, as each page's security policy runs only the site's own scripts",
      "5:1: <style>: a <style> in a note is never applied, as each page's security policy allows only the site's styles; give the element a style=\"…\" attribute instead",
      '7:3: <span onclick="go()">: onclick="…" never runs, as each page\'s security policy blocks inline event handlers',
      '10:1: <iframe src="https://www.youtube.com/embed/xyz">: pages load nothing from another site (they read offline, and their security policy blocks it); link to it instead, as [its title](https://www.youtube.com/embed/xyz)',
    ]);
  });

  it("reports every <object> and <embed> (the policy shows none), a javascript: address, an encoded address from another site, and a tag at its own place after a copy in a comment", () => {
    expect(inMd('<object data="/figures/plot.svg" type="image/svg+xml"></object>\n\n<embed src="/paper.pdf">\n\n<a href="javascript:alert(1)">x</a>\n\n<iframe src="&#104;ttps://example.com/"></iframe>\n\n<div>\n<!-- <script>go()</script> -->\n<p>x</p>\n<script>go()</script>\n</div>\n')).toEqual([
      '1:1: <object data="/figures/plot.svg" type="image/svg+xml">: each page\'s security policy shows no <object>; show a figure as an image (![…](/figures/x.svg)), or link to the file',
      '3:1: <embed src="/paper.pdf">: each page\'s security policy shows no <embed>; show a figure as an image (![…](/figures/x.svg)), or link to the file',
      '5:1: <a href="javascript:alert(1)">: a javascript: address never runs, as each page\'s security policy runs only the site\'s own scripts',
      '7:1: <iframe src="&#104;ttps://example.com/">: pages load nothing from another site (they read offline, and their security policy blocks it); link to it instead, as [its title](https://example.com/)',
      "12:1: <script>: a script in a note never runs, as each page's security policy runs only the site's own scripts",
    ]);
  });

  it("reports the same in an MDX note's JSX, and leaves components alone", () => {
    expect(inMdx('Intro.\n\n<video src="//cdn.example.com/a.mp4" />\n\n<Player src="https://www.youtube.com/embed/xyz" />\n')).toEqual([
      "3:1: <video>: pages load nothing from another site (they read offline, and their security policy blocks it); link to it instead, as [its title](//cdn.example.com/a.mp4)",
    ]);
  });

  it("lets through what the page shows: the site's own embeds, links to other sites, tags in comments, and HTML shown as code", () => {
    expect(inMd('<video src="/figures/run.mp4" controls></video>\n\n<a href="https://arxiv.org/abs/2306.00637">arXiv</a>\n\n<!-- <script>old()</script> -->\n\n`<script>` and\n\n```html\n<style>p{}</style>\n```\n')).toEqual([]);
  });
});
