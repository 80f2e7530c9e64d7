// KaTeX's stylesheet and fonts from the katex package itself (no CDN), split
// so that a page with math waits for no stylesheet:
// - the @font-face rules (woff2 only, which every browser we support reads)
//   join the site's styles, inlined in every page (src/lib/page-styles.ts);
//   they download nothing until a page uses a KaTeX font;
// - the other rules are inlined, on pages with math only, and under
//   `npm run build` only those the site's formulas can use (siteKatexRules;
//   the CSP allows both by hash).
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { ContentCheckResult } from "../lib/content-check.ts";

/** Where the fonts land inside public/, and so in the built site. */
export const KATEX_FONT_DIR = "vendor/katex/fonts";

/** Where KaTeX's copy-tex script lands (public/scripts/papernotes.js loads it from there). */
const COPY_TEX_PATH = "vendor/katex/copy-tex.js";

const katexDist = join(dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist");
const FONT_FACE = /@font-face\{[^}]*\}/g;
const katexCss = readFileSync(join(katexDist, "katex.min.css"), "utf8");

/** Every rule of KaTeX's stylesheet but its @font-face rules. */
export const KATEX_RULES = katexCss.replace(FONT_FACE, "");

const RULE = /([^{}]+)\{([^{}]*)\}/g;
/**
 * KaTeX's rules, each selector with the classes it needs (those under :not()
 * are not needed). Empty should KaTeX's stylesheet hold more than plain rules
 * (an @media, say): then every page gets all of it.
 */
const KATEX_RULE_LIST = KATEX_RULES.replace(RULE, "").trim() !== "" ? [] : [...KATEX_RULES.matchAll(RULE)].map(([, selectors, body]) => ({
  body: body!,
  selectors: selectors!.split(",").map((text) => ({ text, classes: [...text.replace(/:not\([^)]*\)/g, "").matchAll(/\.([\w-]+)/g)].map((match) => match[1]!) })),
}));

/**
 * KaTeX's rules that markup with these class names can use: each selector
 * whose classes are all among them. It may keep a rule too many, never one too
 * few. Notes use about a quarter of KaTeX's 230 rules (100 synthetic papers:
 * 19.7 KB of rules, 3.2 KB gzipped, became 3.6 KB, 1.1 KB gzipped).
 */
export function katexRulesFor(classes: ReadonlySet<string>): string {
  if (KATEX_RULE_LIST.length === 0) return KATEX_RULES;
  return KATEX_RULE_LIST.flatMap(({ selectors, body }) => {
    const kept = selectors.filter((selector) => selector.classes.every((name) => classes.has(name)));
    return kept.length > 0 ? [`${kept.map((selector) => selector.text).join(",")}{${body}}`] : [];
  }).join("");
}

const rulesOfSites = new WeakMap<object, string>();

/**
 * The rules a site's pages with math need: those of the class names its
 * papers' markup uses (RenderedPaper.katexClasses), or all of KaTeX's when a
 * paper's are not known (an MDX note, which Astro renders). Kept for each
 * result of the content check, which every page asks.
 */
export function siteKatexRules(site: Pick<ContentCheckResult, "rendered" | "mdxSlugs">): string {
  let rules = rulesOfSites.get(site);
  if (rules === undefined) {
    const papers = [...site.rendered.values()];
    rules = site.mdxSlugs.size > 0 || papers.some((paper) => !paper.katexClasses) ? KATEX_RULES : katexRulesFor(new Set(papers.flatMap((paper) => paper.katexClasses!)));
    rulesOfSites.set(site, rules);
  }
  return rules;
}

/** One of KaTeX's fonts, as CSS picks it: "KaTeX_Size1", "normal", "normal". */
export interface KatexFace {
  family: string;
  weight: "normal" | "bold";
  style: "normal" | "italic";
}

/** A face's name, to tell faces apart: "KaTeX_Size1 normal normal". */
export const faceKey = (face: KatexFace): string => `${face.family} ${face.weight} ${face.style}`;

/** Faces, each once. */
export const distinctFaces = (faces: KatexFace[]): KatexFace[] => [...new Map(faces.map((face) => [faceKey(face), face])).values()];

/** KaTeX's rules that pick a font family: the classes each selector names, and its face. */
const FONT_RULES = KATEX_RULE_LIST.flatMap(({ selectors, body }) => {
  const family = /font-family:([^;}]+)/.exec(body)?.[1];
  if (family === undefined) return [];
  const face = { family: family.trim(), weight: /font-weight:(?:700|bold)/.test(body) ? "bold" : "normal", style: /font-style:italic/.test(body) ? "italic" : "normal" } as KatexFace;
  // Every formula is inside .katex: a selector's leading .katex says nothing of which.
  return selectors.map((selector) => ({ classes: /^\s*\.katex\s/.test(selector.text) ? selector.classes.slice(1) : selector.classes, face }));
});

/**
 * The fonts that KaTeX markup with these class names can use: KaTeX_Main (the
 * .katex base), and each family a rule picks when all its classes are there.
 * It may name a face too many (the classes are of the whole formula, not of
 * one element), never one too few; \textbf and \textit add bold and italic.
 */
export function katexFacesOf(classes: ReadonlySet<string>): KatexFace[] {
  const faces = [{ family: "KaTeX_Main", weight: "normal", style: "normal" } as KatexFace, ...FONT_RULES.filter((rule) => rule.classes.every((name) => classes.has(name))).map((rule) => rule.face)];
  const bold = classes.has("textbf") ? faces.map((face): KatexFace => ({ ...face, weight: "bold" })) : [];
  const italic = classes.has("textit") ? [...faces, ...bold].map((face): KatexFace => ({ ...face, style: "italic" })) : [];
  return distinctFaces([...faces, ...bold, ...italic]);
}

export function woff2Only(css: string): string {
  return css.replace(/,\s*url\([^)]*\.woff\)\s*format\("woff"\)/g, "").replace(/,\s*url\([^)]*\.ttf\)\s*format\("truetype"\)/g, "");
}

/** KaTeX's @font-face rules, woff2 only, with the fonts in `fontDir` (a URL ending in "/"). */
export function katexFontFaces(fontDir: string): string {
  return woff2Only((katexCss.match(FONT_FACE) ?? []).join("")).replace(/url\(fonts\//g, `url(${fontDir}`);
}

export default function katexAssets(): AstroIntegration {
  return {
    name: "papernotes:katex-assets",
    hooks: {
      "astro:config:setup": ({ config }) => {
        const target = join(fileURLToPath(config.publicDir), KATEX_FONT_DIR);
        mkdirSync(target, { recursive: true });
        for (const font of readdirSync(join(katexDist, "fonts"))) {
          if (font.endsWith(".woff2")) copyFileSync(join(katexDist, "fonts", font), join(target, font));
        }
        // KaTeX's copy-tex: a selection copied with formulas in it gives their TeX (papernotes.js loads it).
        copyFileSync(join(katexDist, "contrib", "copy-tex.min.js"), join(fileURLToPath(config.publicDir), COPY_TEX_PATH));
      },
    },
  };
}
