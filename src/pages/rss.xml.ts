import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { escapeUTF8 } from "entities";
import { paperPagePath } from "../lib/paper-index.ts";
import { publishedPapers } from "../lib/papers.ts";
import { site } from "../site.config.ts";

/** The newest notes only: a reader polls the feed, and at 1,000 notes it was 624 KB. */
const FEED_ITEMS = 50;

// RSS 2.0's <author> must be an e-mail address: a paper's authors go in dc:creator.
// The feed mixes English and Chinese notes, so each item says its own language.
export async function GET(context: APIContext) {
  const base = new URL(import.meta.env.BASE_URL, context.site);
  const feed = new URL("rss.xml", base).href;
  return rss({
    title: site.title,
    description: site.description,
    site: base.href,
    xmlns: { dc: "http://purl.org/dc/elements/1.1/", atom: "http://www.w3.org/2005/Atom" },
    customData: `<atom:link href="${escapeUTF8(feed)}" rel="self" type="application/rss+xml"/>`,
    items: (await publishedPapers()).slice(0, FEED_ITEMS).map((paper) => ({
      title: paper.data.title,
      description: paper.data.summary,
      pubDate: paper.data.date,
      link: new URL(paperPagePath(paper.id), base).href,
      categories: paper.data.tags,
      customData: [...paper.data.authors.map((author) => `<dc:creator>${escapeUTF8(author)}</dc:creator>`), `<dc:language>${paper.data.lang}</dc:language>`].join(""),
    })),
  });
}
