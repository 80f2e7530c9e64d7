// Serves a built site on 127.0.0.1 (optionally under a base path, optionally
// with extra response headers such as a Content-Security-Policy) for browser
// tests; with `precompressed`, a file's .gz sibling is sent gzipped, and with
// `notFoundPage`, a missing URL gets the site's 404.html, as hosts do.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface StaticSite {
  url: string;
  close: () => Promise<void>;
}

export async function serveStatic(dir: string, base = "/", headers: Record<string, string> = {}, { precompressed = false, notFoundPage = false } = {}): Promise<StaticSite> {
  const files = sirv(dir, { dev: true, etag: false, gzip: precompressed });
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!req.url?.startsWith(base)) {
      res.statusCode = 404;
      return res.end("outside base path");
    }
    req.url = "/" + req.url.slice(base.length);
    files(req, res, () => {
      res.statusCode = 404;
      if (notFoundPage) res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(notFoundPage ? readFileSync(join(dir, "404.html")) : "not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
