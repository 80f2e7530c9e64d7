import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { publishedPapers } from "../lib/papers.ts";
import { site } from "../site.config.ts";

export async function GET(context: APIContext) {
  const base = new URL(import.meta.env.BASE_URL, context.site);
  return rss({
    title: site.title,
    description: site.description,
    site: base.href,
    items: (await publishedPapers()).map((paper) => ({
      title: paper.data.title,
      description: paper.data.summary,
      pubDate: paper.data.date,
      link: new URL(`papers/${paper.id}/`, base).href,
      categories: paper.data.tags,
      author: paper.data.authors.join(", "),
    })),
    customData: `<language>en</language>`,
  });
}
