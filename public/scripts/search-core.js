// Shared by the build (Node) and the search in the browser (classic script):
// the same tokenizer and MiniSearch settings on both sides, so queries match
// what was indexed.
(function (root) {
  "use strict";
  // A word is a run of letters, marks and digits: any other character splits,
  // so "eq:dpo-loss" is eq, dpo, loss everywhere. (Intl.Segmenter keeps "eq:dpo"
  // whole in Node's ICU but not in Chromium's, and queries missed the index.)
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  // Chinese and Japanese have no spaces: Intl.Segmenter finds their words.
  var NEEDS_SEGMENTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  var WORDLIKE = /[\p{L}\p{N}]/u;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
  // Combining marks, but the kana voicing marks, which change the word (as Pagefind folds).
  var DIACRITICS = /(?![\u3099\u309A])\p{M}/gu;

  function tokenize(text) {
    var tokens = [];
    var words = String(text).match(WORD) || [];
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      if (!segmenter || !NEEDS_SEGMENTER.test(word)) {
        tokens.push(word);
        continue;
      }
      for (var it = segmenter.segment(word)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
        if (step.value.isWordLike || WORDLIKE.test(step.value.segment)) tokens.push(step.value.segment);
      }
    }
    return tokens;
  }

  /** Lower case, without accents: "Würstchen" and "wurstchen" are one term. */
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(DIACRITICS, "").normalize("NFC");
  }

  function processTerm(term) {
    var t = fold(term);
    return t.length > 0 ? t : null;
  }

  root.PapernotesSearchCore = {
    tokenize: tokenize,
    fold: fold,
    /** Whether a word is Chinese or Japanese, found by Intl.Segmenter rather than by spaces. */
    segmented: function (word) {
      return NEEDS_SEGMENTER.test(word);
    },
    options: {
      idField: "id",
      fields: ["title", "heading", "text"],
      storeFields: ["url", "title", "heading", "text", "kind"],
      tokenize: tokenize,
      processTerm: processTerm,
      searchOptions: { boost: { title: 3, heading: 2 }, prefix: function (term, i, terms) { return i === terms.length - 1 && term.length > 1; }, combineWith: "AND" },
    },
  };
})(typeof globalThis !== "undefined" ? globalThis : this);
