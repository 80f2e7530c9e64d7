// Debian's Chromium driven by playwright-core (npx playwright install cannot work here).
import { chromium, type Browser, type Locator } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** `extraArgs`, e.g. a --remote-debugging-port for Lighthouse (bench/lighthouse.ts). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", ...extraArgs],
  });
}

/**
 * Scrolls the element to `block` of the screen, and again until it stays: blocks
 * brought near the screen are laid out only then (content-visibility: auto), and
 * their new heights move the page under the pointer.
 */
export async function scrollIntoViewSettled(element: Locator, block: ScrollLogicalPosition): Promise<void> {
  await element.evaluate(async (node, block) => {
    const twoFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    let top = NaN;
    for (let tries = 0; tries < 10; tries++) {
      node.scrollIntoView({ block, behavior: "instant" });
      await twoFrames();
      if (node.getBoundingClientRect().top === top) return;
      top = node.getBoundingClientRect().top;
    }
  }, block);
}
