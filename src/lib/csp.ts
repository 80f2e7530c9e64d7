// The site's Content-Security-Policy, shipped in every page as a <meta> so it
// holds on any host and from disk. The one inline script lives here, so the
// text a page runs and the hash that allows it come from the same string.
import { createHash } from "node:crypto";
import { isDevServer } from "../site.config.ts";

/**
 * Applies the saved theme before first paint, so the page never flashes the
 * wrong one. The toggle says whether the dark theme is on (aria-pressed) from
 * the start, not only once the page script has come: document.papernotesShowTheme()
 * sets it (and says whether it is dark), here once the button is parsed and
 * when the system's theme changes, and by the page script when the reader picks one.
 */
const THEME_SCRIPT = `(function(d,r){try{var t=localStorage.getItem("papernotes-theme");if(t==="light"||t==="dark")r.dataset.theme=t}catch(e){}
var m=matchMedia("(prefers-color-scheme: dark)");
d.papernotesShowTheme=function(){var b=d.querySelector(".theme-toggle"),dark=(r.dataset.theme||(m.matches?"dark":"light"))==="dark";if(b)b.setAttribute("aria-pressed",String(dark));return dark};
d.addEventListener("DOMContentLoaded",d.papernotesShowTheme);if(m.addEventListener)m.addEventListener("change",d.papernotesShowTheme)})(document,document.documentElement)`.replace(/\n/g, "");

/**
 * Loads scripts/papernotes.js on the reader's first interaction, not with the
 * page; not when the pointer is on a link that leaves the page, which would
 * cut the download short. Until it runs, a click on one of its buttons (or on
 * an equation's number) is held back and handed over, through
 * document.papernotesPending(), to be replayed
 * (not a Ctrl/Cmd/Shift-click: opening the permalink in a new tab is the browser's).
 * The search shortcuts (/, Ctrl-K, outside a text field) focus the search box
 * at once: the query typed next must not wait for the script, or it is lost;
 * an Enter in the box is noted on it (data-enter), for the search to open the first result.
 * A page opened at an anchor it does not have loads the script at once, to say so.
 */
const LOADER_SCRIPT = `(function(d){var held=[],loading,box,types=["pointerdown","touchstart","keydown","focusin","mouseover","click"];
function load(){if(!loading){loading=d.createElement("script");loading.src=(d.documentElement.getAttribute("data-root")||"./")+"scripts/papernotes.js";d.head.appendChild(loading)}}
function on(e){var t=e.target,k=e.key&&e.key.toLowerCase(),away=e.type!=="keydown"&&t.closest&&t.closest('a[href]:not([href^="#"]):not(.eqref)');
if(!(away&&!away.closest(".katex")))load();
if(e.type==="click"&&!(e.ctrlKey||e.metaKey||e.shiftKey)&&t.closest&&t.closest(".equation-link,.equation-copy-tex,.cite-button,.code-copy,.theme-toggle,.equation .katex-tag")){e.preventDefault();held.push(e)}
else if(e.type==="keydown"&&!/^(input|textarea|select)$/i.test(t.tagName)&&(k==="/"||k==="k"&&(e.ctrlKey||e.metaKey))&&(box=d.getElementById("site-search-input"))){e.preventDefault();box.focus({preventScroll:true})}
else if(k==="enter"&&t.id==="site-search-input")t.setAttribute("data-enter",t.value)}
types.forEach(function(type){d.addEventListener(type,on,true)});
d.addEventListener("DOMContentLoaded",function(){var h=location.hash.slice(1);try{h=decodeURIComponent(h)}catch(x){}if(h&&!d.getElementById(h))load()});
d.papernotesPending=function(){types.forEach(function(type){d.removeEventListener(type,on,true)});return held}})(document)`.replace(/\n/g, "");

/**
 * Links between pages end in index.html, so that they work from disk; on a
 * host, the address bar (and so the address a reader copies) shows the page's
 * folder, as its canonical link does. From disk, the <base> of the 404 page
 * (the one page with one: a host serves it at any missing URL) would send its
 * links, page script and favicon to the disk's root; without it they resolve
 * against 404.html, which sits at the site's root.
 */
const ADDRESS_SCRIPT = `(function(l,b){if(l.protocol=="file:"){if(b=document.querySelector("base"))b.remove()}else if(/\\/index\\.html$/.test(l.pathname))history.replaceState(null,"",l.pathname.slice(0,-10)+l.search+l.hash)})(location)`;

/** The page's one inline script: the theme first, before first paint. */
export const INLINE_SCRIPT = THEME_SCRIPT + ";" + ADDRESS_SCRIPT + ";" + LOADER_SCRIPT;

/**
 * Built pages carry the policy; the dev server's pages do not, as it injects
 * inline styles and scripts for live reload.
 */
export const shipsPolicy = !isDevServer;

export function sha256Source(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * - scripts: our own files and the inline script's hash. 'wasm-unsafe-eval' lets
 *   Pagefind compile its WebAssembly (it allows no JavaScript eval); Pagefind's
 *   worker needs it when this policy is also sent as a header, and the page
 *   itself when Pagefind falls back from the worker to the main thread.
 * - styles: the inline <style> elements given, by hash (the site's styles and
 *   KaTeX's rules). Style attributes: KaTeX and Shiki write them; an attribute
 *   cannot run script. Other <style> elements and inline event handlers stay
 *   blocked.
 * - JSON-LD (<script type="application/ld+json">) is data, which CSP does not govern.
 */
export function contentSecurityPolicy(inlineStyles: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${sha256Source(INLINE_SCRIPT)} 'wasm-unsafe-eval'`,
    `style-src 'self' ${inlineStyles.map(sha256Source).join(" ")}`,
    "style-src-attr 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}
