// How search.js reads a query and a text alike: words, folded. A classic
// script, also loaded by the unit tests in Node.
(function (root) {
  "use strict";
  // A word is a run of letters, marks and digits: any other character splits,
  // so "eq:dpo-loss" is eq, dpo, loss everywhere. (Intl.Segmenter keeps "eq:dpo"
  // whole in Node's ICU but not in Chromium's, and queries missed the index.)
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  // The same words in ASCII text, found 2.4 times as fast (most records are English).
  var ASCII_WORD = /[A-Za-z0-9]+/g;
  // Chinese and Japanese have no spaces: Intl.Segmenter finds their words.
  var NEEDS_SEGMENTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
  // Combining marks, but the kana voicing marks, which change the word (as Pagefind folds).
  var DIACRITICS = /(?![\u3099\u309A])\p{M}/gu;

  var NOT_ASCII = /[^\x00-\x7f]/;

  function tokenize(text) {
    text = String(text);
    if (!NOT_ASCII.test(text)) return text.match(ASCII_WORD) || [];
    if (!segmenter || !NEEDS_SEGMENTER.test(text)) return text.match(WORD) || [];
    var tokens = [];
    for (var it = segmenter.segment(text)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
      var words = step.value.segment.match(WORD);
      if (words) tokens.push.apply(tokens, words);
    }
    return tokens;
  }

  // Greek letters by their TeX names: a formula's source says \alpha, its
  // rendering and the prose say α, and a reader may type either.
  var GREEK = {
    α: "alpha", β: "beta", γ: "gamma", δ: "delta", ε: "epsilon", ϵ: "epsilon", ζ: "zeta", η: "eta", θ: "theta", ϑ: "theta", ι: "iota", κ: "kappa",
    λ: "lambda", μ: "mu", ν: "nu", ξ: "xi", π: "pi", ρ: "rho", σ: "sigma", ς: "sigma", τ: "tau", υ: "upsilon", φ: "phi", ϕ: "phi", χ: "chi", ψ: "psi", ω: "omega",
  };
  var GREEK_LETTER = /[α-ωϵϑϕ]/g;

  /** Lower case, without accents, Greek letters named: "Würstchen" and "wurstchen" are one term, and "α" is "alpha". */
  function fold(text) {
    var lower = String(text).toLowerCase();
    if (!NOT_ASCII.test(lower)) return lower;
    return lower.normalize("NFD").replace(DIACRITICS, "").normalize("NFC").replace(GREEK_LETTER, function (letter) {
      return GREEK[letter] || letter;
    });
  }

  // German written without umlauts, as in "Wuerstchen" or "Mueller".
  var UMLAUT_SPELLING = /([aouAOU])[eE]/g;
  var UMLAUTS = { a: "ä", o: "ö", u: "ü", A: "Ä", O: "Ö", U: "Ü" };

  /** The query with ae, oe and ue read as ä, ö and ü: "wuerstchen" is Würstchen. */
  function withUmlauts(query) {
    return String(query).replace(UMLAUT_SPELLING, function (spelling, vowel) {
      return UMLAUTS[vowel];
    });
  }

  root.PapernotesSearchCore = {
    tokenize: tokenize,
    fold: fold,
    withUmlauts: withUmlauts,
    /** Whether a word is Chinese or Japanese, found by Intl.Segmenter rather than by spaces. */
    segmented: function (word) {
      return NEEDS_SEGMENTER.test(word);
    },
    /** Whether a query's word may be the start of a longer word: the last word, as it may still be being typed, unless it is one letter. */
    prefixed: function (word, i, words) {
      return i === words.length - 1 && (word.length > 1 || NEEDS_SEGMENTER.test(word));
    },
  };
})(typeof globalThis !== "undefined" ? globalThis : this);
