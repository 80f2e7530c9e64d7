// Site search: Pagefind, loaded on first use, behind one small interface.
//   search(query) → Promise<[{ href, title, heading, kind, parts: [{ text, mark }] }]>
// Hosted (http/https), Pagefind's module fetches its files. From disk
// (file://), where fetch and modules are blocked, its copy as a classic script
// loads each file's copy as a script (search-index.ts writes them). A big site
// has several shards, each an index (search/shards.js gives their number).
// Loaded by papernotes.js when the reader opens search.
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement.getAttribute("data-root") || "./";
  var zh = (doc.documentElement.lang || "").indexOf("zh") === 0;
  var hosted = /^https?:$/.test(location.protocol);
  var input = doc.getElementById("site-search-input");
  // The popup: the listbox of hits, or a message (no results) outside it.
  var panel = doc.getElementById("site-search-results");
  var list = doc.getElementById("site-search-options");
  var message = panel && panel.querySelector(".search-empty");
  if (!input || !panel || !list || !message || window.PapernotesSearch) return;
  var LIMIT = 8;
  // So that one page matching everywhere does not fill the list.
  var SUB_RESULTS_PER_PAGE = 3;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () {
        reject(notLoaded(src));
      };
      doc.head.appendChild(script);
    });
  }

  // From disk, a file that will not load is one this copy of the site lacks (a folder copied in part).
  function notLoaded(src) {
    var path = sitePath(new URL(src, doc.baseURI).href);
    return new Error(hosted ? "could not load " + path : (zh ? "这份网站副本缺少文件 " : "this copy of the site lacks ") + path);
  }
  // A long path wraps; set here, as only this script shows one (the page's CSS stays as small).
  message.style.overflowWrap = "anywhere";

  // Text only: excerpts arrive as HTML with <mark>; nothing of it is inserted as HTML.
  function partsFromMarkedHtml(html) {
    var parser = new DOMParser();
    var text = function (fragment) {
      return parser.parseFromString("<body>" + fragment, "text/html").body.textContent;
    };
    var parts = [];
    String(html).split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (piece) {
      if (!piece) return;
      var marked = piece.indexOf("<mark>") === 0;
      var content = text(marked ? piece.slice(6, -7) : piece);
      // Pagefind marks a word with the space after it: the space stays unmarked.
      var space = marked ? /\s*$/.exec(content)[0] : "";
      parts.push({ text: content.slice(0, content.length - space.length), mark: marked });
      if (space) parts.push({ text: space, mark: false });
    });
    // An excerpt from inside a sentence can start at the punctuation after a word (": An Efficient", "：按图层"): it reads as cut.
    if (parts.length > 0 && !parts[0].mark && LEADING_PUNCTUATION.test(parts[0].text)) parts[0] = { text: "…" + parts[0].text.replace(/^\s+/, "").replace(LEADING_PUNCTUATION, "").replace(/^\s+/, ""), mark: false };
    return parts;
  }
  var LEADING_PUNCTUATION = /^[:;,.)\]\-–—：；，。、）】」』！？]+/;

  // Pagefind's excerpt of a section begins with the section's heading, which the
  // result shows above it, or with the heading's end ("1: PickScore win rates."
  // of "Table 1: PickScore win rates"), when the excerpt starts inside it.
  function withoutHeading(parts, heading) {
    var text = parts.map(function (part) { return part.text; }).join("").toLowerCase();
    var lead = text.charAt(0) === "…" ? 1 : 0; // what partsFromMarkedHtml made of a leading "："
    heading = (heading || "").toLowerCase();
    for (var from = 0; from <= heading.length - 3; from++) {
      if (from > 0 && /[a-z0-9]/.test(heading[from - 1]) && /[a-z0-9]/.test(heading[from])) continue; // from inside a word: no
      var end = heading.slice(from);
      if (text.indexOf(end, lead) === lead) return withoutLeading(parts, lead + end.length + /^[\s.:;,。：；，]*/.exec(text.slice(lead + end.length))[0].length);
    }
    return parts;
  }
  function withoutLeading(parts, cut) {
    var kept = [];
    parts.forEach(function (part) {
      if (cut >= part.text.length) return void (cut -= part.text.length);
      kept.push({ text: part.text.slice(cut), mark: part.mark });
      cut = 0;
    });
    return kept.length > 0 ? kept : parts;
  }

  // Pagefind can start an excerpt inside a word of the page ("sim \mathcal{N}"
  // of "\sim", "4): Because" of "(4): Because"): from the next word, after "…",
  // as excerpts made by partsAround start.
  function fromWordStart(parts, content) {
    var text = parts.map(function (part) { return part.text; }).join("");
    var at = content.indexOf(text.slice(0, 40));
    if (at <= 0 || /\s/.test(content[at - 1]) || parts[0].mark) return parts;
    var rest = withoutLeading(parts, (/^\S*\s+/.exec(text) || [""])[0].length);
    return rest === parts ? parts : [{ text: "…", mark: false }].concat(rest);
  }

  var coreLoaded = loadScript(root + "scripts/search-core.js").then(function () {
    return window.PapernotesSearchCore;
  });

  // Folded as the index folds terms (lower case, no accents), one character at
  // a time so that offsets in it are offsets in the text.
  function foldInPlace(text, fold) {
    var out = "";
    for (var ch of text) {
      var folded = fold(ch);
      out += folded.length === ch.length ? folded : ch;
    }
    return out;
  }

  // The query as typed, folded, its spaces as single spaces: what a text holds "together".
  function typedPhrase(query, fold) {
    return fold(query).replace(/\s+/g, " ").trim();
  }

  // Where a (folded) term is a hit in the folded text: a whole word (wordsFound
  // gives the words that a prefix matched, "token" for "to…"), so "a" is not
  // the a in "Richard", nor "to" the start of "token"; anywhere in Chinese.
  var WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
  function hitAt(folded, term, from, segmented) {
    var bounds = function (ch) {
      return ch === undefined || !WORD_CHAR.test(ch) || segmented(ch);
    };
    for (var at = folded.indexOf(term, from); at !== -1; at = folded.indexOf(term, at + 1)) {
      if (segmented(term) || (bounds(folded[at - 1]) && bounds(folded[at + term.length]))) return at;
    }
    return -1;
  }

  // The text around the query as typed, if the text holds it ("自奖励", not 自
  // and 奖励 apart), else around the first hit, with every hit of a (folded) term marked.
  function partsAround(text, terms, fold, segmented, query) {
    var folded = foldInPlace(text, fold);
    var phrase = typedPhrase(query || "", fold);
    var first = phrase ? hitAt(folded, phrase, 0, segmented) : -1;
    terms = terms.map(fold).filter(Boolean);
    if (first === -1) {
      terms.forEach(function (term) {
        var at = hitAt(folded, term, 0, segmented);
        if (at !== -1 && (first === -1 || at < first)) first = at;
      });
    }
    var start = Math.max(0, first - 50);
    // Not from inside a word, nor at the punctuation after one: "…nt。从概念上看" reads as cut.
    var inWord = function (ch) {
      return WORD_CHAR.test(ch) && !segmented(ch);
    };
    while (start > 0 && start < first && inWord(text[start - 1]) && inWord(text[start])) start++;
    while (start > 0 && start < first && (/\s/.test(text[start]) || LEADING_PUNCTUATION.test(text[start]))) start++;
    // A formula ($…$, as the records hold it) is shown whole: from its start if that is near, else from after it.
    var formula = formulaAround(text, start);
    if (formula) start = formula.open >= first - 100 ? formula.open : Math.min(first, formula.close);
    while (start > 0 && start < first && /\s/.test(text[start])) start++;
    var end = Math.min(text.length, start + 180);
    // And up to its end if that is near (or the hit is in it), else up to its start.
    formula = formulaAround(text, end);
    if (formula) end = formula.close - end <= 60 || formula.open <= first ? formula.close : formula.open;
    var marked = [];
    terms.forEach(function (term) {
      for (var at = hitAt(folded, term, start, segmented); at !== -1 && at < end; at = hitAt(folded, term, at + term.length, segmented)) {
        for (var i = at; i < Math.min(at + term.length, end); i++) marked[i] = true;
      }
    });
    var parts = start > 0 ? [{ text: "…", mark: false }] : [];
    for (var i = start; i < end; i++) {
      var last = parts[parts.length - 1];
      if (last && last.mark === !!marked[i]) last.text += text[i];
      else parts.push({ text: text[i], mark: !!marked[i] });
    }
    if (end < text.length) parts.push({ text: "…", mark: false });
    return parts;
  }

  // The formula that a cut at `at` would split, if any: its $ or $$ signs' offsets, the closing one's end.
  var FORMULA = /\$\$(?:[^$\\]|\\[\s\S])*\$\$|\$(?:[^$\\]|\\[\s\S])+\$/g;
  function formulaAround(text, at) {
    for (var match of text.matchAll(FORMULA)) {
      if (match.index >= at) break;
      if (match.index + match[0].length > at) return { open: match.index, close: match.index + match[0].length };
    }
    return null;
  }

  // Pagefind, when a word is in no page, searches for the longest indexed word
  // that the query word starts with ("transformer" finds every "t"). A page is
  // kept only if it has each query word as a reader means it: the
  // last word may start one of its words (core.prefixed), any other must
  // be one ("42" is not the 42 of "1.42B"); Chinese: is in its text. A section
  // is kept only if one of its hits is such a word.
  function wordFinder(text, core) {
    var folded = core.fold(text);
    var tokens = null;
    return function (word, i, words) {
      if (core.segmented(word)) return folded.indexOf(word) !== -1;
      var prefix = core.prefixed(word, i, words);
      return (tokens = tokens || core.tokenize(folded)).some(function (token) {
        return prefix ? token.indexOf(word) === 0 : token === word;
      });
    };
  }
  function findsEvery(text, words, core) {
    return words.every(wordFinder(text, core));
  }
  function hitsSome(parts, words, core) {
    return parts.some(function (part) {
      var mark = part.mark && core.fold(part.text).trim();
      if (!mark) return false;
      var finds = wordFinder(mark, core);
      return words.some(function (word, i) {
        return finds(word, i, words) || (core.segmented(word) && word.indexOf(mark) !== -1);
      });
    });
  }

  // Each section's text in a page's content, by its heading's id ("" before the
  // first heading, after the paper's title): from after its heading to the next.
  // Pagefind gives a section only an excerpt of about 30 words, which may leave
  // out words that it holds, and in Chinese often marks none.
  function sectionTexts(page) {
    var starts = [];
    var from = page.content.indexOf(page.meta.title) === 0 ? page.meta.title.length : 0;
    var top = from;
    page.anchors.forEach(function (anchor) {
      var at = page.content.indexOf(anchor.text, from);
      if (at === -1) return;
      starts.push({ id: anchor.id, at: at, body: at + anchor.text.length });
      from = at + anchor.text.length;
    });
    var body = function (start, end) {
      return page.content.slice(start, end).replace(/^[\s.:;,。：；，]+/, "");
    };
    var texts = { "": body(top, starts.length > 0 ? starts[0].at : page.content.length) };
    starts.forEach(function (start, i) {
      texts[start.id] = body(start.body, i + 1 < starts.length ? starts[i + 1].at : page.content.length);
    });
    return texts;
  }

  // The words of `text` that the query's words find, for marking them: a word
  // itself, or, for the last word, each word of the text that it starts.
  function wordsFound(text, words, core) {
    var tokens = null;
    return [].concat.apply([], words.map(function (word, i) {
      if (core.segmented(word) || !core.prefixed(word, i, words)) return [word];
      return (tokens = tokens || core.tokenize(core.fold(text))).filter(function (token, at, all) {
        return token.indexOf(word) === 0 && all.indexOf(token) === at;
      });
    }));
  }

  // Pagefind indexes one document per page; each section and equation is a
  // sub-result under its own heading, and equations' headings are h3
  // (EQUATION_HEADING_TAG in src/postbuild/search-index.ts).
  // Best hit first (a heading outweighs body text), then the number of hits.
  function bySubResultScore(a, b) {
    var best = function (sub) {
      return Math.max.apply(null, sub.weighted_locations.map(function (location) {
        return location.balanced_score;
      }));
    };
    return best(b) - best(a) || b.weighted_locations.length - a.weighted_locations.length;
  }

  var shardCount = loadScript(root + "search/shards.js").then(function () {
    return window.PapernotesSearchShards || 1;
  });

  // import() and Pagefind resolve paths against the script, so make them absolute.
  function url(path) {
    return new URL(root + path, doc.baseURI).href;
  }
  // The path in the site of an absolute URL (the URL itself if outside the site).
  function sitePath(href) {
    var siteRoot = url("");
    return href.indexOf(siteRoot) === 0 ? decodeURIComponent(href.slice(siteRoot.length)) : href;
  }
  // From disk, the first file of Pagefind's that would not load: Pagefind leaves out an index file it
  // cannot load, as if nothing in it matched, so a search then fails with this instead.
  var lacking = null;

  // Pagefind's module. From disk, its classic copy, whose fetch loads a file's
  // copy as a script, which hands over the file's path in the site and bytes.
  function loadPagefind() {
    if (hosted) return import(url("pagefind/pagefind.js"));
    var handed = {}; // base64, by path in the site, until read
    var loaded = {}; // bytes, by path, while being loaded: asked for twice meanwhile, a file is loaded once
    window.PapernotesPagefindFile = function (path, base64) {
      handed[path] = base64;
    };
    window.PapernotesPagefindFetch = function (input) {
      var file = new URL(String(input), doc.baseURI).href.replace(/[?#].*$/, "");
      var path = sitePath(file);
      loaded[path] = loaded[path] || loadScript(file + ".js").then(function (event) {
        event.target.remove(); // it has run; hundreds of files would stay in <head>
        if (!(path in handed)) throw new Error(file + ".js did not hand over " + path);
        var text = atob(handed[path]);
        delete handed[path];
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        delete loaded[path]; // those who asked meanwhile have it; Pagefind keeps what it needs
        return bytes;
      }).catch(function (error) {
        delete loaded[path]; // asked again, it is tried again
        lacking = lacking || error;
        throw error;
      });
      return loaded[path].then(function (bytes) {
        return new Response(bytes);
      });
    };
    return loadScript(url("pagefind/pagefind-classic.js")).then(function () {
      return window.PapernotesPagefind;
    });
  }

  // A hit's link: from disk, a folder's index.html, which no server adds there.
  function href(pagefindUrl) {
    var path = pagefindUrl.replace(/^\//, "");
    return root + (hosted ? path : path.replace(/\/(#|$)/, "/index.html$1"));
  }

  function pagefindBackend() {
    // Pagefind puts the folder it is served from (a sub-path) in front of its URLs; root already leads there.
    // From disk, it is told its folder (its classic copy has no import.meta.url), and works without its web
    // worker, which could not load its files.
    var options = hosted ? { baseUrl: "/" } : { baseUrl: "/", basePath: url("pagefind/"), noWorker: true };
    var ready = Promise.all([loadPagefind(), shardCount]).then(function (loaded) {
      var pagefind = loaded[0];
      return pagefind.options(options).then(function () {
        return pagefind.init();
      }).then(function () {
        var merged = [];
        // Shard 0 is the index loaded above (shardPath in src/postbuild/search-index.ts). Each merged
        // shard is given the same base, or its results' URLs would be whole addresses (it is loaded by one).
        for (var shard = 1; shard < loaded[1]; shard++) merged.push(pagefind.mergeIndex(url("pagefind/shard-" + shard + "/"), { baseUrl: "/" }));
        return Promise.all(merged);
      }).then(function () {
        return pagefind;
      });
    });
    // Results in batches, until LIMIT sections pass the check above (or none are left to read); all of the
    // batches read, as the equations a query names or numbers go first from them before the list is cut to LIMIT.
    function collect(results, query, words, core, found) {
      if (found.length >= LIMIT || results.length === 0) return found;
      return Promise.all(
        results.slice(0, LIMIT).map(function (result) {
          return result.data();
        }),
      ).then(function (pages) {
        pages.forEach(function (page) {
          if (!findsEvery(page.meta.title + " " + page.content, words, core)) return;
          var sections = sectionTexts(page);
          var hits = page.sub_results
            .map(function (sub) {
              return { sub: sub, parts: partsFromMarkedHtml(sub.excerpt), text: sections[sub.anchor ? sub.anchor.id : ""] };
            })
            .filter(function (hit) {
              return hitsSome(hit.parts, words, core) || findsEvery(hit.sub.title, words, core);
            });
          // Only sections that hold every word (the paper's title and short name count: "DPO (3)"):
          // "42:1" is not a section with a 1 in it, on a page with a 42 elsewhere.
          var paperNames = page.meta.title + " " + (page.meta.short || "");
          var full = hits.filter(function (hit) {
            var text = hit.text !== undefined ? hit.text : hit.parts.map(function (part) { return part.text; }).join("");
            return findsEvery(paperNames + " " + hit.sub.title + " " + text, words, core);
          });
          full.sort(function (a, b) {
            return bySubResultScore(a.sub, b.sub);
          });
          var ordered = phraseFirst(full, query, core, function (hit) {
            return hit.sub.title + " " + (hit.text || "");
          });
          // A query that names the paper ("LoRA", its short title) asks for the paper: its top comes
          // first, before equations named after it (weighted up, they filled its places).
          var named = namesPaper(page.meta.short, words, core);
          var together = holdsPhrase(page.meta.title + " " + page.content, query, core);
          if (page.meta.short && findsEvery(page.meta.short, words, core)) {
            ordered = passingFirst(ordered, function (hit) {
              return !hit.sub.anchor;
            });
          }
          ordered
            .slice(0, SUB_RESULTS_PER_PAGE)
            .forEach(function (hit) {
              var sub = hit.sub;
              var heading = sub.anchor ? sub.title : "";
              var kind = sub.anchor && sub.anchor.element === "h3" ? "equation" : "section";
              // The excerpt made from the section's text, around the query; Pagefind's if the section was not found.
              var parts = hit.text !== undefined ? partsAround(hit.text, wordsFound(hit.text, words, core), core.fold, core.segmented, query) : fromWordStart(withoutHeading(hit.parts, heading), page.content);
              found.push({ href: href(sub.url), title: page.meta.title, short: page.meta.short, heading: heading, kind: kind, parts: parts, named: named, together: together });
            });
        });
        return collect(results.slice(LIMIT), query, words, core, found);
      });
    }
    function searchNow(query) {
      return Promise.all([ready, coreLoaded]).then(function (loaded) {
        var pagefind = loaded[0];
        var words = loaded[1].tokenize(query).map(loaded[1].fold);
        if (words.length === 0) return [];
        // Words only: Pagefind would join "self-rewarding" into "selfrewarding".
        return pagefind.search(words.join(" ")).then(function (response) {
          return collect(response.results.slice(0, 3 * LIMIT), query, words, loaded[1], []);
        }).then(function (found) {
          if (lacking) throw lacking;
          // The pages that hold the query as typed come first; before them, the equations it names; before those,
          // the paper it names, as papers that only mention it ("DPO" is in many notes); first, equations it numbers.
          var together = passingFirst(found, function (hit) {
            return hit.together;
          });
          return numberedEquationsFirst(passingFirst(namedEquationsFirst(together, words, loaded[1]), function (hit) {
            return hit.named;
          }), words, loaded[1]).slice(0, LIMIT);
        });
      });
    }
    var turn = Promise.resolve();
    return {
      name: hosted ? "pagefind" : "pagefind-disk",
      // One query at a time: Pagefind gives every query the same object for a page and rewrites its
      // sub-results on it, so two at once could show one's sections under the other (typed fast from
      // disk, 5 of 20 queries). A query whose `stale()` is true by its turn (the reader typed on) is
      // not run: it gives null.
      search: function (query, stale) {
        var result = turn.then(function () {
          return stale && stale() ? null : searchNow(query);
        });
        turn = result.catch(function () {});
        return result;
      },
    };
  }

  // The hits that pass `test` first, each part in its order.
  function passingFirst(hits, test) {
    var passing = [];
    var rest = [];
    hits.forEach(function (hit) {
      (test(hit) ? passing : rest).push(hit);
    });
    return passing.concat(rest);
  }

  // Whether the query is a paper's short name, whole ("DPO", "lora"; see shortTitle in src/lib/format.ts).
  function namesPaper(short, words, core) {
    return !!short && core.tokenize(core.fold(short)).length === words.length && findsEvery(short, words, core);
  }

  // Pagefind scores each word alone: "自奖励" (自 + 奖励) could rank "来自人类…奖励"
  // first, and "Weizhe Song" papers by a Weizhe and a Song. What holds the query's
  // words together, as typed, comes first.
  function holdsPhrase(text, query, core) {
    var phrase = typedPhrase(query, core.fold);
    return core.tokenize(phrase).length > 1 && core.fold(text).indexOf(phrase) !== -1;
  }

  function phraseFirst(hits, query, core, textOf) {
    return passingFirst(hits, function (hit) {
      return holdsPhrase(textOf(hit), query, core);
    });
  }

  // An equation's heading, "(3) noise objective": its number ([1]) and its name ([2]).
  function equationHeading(hit) {
    return hit.kind === "equation" ? /^\(([^)]*)\)\s*(.*)$/.exec(hit.heading) : null;
  }

  // A query that is an equation's name ("DPO loss", "noise objective") asks for
  // the equations so named: they come before sections that only say its words
  // (Pagefind ranks a short page first, whose section on DPO says "DPO's loss").
  function namedEquationsFirst(hits, words, core) {
    return passingFirst(hits, function (hit) {
      var heading = equationHeading(hit);
      var tokens = heading ? core.tokenize(core.fold(heading[2])) : [];
      return tokens.length === words.length && tokens.every(function (token, i) {
        return token === words[i];
      });
    });
  }

  // A query that gives an equation's number ("(3)", "Self-Rewarding (4)") asks
  // for that equation: it comes before sections that only mention the number
  // (Pagefind ranks pages first, and put one paper's (3) 7th); and the equation of
  // the paper it names ("DPO (1)", as a reference shows it) before another paper's
  // (1) that only mentions DPO.
  function numberedEquationsFirst(hits, words, core) {
    var numberOf = function (hit) {
      var heading = equationHeading(hit);
      var tokens = heading ? core.tokenize(core.fold(heading[1])) : [];
      return tokens.length > 0 && tokens.every(function (token) {
        return words.indexOf(token) !== -1;
      }) ? tokens : null;
    };
    var ofNamedPaper = function (hit) {
      var tokens = numberOf(hit);
      var rest = tokens && words.filter(function (word) {
        return tokens.indexOf(word) === -1;
      });
      return !!rest && rest.length > 0 && namesPaper(hit.short, rest, core);
    };
    return passingFirst(passingFirst(hits, numberOf), ofNamedPaper);
  }

  var backend = pagefindBackend();
  var active = -1;
  var sequence = 0;
  // Enter pressed before the typed query's results came (a hosted query's first
  // fetches take a moment): its first result opens when they come.
  var enterFor = null;

  function options() {
    return list.querySelectorAll("[role=option]");
  }
  // The box names an option as active only while the reader can see it.
  function select(index) {
    var items = options();
    if (items.length === 0 || panel.hidden || list.hidden) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", items[active].id);
    keepInView(items[active]);
  }
  // Scrolls the list only: scrollIntoView also scrolled the page under it.
  function keepInView(item) {
    var box = panel.getBoundingClientRect();
    var rect = item.getBoundingClientRect();
    if (rect.top < box.top) panel.scrollTop -= box.top - rect.top;
    else if (rect.bottom > box.bottom) panel.scrollTop += rect.bottom - box.bottom;
  }
  function close() {
    // A search still under way must not open the list again (Escape before the first results came).
    sequence++;
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
    // The count told of the list: once it is gone, the status region would still say "3 results".
    if (window.PapernotesAnnounce) window.PapernotesAnnounce("");
  }
  // A hit on the page being read is a jump within it, not a reload, whether
  // the page was reached as ".../" or ".../index.html".
  function onThisPage(href) {
    var target = new URL(href, doc.baseURI);
    var page = function (url) {
      return url.origin + url.pathname.replace(/\/index\.html$/, "/");
    };
    return target.hash && page(target) === page(location) ? target.hash : href;
  }
  // The list emptied and hidden (no option left to name), and the message shown
  // in its place; a screen reader hears it through the page's status region.
  function showMessage(text) {
    enterFor = null; // nothing to open
    list.textContent = "";
    list.hidden = true;
    active = -1;
    input.removeAttribute("aria-activedescendant");
    input.setAttribute("aria-expanded", "false");
    message.textContent = text;
    message.hidden = false;
    panel.hidden = false;
    if (window.PapernotesAnnounce) window.PapernotesAnnounce(text);
  }
  function render(results, query) {
    panel.setAttribute("data-backend", backend.name);
    panel.setAttribute("data-query", query);
    if (results.length === 0) return showMessage((zh ? "没有找到与此相关的结果：" : "No results for ") + "“" + query + "”");
    list.textContent = "";
    active = -1;
    message.hidden = true;
    results.forEach(function (result, i) {
      var link = doc.createElement("a");
      link.href = onThisPage(result.href);
      link.id = "search-result-" + i;
      link.className = "search-result" + (result.kind === "equation" ? " is-equation" : "");
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
      // Options are chosen with the arrows, focus staying in the box (a combobox); Tab leaves the search.
      link.tabIndex = -1;
      var title = doc.createElement("span");
      title.className = "search-result-title";
      title.textContent = result.title;
      link.appendChild(title);
      if (result.heading) {
        var heading = doc.createElement("span");
        heading.className = "search-result-heading";
        heading.textContent = (result.kind === "equation" ? (zh ? "公式 " : "Equation ") : "§ ") + result.heading;
        link.appendChild(heading);
      }
      // An equation's record is its name and label, already shown as its heading.
      if (result.kind === "equation") return list.appendChild(link);
      var excerpt = doc.createElement("span");
      excerpt.className = "search-result-excerpt";
      result.parts.forEach(function (part) {
        var node = part.mark ? doc.createElement("mark") : doc.createTextNode(part.text);
        if (part.mark) node.textContent = part.text;
        excerpt.appendChild(node);
      });
      link.appendChild(excerpt);
      list.appendChild(link);
    });
    list.hidden = false;
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
    select(0);
    if (enterFor === query) {
      enterFor = null;
      return openResult(options()[0], enterKeys);
    }
    // The count, for a screen reader (the page's status region, papernotes.js); the list itself is not live.
    if (window.PapernotesAnnounce) window.PapernotesAnnounce(zh ? results.length + " 条结果" : results.length + (results.length === 1 ? " result" : " results"));
  }
  // A label pasted as TeX writes it, \label{eq:x} or \eqref{eq:x} (the TeX button's last line), is searched for as eq:x.
  var TEX_REFERENCE = /\\(?:label|eqref|ref)\{([^{}]*)\}/g;
  // A query that finds nothing is tried once more with ae, oe, ue read as
  // umlauts, so "wuerstchen" finds Würstchen (never when the query as typed
  // finds something: "true" stays true). Null if `stale()` came true first (see the backend).
  function search(query, stale) {
    query = query.replace(TEX_REFERENCE, " $1 ").trim();
    return backend.search(query, stale).then(function (results) {
      if (results === null || results.length > 0) return results;
      return coreLoaded.then(function (core) {
        var withUmlauts = core.withUmlauts(query);
        return withUmlauts === query ? results : backend.search(withUmlauts, stale);
      });
    });
  }

  // The first query of a big site loads its index (about 0.5-0.8 s at 1,000 papers): the panel says it is at work,
  // 300 ms after the first key that found nothing shown (one timer: each key restarting it, it never fired while the reader typed).
  var SEARCHING_AFTER_MS = 300;
  var searchingTimer = 0;
  function run() {
    var query = input.value.trim();
    var mine = ++sequence;
    if (!query) return close();
    if (!searchingTimer) searchingTimer = setTimeout(function () {
      searchingTimer = 0;
      var now = input.value.trim();
      if (!now || !panel.hidden || panel.getAttribute("data-query") === now) return;
      list.hidden = true;
      message.textContent = zh ? "正在搜索…" : "Searching…";
      message.hidden = false;
      panel.hidden = false;
    }, SEARCHING_AFTER_MS);
    search(query, function () {
      return mine !== sequence;
    }).then(
      function (results) {
        if (mine === sequence) render(results, query);
      },
      function (error) {
        if (mine !== sequence) return;
        showMessage((zh ? "搜索不可用：" : "Search is unavailable: ") + error.message);
      },
    );
  }

  input.addEventListener("input", function () {
    enterFor = null;
    run();
  });
  // Ctrl/Cmd+Enter opens a hit in a new tab and Shift+Enter in a new window, as a click with those keys does.
  var enterKeys = null;
  function openResult(link, keys) {
    if (!keys || !(keys.ctrlKey || keys.metaKey || keys.shiftKey)) return link.click();
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window, ctrlKey: keys.ctrlKey, metaKey: keys.metaKey, shiftKey: keys.shiftKey }));
  }
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      // On a list the reader closed (Escape, a click elsewhere), an arrow opens it again.
      if (panel.hidden) run();
      else select(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      var query = input.value.trim();
      var keys = { ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey };
      if (query && panel.getAttribute("data-query") !== query) {
        event.preventDefault();
        enterFor = query;
        enterKeys = keys;
        return;
      }
      var items = options();
      // Not a hit of a list the reader closed (Escape).
      if (items.length && !panel.hidden) {
        event.preventDefault();
        openResult(items[Math.max(active, 0)], keys);
      }
    } else if (event.key === "Escape" && !panel.hidden) {
      // Closes the list and keeps the query; with the list closed, the box's own Escape clears it.
      event.preventDefault();
      close();
    } else if (event.key === "Escape" && !input.value) {
      // The empty box: back to where the reader was (the link or button they had focused), or out of the box.
      var back = input.papernotesReturnTo;
      if (back && back !== doc.body && doc.contains(back)) back.focus({ preventScroll: true });
      else input.blur();
    }
  });
  doc.addEventListener("click", function (event) {
    if (!event.target.closest(".site-search")) close();
  });
  // Focus moved out of the search (Tab): the list would cover what it went to.
  input.closest(".site-search").addEventListener("focusout", function (event) {
    if (event.relatedTarget && !event.relatedTarget.closest(".site-search")) close();
  });
  // Once a hit is chosen the list is done with, also when the hit is on this page.
  panel.addEventListener("click", function (event) {
    if (event.target.closest(".search-result")) close();
  });
  input.addEventListener("focus", function () {
    if (input.value.trim()) run();
  });

  // For tests and the bench: every query is run (never stale).
  window.PapernotesSearch = {
    backend: backend.name,
    search: function (query) {
      return search(query);
    },
  };
  // An Enter pressed in the box before this script came (see csp.ts): for the query then typed, if it still is.
  var early = input.getAttribute("data-enter");
  input.removeAttribute("data-enter");
  if (early !== null && early.trim() && early.trim() === input.value.trim()) enterFor = early.trim();
  if (input.value.trim()) run();
})();
