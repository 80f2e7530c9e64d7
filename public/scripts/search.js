// Site search: one UI, two backends behind one small interface.
//   search(query) → Promise<[{ href, title, heading, kind, parts: [{ text, mark }] }]>
// Hosted (http/https): Pagefind, loaded on first use. From disk (file://),
// where fetch, modules and WebAssembly are blocked: MiniSearch indexes loaded
// by classic script tags. A big site has several shards, each with an index of
// each kind (search/shards.js gives their number). Loaded by papernotes.js
// when the reader opens search.
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement.getAttribute("data-root") || "./";
  var zh = (doc.documentElement.lang || "").indexOf("zh") === 0;
  var input = doc.getElementById("site-search-input");
  var panel = doc.getElementById("site-search-results");
  if (!input || !panel || window.PapernotesSearch) return;
  var LIMIT = 8;
  // So that one page matching everywhere does not fill the list.
  var SUB_RESULTS_PER_PAGE = 3;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("could not load " + src));
      };
      doc.head.appendChild(script);
    });
  }

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
      parts.push({ text: text(marked ? piece.slice(6, -7) : piece), mark: marked });
    });
    return parts;
  }

  function partsAround(text, terms) {
    var lower = text.toLowerCase();
    var first = -1;
    terms.forEach(function (term) {
      var at = lower.indexOf(term.toLowerCase());
      if (at !== -1 && (first === -1 || at < first)) first = at;
    });
    var start = Math.max(0, first - 50);
    var slice = (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
    if (terms.length === 0) return [{ text: slice, mark: false }];
    var escaped = terms.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    return slice.split(new RegExp("(" + escaped.join("|") + ")", "gi")).filter(Boolean).map(function (piece, i) {
      return { text: piece, mark: i % 2 === 1 || terms.some(function (t) { return t.toLowerCase() === piece.toLowerCase(); }) };
    });
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

  function pagefindBackend() {
    // import() and Pagefind resolve paths against the script, so make them absolute.
    var url = function (path) {
      return new URL(root + path, doc.baseURI).href;
    };
    var ready = Promise.all([import(url("pagefind/pagefind.js")), shardCount]).then(function (loaded) {
      var pagefind = loaded[0];
      return pagefind.init().then(function () {
        var merged = [];
        // Shard 0 is the index loaded above (shardPaths in src/postbuild/search-index.ts).
        for (var shard = 1; shard < loaded[1]; shard++) merged.push(pagefind.mergeIndex(url("pagefind/shard-" + shard + "/")));
        return Promise.all(merged);
      }).then(function () {
        return pagefind;
      });
    });
    return {
      name: "pagefind",
      search: function (query) {
        return ready.then(function (pagefind) {
          return pagefind.search(query).then(function (response) {
            return Promise.all(
              response.results.slice(0, LIMIT).map(function (result) {
                return result.data();
              }),
            );
          });
        }).then(function (pages) {
          var results = [];
          pages.forEach(function (page) {
            page.sub_results
              .slice()
              .sort(bySubResultScore)
              .slice(0, SUB_RESULTS_PER_PAGE)
              .forEach(function (sub) {
                var heading = sub.anchor ? sub.title : "";
                var kind = sub.anchor && sub.anchor.element === "h3" ? "equation" : "section";
                results.push({ href: root + sub.url.replace(/^\//, ""), title: page.meta.title, heading: heading, kind: kind, parts: partsFromMarkedHtml(sub.excerpt) });
              });
          });
          return results.slice(0, LIMIT);
        });
      },
    };
  }

  function miniSearchBackend() {
    var ready = Promise.all([loadScript(root + "vendor/minisearch.js"), loadScript(root + "scripts/search-core.js"), shardCount])
      .then(function (loaded) {
        var shards = [];
        for (var shard = 0; shard < loaded[2]; shard++) shards.push(loadScript(root + "search/offline-index-" + shard + ".js"));
        return Promise.all(shards);
      })
      .then(function () {
        return window.PapernotesOfflineIndex.map(function (json) {
          return window.MiniSearch.loadJSON(json, window.PapernotesSearchCore.options);
        });
      });
    return {
      name: "minisearch",
      search: function (query) {
        return ready.then(function (indexes) {
          var hits = [].concat.apply([], indexes.map(function (index) {
            return index.search(query);
          }));
          hits.sort(function (a, b) {
            return b.score - a.score;
          });
          return hits.slice(0, LIMIT).map(function (hit) {
            var href = root + hit.id.replace(/#$/, "").replace(/\/(#|$)/, "/index.html$1");
            return { href: href, title: hit.title, heading: hit.heading, kind: hit.kind, parts: partsAround(hit.text || hit.heading, hit.terms) };
          });
        });
      },
    };
  }

  var backend = /^https?:$/.test(location.protocol) ? pagefindBackend() : miniSearchBackend();
  var active = -1;
  var sequence = 0;

  function options() {
    return panel.querySelectorAll("[role=option]");
  }
  function select(index) {
    var items = options();
    if (items.length === 0) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }
  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function render(results, query) {
    panel.textContent = "";
    active = -1;
    if (results.length === 0) {
      var none = doc.createElement("p");
      none.className = "search-empty";
      none.textContent = (zh ? "没有找到与此相关的结果：" : "No results for ") + "“" + query + "”";
      panel.appendChild(none);
    }
    results.forEach(function (result, i) {
      var link = doc.createElement("a");
      link.href = result.href;
      link.id = "search-result-" + i;
      link.className = "search-result" + (result.kind === "equation" ? " is-equation" : "");
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
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
      if (result.kind === "equation") return panel.appendChild(link);
      var excerpt = doc.createElement("span");
      excerpt.className = "search-result-excerpt";
      result.parts.forEach(function (part) {
        var node = part.mark ? doc.createElement("mark") : doc.createTextNode(part.text);
        if (part.mark) node.textContent = part.text;
        excerpt.appendChild(node);
      });
      link.appendChild(excerpt);
      panel.appendChild(link);
    });
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (results.length > 0) select(0);
    panel.setAttribute("data-backend", backend.name);
    panel.setAttribute("data-query", query);
  }
  function run() {
    var query = input.value.trim();
    var mine = ++sequence;
    if (!query) return close();
    backend.search(query).then(
      function (results) {
        if (mine === sequence) render(results, query);
      },
      function (error) {
        if (mine !== sequence) return;
        panel.textContent = "";
        var failed = doc.createElement("p");
        failed.className = "search-empty";
        failed.textContent = (zh ? "搜索不可用：" : "Search is unavailable: ") + error.message;
        panel.appendChild(failed);
        panel.hidden = false;
      },
    );
  }

  input.addEventListener("input", run);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      select(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      select(active - 1);
    } else if (event.key === "Enter") {
      var items = options();
      if (items.length) {
        event.preventDefault();
        items[Math.max(active, 0)].click();
      }
    } else if (event.key === "Escape") {
      close();
      input.blur();
    }
  });
  doc.addEventListener("click", function (event) {
    if (!event.target.closest(".site-search")) close();
  });
  input.addEventListener("focus", function () {
    if (input.value.trim()) run();
  });

  window.PapernotesSearch = { backend: backend.name, search: backend.search };
  if (input.value.trim()) run();
})();
