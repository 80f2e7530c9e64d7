// The site's Content-Security-Policy, shipped in every page as a <meta> so it
// holds on any host and from disk. The one inline script lives here, so the
// text a page runs and the hash that allows it come from the same string.
import { createHash } from "node:crypto";
import { KATEX_RULES } from "../integrations/katex-assets.ts";

/** Applies the saved theme before first paint, so the page never flashes the wrong one. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("papernotes-theme");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

/**
 * Built pages carry the policy; the dev server's pages do not, as it injects
 * inline styles and scripts for live reload. Told apart as astro.config.mjs
 * does: import.meta.env.PROD would also be false for a build run with
 * NODE_ENV=test (as the tests do) or NODE_ENV=development.
 */
export const shipsPolicy = !process.argv.includes("dev");

export function sha256Source(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * - scripts: our own files and the theme script's hash. 'wasm-unsafe-eval' lets
 *   Pagefind compile its WebAssembly (it allows no JavaScript eval); Pagefind's
 *   worker needs it when this policy is also sent as a header, and the page
 *   itself when Pagefind falls back from the worker to the main thread.
 * - styles: our own files and KaTeX's inlined rules, by hash. Style attributes:
 *   KaTeX and Shiki write them; an attribute cannot run script. Other <style>
 *   elements and inline event handlers stay blocked.
 * - JSON-LD (<script type="application/ld+json">) is data, which CSP does not govern.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${sha256Source(THEME_SCRIPT)} 'wasm-unsafe-eval'`,
  `style-src 'self' ${sha256Source(KATEX_RULES)}`,
  "style-src-attr 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");
