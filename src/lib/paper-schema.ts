// The frontmatter contract of ../shared/CONTENT-FORMAT.md, shared by Astro's
// content collection and the content check.
import { z } from "astro/zod";
import { SHORT_TITLE_MAX } from "./format.ts";
import { SLUG_PATTERN } from "./paper-files.ts";

/** New-style arXiv ids: YYMM.NNNN from April 2007, YYMM.NNNNN from January 2015. */
const ARXIV_ID = /^(?:(?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\.\d{4}|(?:1[5-9]|[2-9]\d)(?:0[1-9]|1[0-2])\.\d{5})(?:v\d+)?$/;

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** YAML rolls 2024-13-45 over into 2025-02-14; authors mean a typo. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return true; // not date-shaped: the schema reports it
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  return date.getUTCMonth() === +match[2]! - 1 && date.getUTCDate() === +match[3]!;
}

/**
 * The date's message, with the fix for 2024-3-5, which YAML reads as text for its one-digit month and day,
 * and for 2024/3/5 or 2024.03.05 (year first, so not ambiguous as 10/01/2025 is): write 2024-03-05.
 */
function notADate(input: unknown): string {
  const match = typeof input === "string" ? /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(input) : null;
  const day = match && `${match[1]}-${match[3]!.padStart(2, "0")}-${match[4]!.padStart(2, "0")}`;
  return `must be a date such as 2024-03-15${day && isCalendarDate(day) ? `: write ${day}` : ""}`;
}

/** The id's message, with the id itself when it came as arXiv:2006.11239 or as its abs or pdf page's address: write "2006.11239". */
function notAnArxivId(input: unknown): string {
  const id = typeof input === "string" ? /^\s*(?:arxiv:\s*|(?:https?:\/\/)?(?:www\.)?arxiv\.org\/(?:abs|pdf)\/)(\S+?)(?:\.pdf)?\/?\s*$/i.exec(input)?.[1] : undefined;
  return `must be a new-style arXiv id such as 2306.00637${id && ARXIV_ID.test(id) ? `: write "${id}"` : ""}`;
}

export const paperSchema = z.strictObject({
  title: z.string().trim().min(1),
  // The name references and search give the paper ("DPO"), instead of its title's text before a colon.
  short: z
    .string()
    .trim()
    .min(1)
    .max(SHORT_TITLE_MAX, { error: (issue) => `must be at most ${SHORT_TITLE_MAX} characters (it has ${String(issue.input).length}): it names the paper briefly, as "DPO" in "DPO (3)"` })
    .optional(),
  authors: z.array(z.string().trim().min(1)).min(1),
  arxiv: z.string().regex(ARXIV_ID, { error: (issue) => notAnArxivId(issue.input) }).optional(),
  venue: z.string().trim().min(1).optional(),
  // YAML reads 2024-03-15 as a date, or as a string when quoted. Anything else
  // (2025, 10/01/2025, "January 10") is refused: coerced, it became 1970 or a guessed month.
  date: z.preprocess((value) => (typeof value === "string" && ISO_DAY.test(value) ? new Date(value) : value), z.date({ error: (issue) => notADate(issue.input) })),
  tags: z
    .array(z.string().regex(SLUG_PATTERN, "must be lowercase ASCII letters (a-z), digits and -, as a tag is part of its page's address"))
    .superRefine((tags, context) => {
      const twice = tags.find((tag, i) => tags.indexOf(tag) !== i);
      if (twice !== undefined) context.addIssue({ code: "custom", message: `lists the tag "${twice}" twice; keep one` });
    })
    .default([]),
  lang: z.enum(["en", "zh"], { error: "must be en or zh" }),
  summary: z.string().trim().min(1),
  draft: z.boolean().default(false),
});

