// Readable names for labelled equations: eq:noise-objective → "noise objective",
// and eq:ddpm-update → "DDPM update" in a note that writes DDPM so.

/** How a note writes a label's words (see spellingsIn): each word, and what joins two that follow each other. */
export interface Spellings {
  word: (word: string) => string;
  between: (before: string, after: string) => string;
}

const AS_LABELLED: Spellings = { word: (word) => word, between: () => " " };

/** The label's words, each as `spellings` gives it (as written in the label by default), joined by spaces or as the note joins them. */
export function equationName(label: string, spellings: Spellings = AS_LABELLED): string {
  const words = label
    .replace(/^eq:/, "")
    .replace(/[-_:.]+/g, " ")
    .trim()
    .split(/\s+/);
  return words.map((word, i) => (i === 0 ? "" : spellings.between(words[i - 1]!, word)) + spellings.word(word)).join("");
}

/** What comes before a sentence's first word (or a line's: a paragraph's, a heading's). */
const FIRST_WORD = /(?:^|[.!?。！？:：\n])\s*$/;

/** What joins two words into one ("Bradley–Terry", "key-masked"): hyphens and dashes. */
const JOINER = /^[-\u2010\u2011\u2013\u2014]$/;

/**
 * How a text most often writes each of some words, ignoring case: as written
 * ("DDPM", "Stage B"'s "B", "Bradley"), also on a tie; but a sentence's first
 * word, only capitalized, counts as lower case ("Stage B decodes" is no "Stage").
 * And two of them that it joins with a hyphen or dash ("Bradley–Terry"), so joined.
 */
export function spellingsIn(text: string, words: Iterable<string>): Spellings {
  const counts = new Map<string, Map<string, number>>();
  for (const word of words) counts.set(word.toLowerCase(), new Map());
  if (counts.size === 0) return AS_LABELLED;
  const joiners = new Map<string, string>();
  let last: { lower: string; end: number } | undefined;
  for (const { 0: written, index } of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const lower = written.toLowerCase();
    const forms = counts.get(lower);
    if (!forms) {
      last = undefined;
      continue;
    }
    if (last && index === last.end + 1 && JOINER.test(text[last.end]!)) joiners.set(`${last.lower} ${lower}`, text[last.end]!);
    last = { lower, end: index + written.length };
    const capitalizedFirst = written.length > 1 && written.slice(1) === lower.slice(1) && FIRST_WORD.test(text.slice(Math.max(0, index - 3), index));
    const form = capitalizedFirst ? lower : written;
    forms.set(form, (forms.get(form) ?? 0) + 1);
  }
  return {
    word: (word) => {
      let best = word;
      let most = 0;
      for (const [form, count] of counts.get(word.toLowerCase()) ?? []) {
        if (count > most || (count === most && form !== form.toLowerCase())) [best, most] = [form, count];
      }
      return best;
    },
    between: (before, after) => joiners.get(`${before.toLowerCase()} ${after.toLowerCase()}`) ?? " ",
  };
}
