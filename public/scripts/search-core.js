// Shared by the build (Node) and the offline search (browser, classic script):
// the same tokenizer and MiniSearch settings on both sides, so queries match
// what was indexed. Chinese has no spaces; Intl.Segmenter finds its words.
(function (root) {
  "use strict";
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
  var WORDLIKE = /[\p{L}\p{N}]/u;

  function tokenize(text) {
    var tokens = [];
    if (!segmenter) return String(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (var it = segmenter.segment(String(text))[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
      var segment = step.value;
      if (segment.isWordLike || WORDLIKE.test(segment.segment)) tokens.push(segment.segment);
    }
    return tokens;
  }

  function processTerm(term) {
    var t = term.toLowerCase();
    return t.length > 0 ? t : null;
  }

  root.PapernotesSearchCore = {
    tokenize: tokenize,
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
