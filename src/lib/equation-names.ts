// Readable names for labelled equations: eq:noise-objective → "noise objective",
// and eq:ddpm-update → "DDPM update" in a note that writes DDPM so.

/** The label's words, each as `spelled` gives it (as written in the label by default). */
export function equationName(label: string, spelled: (word: string) => string = (word) => word): string {
  return label
    .replace(/^eq:/, "")
    .replace(/[-_:.]+/g, " ")
    .trim()
    .split(/\s+/)
    .map(spelled)
    .join(" ");
}

/** What comes before a sentence's first word (or a line's: a paragraph's, a heading's). */
const FIRST_WORD = /(?:^|[.!?。！？:：\n])\s*$/;

/**
 * How a text most often writes each of some words, ignoring case: as written
 * ("DDPM", "Stage B"'s "B", "Bradley"), also on a tie; but a sentence's first
 * word, only capitalized, counts as lower case ("Stage B decodes" is no "Stage").
 */
export function spellingsIn(text: string, words: Iterable<string>): (word: string) => string {
  const counts = new Map<string, Map<string, number>>();
  for (const word of words) counts.set(word.toLowerCase(), new Map());
  if (counts.size === 0) return (word) => word;
  for (const { 0: written, index } of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const lower = written.toLowerCase();
    const forms = counts.get(lower);
    if (!forms) continue;
    const capitalizedFirst = written.length > 1 && written.slice(1) === lower.slice(1) && FIRST_WORD.test(text.slice(Math.max(0, index - 3), index));
    const form = capitalizedFirst ? lower : written;
    forms.set(form, (forms.get(form) ?? 0) + 1);
  }
  return (word) => {
    let best = word;
    let most = 0;
    for (const [form, count] of counts.get(word.toLowerCase()) ?? []) {
      if (count > most || (count === most && form !== form.toLowerCase())) [best, most] = [form, count];
    }
    return best;
  };
}
