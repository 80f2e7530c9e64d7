// Search as a reader uses it, hosted and from disk (Pagefind's files loaded as
// scripts): type, pick a result with the mouse or keyboard, land on the right anchor.
import { join } from "node:path";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { contrastOf } from "../support/contrast.ts";
import { useSeedSite } from "../support/seed-site.ts";

const seed = useSeedSite();
const seedNotesDir = fileURLToPath(new URL("../../content/papers/", import.meta.url));
const seedNotes = readdirSync(seedNotesDir).map((name) => readFileSync(join(seedNotesDir, name), "utf8")).join("\n");

const MODES = [
  { name: "hosted (Pagefind)", backend: "pagefind", home: () => seed.site.url, pageSuffix: "" },
  { name: "from disk (Pagefind's files as scripts)", backend: "pagefind-disk", home: () => pathToFileURL(join(inject("siteDir"), "index.html")).href, pageSuffix: "index.html" },
];

async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.locator("#site-search-input").fill(query);
  await page.waitForSelector(`#site-search-results[data-query="${query.replace(/["\\]/g, "\\$&")}"]`);
  return page.locator(".search-result").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
}

for (const mode of MODES) {
  describe(`search ${mode.name}`, () => {
    let page: Page;
    const errors: string[] = [];
    beforeAll(async () => {
      page = await seed.browser.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    });
    afterAll(async () => {
      await page.close();
    });

    it("loads no search code until the reader asks for it, then uses the right backend", async () => {
      const scripts: string[] = [];
      page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
      await page.goto(mode.home());
      expect(scripts.filter((s) => /search|pagefind/.test(s))).toEqual([]);
      // The page script arrives with this first key press, then acts on it.
      await page.keyboard.press("/");
      await page.waitForFunction(() => document.activeElement?.id === "site-search-input");
      await searchFor(page, "Würstchen");
      expect(await page.locator("#site-search-results").getAttribute("data-backend")).toBe(mode.backend);
    });

    it("finds an equation by its name and lands on its anchor (English query, mouse)", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      const hrefs = await searchFor(page, "noise objective");
      expect(hrefs[0]).toMatch(new RegExp(`papers/wuerstchen/${mode.pageSuffix}#eq-noise-objective$`));
      await page.locator(".search-result").first().click();
      await page.waitForURL(/#eq-noise-objective$/);
      // Chromium marks the :target when it scrolls to it, which may come a frame after "load".
      await expect.poll(() => page.locator("#eq-noise-objective").evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    });

    it("keeps the query in the box when the reader comes Back from a result, and shows the results again on focus", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      await searchFor(page, "noise objective");
      await page.locator(".search-result").first().click();
      await page.waitForURL(/#eq-noise-objective$/);
      await page.goBack();
      await page.waitForURL((url) => !url.hash);
      await expect.poll(() => page.locator("#site-search-input").inputValue()).toBe("noise objective");
      await page.locator("#site-search-input").focus();
      await page.waitForSelector('#site-search-results[data-query="noise objective"]');
      expect(await page.locator(".search-result").count()).toBeGreaterThan(0);
    });

    it("leaves the search with one Tab, which closes the list; the option Enter opens is ringed at 3:1 in both themes and in forced colours", async () => {
      await page.goto(mode.home());
      await page.keyboard.press("/");
      await page.waitForFunction(() => document.activeElement?.id === "site-search-input");
      await searchFor(page, "stage");
      // The list is named apart from the box: both "Search" read as one control said twice.
      expect(await page.locator("[role=listbox]").getAttribute("aria-label")).toBe("Search results");
      const selected = page.locator('.search-result[aria-selected="true"]');
      // In both themes, a ring at 3:1 at least against the list (its tint alone was 1.1:1 in light, 1.25:1 in dark).
      for (const theme of ["light", "dark"]) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        const [style, ring, list] = await selected.evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineColor, getComputedStyle(el.closest(".search-results")!).backgroundColor]);
        expect(style, theme).toBe("solid");
        expect(contrastOf([ring!, list!]), `${theme}: ${ring} on ${list}`).toBeGreaterThanOrEqual(3);
      }
      await page.evaluate(() => delete document.documentElement.dataset.theme);
      await page.emulateMedia({ forcedColors: "active" });
      expect(await selected.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
      expect(await page.locator(".search-result:not([aria-selected=true])").first().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("none");
      await page.emulateMedia({ forcedColors: "none" });
      await page.keyboard.press("Tab");
      // The next control after the box, not a result (they covered the controls focus went on to).
      expect(await page.evaluate(() => document.activeElement?.closest(".site-search") === null && document.activeElement !== document.body)).toBe(true);
      expect(await page.locator("#site-search-results").isHidden()).toBe(true);
      expect(await page.locator("#site-search-input").getAttribute("aria-expanded")).toBe("false");
    });

    it("finds an equation by its paper and number, by the words the list shows before it, and by its label pasted as TeX", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      const dpoLoss = new RegExp(`papers/self-rewarding-language-models/${mode.pageSuffix}#eq-dpo-loss$`);
      // Its name and number outweigh sections that hold a 4 elsewhere (GPT-4, N=4), as on the hosted site.
      for (const query of ["Self-Rewarding (4)", "Equation (4) DPO loss", "\\label{eq:dpo-loss}", "\\eqref{eq:dpo-loss}", "公式 4 DPO"]) {
        expect((await searchFor(page, query))[0], query).toMatch(dpoLoss);
      }
      expect(await searchFor(page, "equation 4")).toEqual(expect.arrayContaining([expect.stringMatching(dpoLoss)]));
    });

    it("puts first the equations a query gives the number of, before sections that only mention it", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      await searchFor(page, "(3)");
      const headings = await page.locator(".search-result").evaluateAll((links) => links.map((a) => a.querySelector(".search-result-heading")?.textContent ?? ""));
      const third = headings.filter((heading) => /^Equation \(3\) /.test(heading));
      expect(third, headings.join(" | ")).toHaveLength(3); // each seed paper has an equation (3)
      expect(headings.slice(0, 3), headings.join(" | ")).toEqual(third);
      expect(headings.length).toBeGreaterThan(3); // sections that mention a 3 come after them
    });

    it("finds the DDPM update and p2 weighting by name (formula queries, keyboard)", async () => {
      await page.goto(mode.home());
      await page.keyboard.press("Control+k");
      expect(await searchFor(page, "DDPM update")).toEqual(expect.arrayContaining([expect.stringMatching(/papers\/wuerstchen\/(index\.html)?#eq-ddpm-update$/)]));
      expect((await searchFor(page, "p2"))[0]).toMatch(/papers\/wuerstchen\/(index\.html)?#eq-p2-loss$/);
      await searchFor(page, "DDPM update");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      await page.waitForURL(/papers\/wuerstchen\/(index\.html)?#eq-ddpm-update$/);
    });

    it("opens the chosen hit in a new tab with Ctrl+Enter, as Ctrl+click does, and stays where it was", async () => {
      await page.goto(mode.home());
      await page.keyboard.press("Control+k");
      await searchFor(page, "DDPM update");
      const [opened] = await Promise.all([page.context().waitForEvent("page"), page.keyboard.press("Control+Enter")]);
      await opened.waitForLoadState();
      expect(opened.url()).toMatch(/papers\/wuerstchen\/(index\.html)?#eq-ddpm-update$/);
      expect(page.url()).toBe(mode.home());
      await opened.close();
    });

    it("shows excerpts that start at a word, not at punctuation or with the heading shown above them, with only the words marked", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      let located = 0;
      // Cut inside a word: the note has the excerpt's start only right after a letter ("…rsion（官方" of "inversion（官方"),
      // or, in an excerpt Pagefind cut (without "…"), after a letter, a backslash or "(" ("sim \mathcal{N}" of "\sim", "4): Because" of "(4): Because").
      const cutInsideWord = (excerpt: string) => {
        const cut = excerpt.startsWith("…");
        const start = excerpt.slice(cut ? 1 : 0, cut ? 13 : 12);
        if (!/^[A-Za-z0-9]/.test(start) || !seedNotes.includes(start)) return false;
        if (cut) located++;
        for (let at = seedNotes.indexOf(start); at !== -1; at = seedNotes.indexOf(start, at + 1)) if (!(cut ? /[A-Za-z0-9]/ : /[A-Za-z0-9\\(]/).test(seedNotes[at - 1]!)) return false;
        return true;
      };
      // The end of the heading shown above it ("1: PickScore win rates." under "Table 1: PickScore win rates").
      const startsWithHeadingEnd = ([heading, excerpt]: string[]) => [...heading!].some((_, from) => heading!.length - from >= 3 && excerpt!.replace(/^…/, "").startsWith(heading!.slice(from)));
      for (const query of ["efficient architecture", "layered latent", "decoder", "stage b", "图层", "奖励模型", "噪声水平", "PickScore", "FID", "ddpm", "alpha"]) {
        await searchFor(page, query);
        const excerpts = await page.locator(".search-result-excerpt").allTextContents();
        expect(excerpts.length, query).toBeGreaterThan(0);
        expect(excerpts.filter((excerpt) => /^[:;,.)\]\-–—：；，。、）]/.test(excerpt.replace(/^…/, ""))), query).toEqual([]);
        expect(excerpts.filter(cutInsideWord), query).toEqual([]);
        const headed = await page.locator(".search-result:has(.search-result-heading):has(.search-result-excerpt)").evaluateAll((links) =>
          links.map((link) => [link.querySelector(".search-result-heading")!.textContent!.replace(/^§ /, ""), link.querySelector(".search-result-excerpt")!.textContent!]),
        );
        expect(headed.filter(startsWithHeadingEnd), query).toEqual([]);
        expect((await page.locator(".search-result mark").allTextContents()).filter((mark) => /\s$/.test(mark)), query).toEqual([]);
      }
      // Excerpts made from a section's text start with "…" where they cut it: some were checked above.
      expect(located).toBeGreaterThan(0);
    });

    it("finds a section by words far apart in it, beyond the excerpt shown, and a Chinese word by its first character", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      // Both in Würstchen's Stage B: Pagefind's excerpt of it shows only the first.
      expect(await searchFor(page, "EfficientNetV2 dropout")).toEqual([expect.stringMatching(/papers\/wuerstchen\/(index\.html)?#stage-b-/)]);
      // As typed: 融, on the way to 融合.
      expect(await searchFor(page, "融")).toEqual(expect.arrayContaining([expect.stringMatching(/papers\/designedit\//)]));
    });

    it("shows a formula in an excerpt as its TeX between dollar signs, where it starts and ends", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      // Würstchen's Stage A: "…the decoder $f_\Theta^{-1}$ reconstructs the input: The compression here…"
      expect(await searchFor(page, "deliberately weak")).toEqual([expect.stringMatching(/papers\/wuerstchen\/(index\.html)?#stage-a-/)]);
      expect(await page.locator(".search-result-excerpt").first().textContent()).toContain("$f_\\Theta^{-1}$ reconstructs");
      // No excerpt starts or ends inside a formula: its dollar signs pair up.
      let withFormulas = 0;
      for (const query of ["theta", "reward", "latent", "noise", "model", "loss", "stage"]) {
        expect(await searchFor(page, query), query).not.toEqual([]);
        const excerpts = await page.locator(".search-result-excerpt").allTextContents();
        withFormulas += excerpts.filter((excerpt) => excerpt.includes("$")).length;
        expect(excerpts.filter((excerpt) => (excerpt.match(/(?<!\\)\$/g) ?? []).length % 2 === 1), query).toEqual([]);
      }
      expect(withFormulas).toBeGreaterThan(5);
    });

    it("shows in each excerpt the Chinese word searched for, marked, unless the heading has it", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      for (const query of ["补洞", "融合", "偏好", "迭代"]) {
        // Found and marked first: a search that found nothing would leave nothing unmarked.
        expect(await searchFor(page, query), query).not.toEqual([]);
        expect(await page.locator(".search-result-excerpt mark").count(), query).toBeGreaterThan(0);
        const unmarked = await page.locator(".search-result").evaluateAll(
          (links, query) => links.filter((link) => !link.querySelector(".search-result-heading")?.textContent?.includes(query) && !link.querySelector(".search-result-excerpt mark")).map((link) => link.textContent),
          query,
        );
        expect(unmarked, query).toEqual([]);
      }
    });

    it("puts first a section that holds the words of a Chinese query together, as typed", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      await searchFor(page, "自奖励");
      expect(await page.locator(".search-result").first().textContent()).toContain("自奖励");
    });

    it("marks only whole words of the query in excerpts, not the start of a longer word", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      for (const query of ["Llama 2", "Table 2", "guided text to image"]) {
        // Marks shown first: with none, none could be partial.
        expect(await searchFor(page, query), query).not.toEqual([]);
        expect(await page.locator(".search-result-excerpt mark").count(), query).toBeGreaterThan(0);
        const partial = await page.locator(".search-result-excerpt mark").evaluateAll((marks) =>
          marks.flatMap((mark) => {
            const word = /[\p{L}0-9]/u; // "256²" is 256, squared
            const cjk = /\p{Script=Han}/u;
            const [before, after] = [mark.previousSibling?.textContent?.slice(-1) ?? "", mark.nextSibling?.textContent?.[0] ?? ""];
            const joined = (ch: string) => word.test(ch) && !cjk.test(ch) && !cjk.test(mark.textContent!);
            return joined(before) || joined(after) ? [`${before}[${mark.textContent}]${after}`] : [];
          }),
        );
        expect(partial, query).toEqual([]);
      }
    });

    it("finds a formula by a word of its TeX, and lands on it", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      const hrefs = await searchFor(page, "softmax");
      const equation = (label: string) => new RegExp(`papers/designedit/(index\\.html)?#eq-${label}$`);
      expect(hrefs[0]).toMatch(/papers\/designedit\/(index\.html)?#eq-key-(masked-attention|zeroing)$/);
      expect(hrefs).toEqual(expect.arrayContaining([expect.stringMatching(equation("key-masked-attention")), expect.stringMatching(equation("key-zeroing"))]));
      await page.locator(".search-result").first().click();
      await page.waitForURL(/#eq-key-(masked-attention|zeroing)$/);
    });

    it("finds 2-character Chinese words inside sentences and mixed queries, landing on the section", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      for (const word of ["融合", "潜在", "分解"]) {
        expect(await searchFor(page, word)).toEqual(expect.arrayContaining([expect.stringMatching(/papers\/designedit\//)]));
      }
      const hrefs = await searchFor(page, "DPO 损失");
      expect(hrefs[0]).toMatch(/papers\/self-rewarding-language-models\/(index\.html)?#/);
      await page.keyboard.press("Enter");
      await page.waitForURL(/self-rewarding-language-models/);
      const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(await page.locator(`[id="${hash}"]`).count()).toBe(1);
    });

    it("finds a paper by an author, its arXiv id, a tag, a hyphenated or unaccented title word, an equation's label", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      const paper = (slug: string) => new RegExp(`papers/${slug}/(${mode.pageSuffix})?$`);
      expect((await searchFor(page, "Pernias"))[0]).toMatch(paper("wuerstchen"));
      expect((await searchFor(page, "Jason Weston"))[0]).toMatch(paper("self-rewarding-language-models"));
      expect((await searchFor(page, "2306.00637"))[0]).toMatch(paper("wuerstchen"));
      // A tag, as a reader types it from the tags page, though no note's text says it.
      expect((await searchFor(page, "alignment"))[0]).toMatch(paper("self-rewarding-language-models"));
      expect((await searchFor(page, "#image-editing"))[0]).toMatch(paper("designedit"));
      expect((await searchFor(page, "Self-Rewarding"))[0]).toMatch(/papers\/self-rewarding-language-models\//);
      expect((await searchFor(page, "text-to-image"))[0]).toMatch(/papers\/wuerstchen\//);
      expect((await searchFor(page, "wurstchen"))[0]).toMatch(/papers\/wuerstchen\//);
      // Written without the umlaut, as in its address: nothing has "wuerstchen", so ue is read as ü.
      expect((await searchFor(page, "wuerstchen"))[0]).toMatch(paper("wuerstchen"));
      expect((await searchFor(page, "Wuerstchen decoder"))[0]).toMatch(/papers\/wuerstchen\//);
      // A Greek letter finds the formulas that write it as \alpha.
      expect(await searchFor(page, "ᾱ")).toContainEqual(expect.stringMatching(/papers\/wuerstchen\//));
      // A paper's title finds the paper itself first, not one of its sections (every section carries the title).
      expect((await searchFor(page, "Würstchen"))[0]).toMatch(paper("wuerstchen"));
      expect((await searchFor(page, "DesignEdit"))[0]).toMatch(paper("designedit"));
      // Sections that show every word of the query come first, not those with one of them.
      await searchFor(page, "LLM-as-a-Judge");
      expect(await page.locator(".search-result").first().textContent()).toContain("LLM-as-a-Judge");
      // A hit is marked where a word starts, as it matched: not the "a" in "Richard".
      const marksInsideWords = await page.locator(".search-result mark").evaluateAll((marks) => marks.filter((mark) => /[\p{L}\p{N}]$/u.test(mark.previousSibling?.textContent ?? "")).map((mark) => mark.parentElement!.textContent));
      expect(marksInsideWords).toEqual([]);
      expect(await searchFor(page, "eq:dpo-loss")).toContainEqual(expect.stringMatching(/papers\/self-rewarding-language-models\/(index\.html)?#eq-dpo-loss$/));
      // No more than 3 results from one page, so that others show too.
      const pages = (await searchFor(page, "Self Rewarding")).map((href) => href.split("#")[0]);
      expect(Math.max(...pages.map((p) => pages.filter((q) => q === p).length))).toBeLessThanOrEqual(3);
    });

    it("shows only sections that have every word of the query, each but the last as a whole word", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      // DesignEdit has a 42 and many a 1, never in one section; "1.42B" is no 42.
      for (const query of ["42:1", "SD 2.1"]) {
        const hrefs = await searchFor(page, query);
        expect(hrefs.length, query).toBeGreaterThan(0);
        expect(hrefs.filter((href) => !/papers\/wuerstchen\//.test(href)), query).toEqual([]);
      }
      await searchFor(page, "42:1");
      expect(await page.locator(".search-result").first().textContent()).toContain("42:1");
    });

    it("jumps within the page for a hit on the page being read, and closes the list", async () => {
      const home = mode.home();
      await page.goto(home.replace(/(index\.html)?$/, `papers/wuerstchen/${mode.pageSuffix}`));
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      await page.locator("#site-search-input").focus();
      expect((await searchFor(page, "p2 loss"))[0]).toBe("#eq-p2-loss");
      await page.keyboard.press("Enter");
      await page.waitForURL(/#eq-p2-loss$/);
      expect(await page.locator("#site-search-results").isHidden()).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    });

    it("finds nothing for a word that is in no note (hosted, Pagefind would match its first letters)", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      expect(await searchFor(page, "transformer")).toEqual([]);
      expect(await searchFor(page, "diffusion transformer")).toEqual([]);
      expect(await searchFor(page, "Westonx")).toEqual([]);
      expect((await searchFor(page, "diffusion")).length).toBeGreaterThan(0);
    });

    it("points the search box only at an option the reader can see, and keeps the no-results message out of the list", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      // What aria-activedescendant names: nothing (null), or an option on screen.
      const named = () =>
        page.evaluate(() => {
          const id = document.getElementById("site-search-input")!.getAttribute("aria-activedescendant");
          if (id === null) return null;
          const option = document.getElementById(id);
          return option?.getAttribute("role") === "option" && option.checkVisibility() ? "a visible option" : `#${id}, missing or hidden`;
        });
      expect((await searchFor(page, "Würstchen")).length).toBeGreaterThan(1);
      expect(await named()).toBe("a visible option");
      await page.keyboard.press("Escape");
      expect(await named()).toBeNull();
      // An arrow on the closed list opens it again, rather than pointing into it unseen.
      await page.keyboard.press("ArrowDown");
      await expect.poll(named).toBe("a visible option");
      expect(await searchFor(page, "ŋŋŋ")).toEqual([]);
      expect(await named()).toBeNull();
      expect(await page.locator("#site-search-input").getAttribute("aria-expanded")).toBe("false");
      expect(await page.locator(".search-empty").isVisible()).toBe(true);
      expect(await page.locator(".search-empty").evaluate((el) => el.closest("[role=listbox]"))).toBeNull();
      await page.keyboard.press("ArrowDown");
      expect(await named()).toBeNull();
    });

    it("gives queries at work together the results each has alone (keys typed fast)", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      await page.waitForFunction(() => "PapernotesSearch" in window);
      // Pagefind hands every query the same object for a page and rewrites its sections: "diffus" at
      // work left its sections under "diffusion" (typed fast from disk, 5 of 20 such queries).
      for (const query of ["diffusion", "ddpm update", "noise objective", "stage b", "奖励模型"]) {
        const [together, alone] = await page.evaluate(async (q) => {
          const search = (window as unknown as { PapernotesSearch: { search: (q: string) => Promise<{ href: string }[]> } }).PapernotesSearch.search;
          const hrefs = (results: { href: string }[]) => results.map((result) => result.href);
          const queries = [q.slice(0, -2), q.slice(0, -1), q];
          const together = (await Promise.all(queries.map(search))).map(hrefs);
          const alone: string[][] = [];
          for (const each of queries) alone.push(hrefs(await search(each)));
          return [together, alone];
        }, query);
        expect(alone[2]!.length, query).toBeGreaterThan(0);
        expect(together, query).toEqual(alone);
      }
    });

    // Pagefind's module is a global only from disk: hosted, the test is skipped, not passed.
    it.skipIf(mode.backend !== "pagefind-disk")("runs one query at a time, and not those the reader typed past meanwhile", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      await page.waitForFunction(() => "PapernotesPagefind" in window);
      // The first query is held until every key is typed, so that the others queue behind it, however busy the machine.
      await page.evaluate(() => {
        type Counted = { searched: string[]; running: number; mostAtOnce: number; held: Promise<void>; release: () => void };
        const counted = window as unknown as Counted;
        const pagefind = (window as unknown as { PapernotesPagefind: { search: (q: string) => Promise<unknown> } }).PapernotesPagefind;
        const search = pagefind.search;
        Object.assign(counted, { searched: [], running: 0, mostAtOnce: 0 });
        counted.held = new Promise((resolve) => (counted.release = resolve));
        pagefind.search = async (q) => {
          counted.searched.push(q);
          counted.mostAtOnce = Math.max(counted.mostAtOnce, ++counted.running);
          try {
            await counted.held;
            return await search(q);
          } finally {
            counted.running--;
          }
        };
      });
      await page.keyboard.type("noise objective");
      await page.evaluate(() => (window as unknown as { release: () => void }).release());
      await page.waitForSelector('#site-search-results[data-query="noise objective"]');
      const { searched, mostAtOnce } = await page.evaluate(() => {
        const counted = window as unknown as { searched: string[]; mostAtOnce: number };
        return { searched: counted.searched, mostAtOnce: counted.mostAtOnce };
      });
      // The one running when the reader typed on, then the last: those typed past by their turn never ran.
      expect(searched).toHaveLength(2);
      expect(["noise objective".startsWith(searched[0]!), searched[1], mostAtOnce]).toEqual([true, "noise objective", 1]);
      expect(await page.locator(".search-result").first().getAttribute("href")).toMatch(/#eq-noise-objective$/);
    });

    it("says so when nothing matches, and never inserts the query as HTML", async () => {
      await page.goto(mode.home());
      await page.locator("#site-search-input").focus();
      // Pagefind matches words by prefix ("onerror" finds "one"), so markup may
      // find pages; their excerpts must come out as text too.
      const attack = '<img src=x onerror="window.pwned=1">';
      await searchFor(page, attack);
      expect(await page.locator("#site-search-results img").count()).toBe(0);
      const nonsense = "<ŋŋŋ>";
      expect(await searchFor(page, nonsense)).toEqual([]);
      expect(await page.locator(".search-empty").textContent()).toContain(nonsense);
      // Said to a screen reader too, as is a count of results.
      await expect.poll(() => page.locator("#page-status").textContent()).toBe(`No results for “${nonsense}”`);
      const found = (await searchFor(page, "Würstchen")).length;
      expect(found).toBeGreaterThan(1);
      await expect.poll(() => page.locator("#page-status").textContent()).toBe(`${found} results`);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      await page.keyboard.press("Escape");
      expect(await page.locator("#site-search-results").isHidden()).toBe(true);
      // The count goes with the list it told of: a reader who comes on the status region later does not find "3 results" there.
      await expect.poll(() => page.locator("#page-status").textContent()).toBe("");
      expect(errors).toEqual([]);
    });
  });
}

describe("search from a copy of the site that lacks some of Pagefind's files (a folder copied in part)", () => {
  // An index file Pagefind could not load used to give "No results", as if nothing matched.
  for (const [folder, lacked] of [["index", /\.pf_index\.js$/], ["fragment", /\.pf_fragment\.js$/]] as const) {
    it(`says that the copy lacks a file of pagefind/${folder}/, in words that wrap on a phone`, async () => {
      const copy = mkdtempSync(join(tmpdir(), "papernotes-part-copy-"));
      const page = await seed.browser.newPage({ viewport: { width: 390, height: 800 } });
      try {
        cpSync(inject("siteDir"), copy, { recursive: true });
        const dir = join(copy, "pagefind", folder);
        const removed = readdirSync(dir).filter((name) => lacked.test(name));
        expect(removed.length).toBeGreaterThan(0);
        for (const name of removed) rmSync(join(dir, name));
        await page.goto(pathToFileURL(join(copy, "index.html")).href);
        await page.locator("#site-search-input").fill("Würstchen");
        const message = page.locator(".search-empty");
        await expect.poll(() => message.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Search is unavailable: this copy of the site lacks pagefind/${folder}/[^/ ]+${lacked.source}`));
        expect(removed).toContain((await message.textContent())!.split("/").pop());
        expect(await page.locator(".search-result").count()).toBe(0);
        const fits = await message.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= window.innerWidth);
        expect(fits).toBe(true);
      } finally {
        await page.close();
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }
});

describe("search shortcuts before the page script has arrived (slow network)", () => {
  for (const shortcut of ["/", "Control+k"]) {
    it(`keeps every key typed right after ${shortcut}, then searches for them`, async () => {
      const page = await seed.browser.newPage();
      try {
        // The page script is held back until the reader has typed the whole query.
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        await page.route("**/scripts/papernotes.js", async (route) => {
          await released;
          await route.continue();
        });
        await page.goto(seed.site.url);
        await page.keyboard.press(shortcut);
        await page.keyboard.type("noise objective", { delay: 20 });
        expect(await page.locator("#site-search-input").inputValue()).toBe("noise objective");
        release();
        await page.waitForSelector('#site-search-results[data-query="noise objective"]');
        expect(await page.locator(".search-result").first().getAttribute("href")).toMatch(/papers\/wuerstchen\/#eq-noise-objective$/);
      } finally {
        await page.close();
      }
    });
  }
});

describe("search zoomed in", () => {
  async function homeWithSearchFocused(viewport: { width: number; height: number }): Promise<Page> {
    const page = await seed.browser.newPage({ viewport });
    await page.goto(seed.site.url);
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement?.id === "site-search-input");
    return page;
  }

  it("keeps the whole list of results on a screen of 320 × 256 px (a laptop's at 400 %), its last result reachable by scrolling it", async () => {
    const page = await homeWithSearchFocused({ width: 320, height: 256 });
    try {
      await searchFor(page, "loss");
      const list = page.locator("#site-search-results");
      expect(await list.locator(".search-result").count()).toBeGreaterThan(2);
      expect(await list.evaluate((el) => [el.getBoundingClientRect().bottom <= innerHeight, el.scrollHeight > el.clientHeight])).toEqual([true, true]);
    } finally {
      await page.close();
    }
  });

  it("shows two lines of a long title in its result at 320 px, not one", async () => {
    const page = await homeWithSearchFocused({ width: 320, height: 640 });
    try {
      await searchFor(page, "Würstchen");
      const title = page.locator(".search-result-title").first();
      expect(await title.textContent()).toMatch(/^Würstchen: .{60,}/);
      // Wrapped, not cut at its right edge; two lines tall, as the clamp allows.
      expect(await title.evaluate((el) => [el.scrollWidth <= el.clientWidth, Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight))])).toEqual([true, 2]);
    } finally {
      await page.close();
    }
  });
});

describe("search on a slow network", () => {
  it("opens the first result of a query whose Enter came before the page script, or the search script, had come", async () => {
    for (const held of ["**/scripts/papernotes.js", "**/scripts/search.js"]) {
      const page = await seed.browser.newPage();
      try {
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        await page.route(held, async (route) => {
          await released;
          await route.continue();
        });
        await page.goto(seed.site.url);
        await page.keyboard.press("/");
        await page.keyboard.type("eq:dpo-loss", { delay: 10 });
        await page.keyboard.press("Enter");
        release();
        await page.waitForURL(/papers\/self-rewarding-language-models\/#eq-dpo-loss$/, { timeout: 10_000 });
      } finally {
        await page.close();
      }
    }
  });

  /** The home page with the search box focused and its script loaded, Pagefind's index arriving `ms` late, as on a first hosted query over a slow link. */
  async function searchWithSlowIndex(ms: number): Promise<Page> {
    const page = await seed.browser.newPage();
    await page.route("**/pagefind/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    });
    await page.goto(seed.site.url);
    await page.keyboard.press("/");
    await page.waitForFunction(() => "PapernotesSearch" in window);
    return page;
  }

  it("opens the first result of a query whose Enter came before its results", async () => {
    const page = await searchWithSlowIndex(400);
    try {
      await page.keyboard.type("DDPM upd");
      await page.keyboard.press("Enter");
      expect(await page.locator("#site-search-results").getAttribute("data-query")).not.toBe("DDPM upd"); // not there yet
      // Meanwhile the panel says the search is at work, rather than nothing at all.
      await expect.poll(() => page.locator(".search-empty").textContent()).toBe("Searching…");
      await page.waitForURL(/papers\/wuerstchen\/#eq-ddpm-update$/);
    } finally {
      await page.close();
    }
  });

  it("says it is searching while the reader is still typing a first query that is slow to come", async () => {
    const page = await searchWithSlowIndex(2000);
    try {
      let typed = false;
      // A key every 150 ms, for 3 s: a timer restarted by each key would not fire before the last.
      const typing = page.keyboard.type("diffusion model latents", { delay: 150 }).then(() => (typed = true));
      await expect.poll(() => page.locator(".search-empty").textContent(), { timeout: 1500 }).toBe("Searching…");
      expect(typed).toBe(false);
      await typing;
    } finally {
      await page.close();
    }
  });
});
