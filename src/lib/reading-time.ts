// Reading time for Chinese, English and mixed notes. Chinese is read by
// character, English by word; formulas and code are left out of the count.
import { proseOf } from "./body-text.ts";

const CJK_CHARS_PER_MINUTE = 350;
const WORDS_PER_MINUTE = 230;

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
const WORD = /[A-Za-z0-9\u00C0-\u024F]+(?:['’-][A-Za-z0-9\u00C0-\u024F]+)*/g;

export function countReadingUnits(text: string): { cjk: number; words: number } {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, " ").match(WORD)?.length ?? 0;
  return { cjk, words };
}

/** Whole minutes, at least 1. */
export function readingMinutes(body: string): number {
  const { cjk, words } = countReadingUnits(proseOf(body));
  return Math.max(1, Math.round(cjk / CJK_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE));
}
