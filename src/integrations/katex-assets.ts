// Serves KaTeX's stylesheet and fonts from the katex package itself (no CDN),
// trimmed to woff2, which every browser we support reads.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** Where the files land inside public/, and so in the built site. */
export const KATEX_ASSET_DIR = "vendor/katex";

export function woff2Only(css: string): string {
  return css.replace(/,\s*url\([^)]*\.woff\)\s*format\("woff"\)/g, "").replace(/,\s*url\([^)]*\.ttf\)\s*format\("truetype"\)/g, "");
}

export default function katexAssets(): AstroIntegration {
  return {
    name: "papernotes:katex-assets",
    hooks: {
      "astro:config:setup": ({ config }) => {
        const katexDist = join(dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist");
        const target = join(fileURLToPath(config.publicDir), KATEX_ASSET_DIR);
        mkdirSync(join(target, "fonts"), { recursive: true });
        writeFileSync(join(target, "katex.min.css"), woff2Only(readFileSync(join(katexDist, "katex.min.css"), "utf8")));
        for (const font of readdirSync(join(katexDist, "fonts"))) {
          if (font.endsWith(".woff2")) copyFileSync(join(katexDist, "fonts", font), join(target, "fonts", font));
        }
      },
    },
  };
}
