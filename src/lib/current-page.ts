// aria-current for the site's own links, so that a screen reader says which page the reader is on.

/**
 * "page" when `href` (a path from the host's root, with the base path, as the
 * layout writes it before postbuild makes it relative) leads to the page at `url`.
 */
export function ariaCurrent(url: URL, href: string): "page" | undefined {
  const page = (path: string) => path.replace(/index\.html$/, "").replace(/\/?$/, "/");
  return page(url.pathname) === page(href) ? "page" : undefined;
}
