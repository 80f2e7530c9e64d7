import type { APIContext } from "astro";
import { siteUrlIsSet } from "../site.config.ts";

// Names the sitemap for crawlers, which otherwise find it only if it is submitted
// by hand. Not while the site's address is the placeholder: it would name
// another site's sitemap. (Crawlers read robots.txt only at a host's root.)
export function GET(context: APIContext) {
  const sitemap = new URL("sitemap-index.xml", new URL(import.meta.env.BASE_URL, context.site)).href;
  return new Response(["User-agent: *", "Allow: /", ...(siteUrlIsSet ? ["", `Sitemap: ${sitemap}`] : []), ""].join("\n"));
}
