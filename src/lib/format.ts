// Dates and bylines as readers of each language expect them.
import type { Lang } from "./ui-strings.ts";

/** "March 15, 2024" or "2024年3月15日"; dates are calendar days, so UTC. */
export function formatDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "A, B and C" / "A、B 和 C"; long lists end in "et al." / "等". */
export function formatAuthors(authors: readonly string[], lang: Lang, max = 3): string {
  if (authors.length > max) return lang === "zh" ? `${authors.slice(0, max).join("、")} 等` : `${authors.slice(0, max).join(", ")} et al.`;
  if (authors.length <= 1) return authors.join("");
  return lang === "zh" ? `${authors.slice(0, -1).join("、")} 和 ${authors.at(-1)}` : `${authors.slice(0, -1).join(", ")} and ${authors.at(-1)}`;
}
