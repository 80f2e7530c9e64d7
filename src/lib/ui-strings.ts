// Every interface word of the site, in each page language.
export type Lang = "en" | "zh";

export const UI = {
  en: {
    equationLink: (n: string) => `Copy link to equation (${n})`,
    copyTex: (n: string) => `Copy LaTeX of equation (${n})`,
    copyTexShort: "TeX",
    copied: "Copied",
    minutes: (m: number) => `${m} min`,
    papers: "Papers",
    tags: "Tags",
    formulas: "Formulas",
    arxiv: "arXiv",
    pdf: "PDF",
    home: "Home",
    skipToContent: "Skip to content",
    onThisPage: "On this page",
    noteBy: "Note",
    equationsOfPaper: "Equations",
    search: "Search",
    searchPlaceholder: "Search  /",
  },
  zh: {
    equationLink: (n: string) => `复制公式 (${n}) 的链接`,
    copyTex: (n: string) => `复制公式 (${n}) 的 LaTeX`,
    copyTexShort: "TeX",
    copied: "已复制",
    minutes: (m: number) => `${m} 分钟`,
    papers: "论文",
    tags: "标签",
    formulas: "公式",
    arxiv: "arXiv",
    pdf: "PDF",
    home: "首页",
    skipToContent: "跳到正文",
    onThisPage: "本页目录",
    noteBy: "笔记",
    equationsOfPaper: "公式",
    search: "搜索",
    searchPlaceholder: "搜索  /",
  },
} as const;

export function ui(lang: string | undefined) {
  return lang === "zh" ? UI.zh : UI.en;
}
