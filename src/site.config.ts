// Everything a site owner sets, in one place. Deployment settings come from the
// environment so that one checkout can build for several hosts.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { ShikiConfig } from "@astrojs/markdown-remark";

export const site = {
  title: "papernotes",
  /** Shown at the top of the home page. */
  intro: "Notes on machine-learning papers, with every equation numbered and linkable.",
  description: "Reading notes on ML papers: methods, formulas and numbers, with linkable equations.",
  defaultLang: "en" as const,
};

/** Hosted URL (for canonical links, feeds, permalinks): SITE_URL, e.g. https://example.org */
// Empty counts as not set, as CI tools often pass an unset variable.
export const siteUrl = process.env.SITE_URL || "https://example.org";
/** Whether siteUrl is the site's real address, not the placeholder. */
export const siteUrlIsSet = Boolean(process.env.SITE_URL);

/** Why SITE_URL cannot be used, if it cannot: the canonical links, feed and sitemap would name pages that are not there. */
export function siteUrlProblem(value = process.env.SITE_URL): string | undefined {
  if (!value) return undefined;
  const example = "SITE_URL=https://user.github.io";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `SITE_URL="${value}" is not an address: write it with its scheme, as ${example}`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `SITE_URL="${value}" is not a web address: write it as ${example}`;
  if (url.pathname.replace(/\/+/g, "/") !== "/") return `SITE_URL="${value}" has a path; SITE_URL is the host alone, and the path goes in BASE_PATH: SITE_URL=${url.origin} BASE_PATH=${url.pathname.replace(/\/?$/, "/")}`;
  if (url.search || url.hash) return `SITE_URL="${value}" has a query or fragment (${url.search}${url.hash}), which no page's address has; SITE_URL is the host alone: SITE_URL=${url.origin}`;
  return undefined;
}

/** What a path of an address may hold as written: letters, digits and RFC 3986's other unreserved and sub-delimiting characters. */
const PATH_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;

/** Why BASE_PATH cannot be used, if it cannot: every link, script and style of the site starts with it. */
export function basePathProblem(value = process.env.BASE_PATH): string | undefined {
  if (!value) return undefined;
  const example = "BASE_PATH=/notes/";
  if (/^[a-z][a-z\d+.-]*:/i.test(value) || value.startsWith("//")) {
    const url = URL.parse(value.startsWith("//") ? `https:${value}` : value);
    const split = url ? `: SITE_URL=${url.origin} BASE_PATH=${url.pathname.replace(/\/?$/, "/")}` : `, as ${example}`;
    return `BASE_PATH="${value}" is an address; BASE_PATH is the path alone, and the host goes in SITE_URL${split}`;
  }
  const odd = [...new Set([...value].filter((character) => !PATH_CHARACTERS.test(character)))];
  if (odd.length > 0) return `BASE_PATH="${value}" holds ${odd.map((character) => JSON.stringify(character)).join(", ")}, which a path cannot hold as written; use letters, digits, - and _, as ${example}`;
  if (value.split("/").some((segment) => segment === "." || segment === "..")) return `BASE_PATH="${value}" holds a . or .. segment; write the path itself, as ${example}`;
  return undefined;
}

/** Sub-path the site is served under: BASE_PATH, e.g. /notes/. Always has both slashes. */
export const basePath = ("/" + (process.env.BASE_PATH ?? "/").replace(/^\/+|\/+$/g, "") + "/").replace(/\/+$/, "/");

/**
 * Whether this process is `astro dev`. import.meta.env.DEV would also be true
 * for a build run with NODE_ENV=test (as the tests do) or NODE_ENV=development.
 */
export const isDevServer = process.argv.includes("dev");

/** Astro's public/: files copied into the site as they are, such as a note's figures. */
export const publicDir = resolve("public");

/** Folder with papers/*.mdx: PAPERNOTES_CONTENT, default ./content */
export const contentDir = resolve(process.env.PAPERNOTES_CONTENT ?? "content");
export const papersDir = resolve(contentDir, "papers");

/** Astro's cache and ours: one per content folder (tests and benches build several). */
export function cacheDirFor(papers: string): string {
  return resolve("node_modules/.astro", createHash("sha256").update(papers).digest("hex").slice(0, 12));
}

/**
 * Code highlighting: both themes are in the HTML; CSS picks one. Every token
 * colour of these two has at least 4.5:1 contrast on our code background
 * (github-light's orange and red and github-dark's grey comments do not).
 */
export const shikiConfig: Partial<ShikiConfig> = {
  themes: { light: "github-light-high-contrast", dark: "github-dark-default" },
  defaultColor: false,
  // Names GitHub highlights that Shiki knows by another: ```golang is Go. CUDA is C++ with a few keywords more.
  langAlias: { golang: "go", python3: "python", cuda: "cpp", patch: "diff" },
};
