// Every interface word of the site, in each page language.
export type Lang = "en" | "zh";

export const UI = {
  en: {
    equationLink: (n: string) => `Copy link to equation (${n})`,
    // Accessible names hold the visible text ("TeX"), for voice control.
    copyTex: (n: string) => `Copy TeX source of equation (${n})`,
    copyTexUnnumbered: "Copy TeX source of this equation",
    /** In the formula list, where many papers have an equation (1): named by its name too. */
    copyListedTex: (n: string, name: string) => `Copy TeX source of equation (${n}), ${name}`,
    copyTexShort: "TeX",
    copied: "Copied",
    minutes: (m: number) => `${m} min`,
    tags: "Tags",
    formulas: "Formulas",
    arxiv: "arXiv",
    pdf: "PDF",
    draftPreview: "Draft: only the dev server shows this page. The build leaves it out until its frontmatter says draft: false.",
    home: "Home",
    skipToContent: "Skip to content",
    onThisPage: "On this page",
    contents: "Contents",
    search: "Search",
    /** The list of hits: named apart from the box, which a screen reader names "Search" too. */
    searchResults: "Search results",
    searchPlaceholder: "Search",
    copyCode: "Copy",
    copyCodeLabel: (lang: string) => `Copy ${lang} code`,
    codeBlockLabel: (lang: string) => `${lang} code`,
    headingLink: "Link to this section",
    cite: "Cite",
    // An accessible name holds the visible text ("Cite"), for voice control.
    citeLabel: "Cite: copy the BibTeX entry",
    previous: "Previous",
    next: "Next",
    archive: "Archive",
    // The archive's links to each year and month, above them.
    archiveIndex: "Years and months",
    // After a count shown as a bare number, for screen readers ("2024, 3 papers").
    papersCounted: (n: number) => (n === 1 ? "paper" : "papers"),
    olderPage: "Older",
    newerPage: "Newer",
    pageOf: (n: number, total: number) => `Page ${n} of ${total}`,
    pages: "Pages",
    notFound: "Page not found",
    notFoundHint: "The page you asked for is not here. Try the search box or the list of papers.",
    themeToggle: "Toggle dark theme",
    siteNav: "Site",
    footnotes: "Footnotes",
    // As remark-rehype names them: a second reference to one footnote is "1-2".
    footnoteBack: (footnote: number, reference: number) => `Back to reference ${footnote}${reference > 1 ? `-${reference}` : ""}`,
  },
  zh: {
    equationLink: (n: string) => `复制公式 (${n}) 的链接`,
    copyTex: (n: string) => `复制公式 (${n}) 的 TeX 源码`,
    copyTexUnnumbered: "复制此公式的 TeX 源码",
    copyListedTex: (n: string, name: string) => `复制公式 (${n})（${name}）的 TeX 源码`,
    copyTexShort: "TeX",
    copied: "已复制",
    minutes: (m: number) => `${m} 分钟`,
    tags: "标签",
    formulas: "公式",
    arxiv: "arXiv",
    pdf: "PDF",
    draftPreview: "草稿：只有开发服务器显示此页。把 frontmatter 改为 draft: false 之后，构建才会收录它。",
    home: "首页",
    skipToContent: "跳到正文",
    onThisPage: "本页目录",
    contents: "目录",
    search: "搜索",
    searchResults: "搜索结果",
    searchPlaceholder: "搜索",
    copyCode: "复制",
    copyCodeLabel: (lang: string) => `复制 ${lang} 代码`,
    codeBlockLabel: (lang: string) => `${lang} 代码`,
    headingLink: "本节链接",
    cite: "引用",
    citeLabel: "复制 BibTeX 引用",
    previous: "上一篇",
    next: "下一篇",
    archive: "归档",
    archiveIndex: "年份与月份",
    papersCounted: (_n: number) => "篇",
    olderPage: "更早",
    newerPage: "更新",
    pageOf: (n: number, total: number) => `第 ${n} / ${total} 页`,
    pages: "分页",
    notFound: "页面不存在",
    notFoundHint: "你要找的页面不在这里。试试搜索框，或回到论文列表。",
    themeToggle: "切换深色主题",
    siteNav: "站点",
    footnotes: "脚注",
    footnoteBack: (footnote: number, reference: number) => `返回脚注 ${footnote} 的${reference > 1 ? `第 ${reference} 处` : ""}引用`,
  },
} as const;

export function ui(lang: string | undefined) {
  return lang === "zh" ? UI.zh : UI.en;
}

/** The <html lang> of a page in a note's language (Pagefind segments zh-* as Chinese). */
export function htmlLang(lang: string | undefined): string {
  return lang === "zh" ? "zh-CN" : "en";
}

const HAN = /\p{Script=Han}/u;

/**
 * The lang attribute a paper's title needs where it stands among text in
 * `context` (a language of the site), if it differs: a Chinese note keeps the
 * paper's English title, which a screen reader should read as English.
 */
export function titleLang(title: string, context: string | undefined): string | undefined {
  const chinese = HAN.test(title);
  if (context === "zh") return chinese ? undefined : "en";
  return chinese ? "zh-CN" : undefined;
}
