// papernotes page behaviour. A classic script on purpose: module scripts are
// blocked from file://, and every feature here must work when read offline.
// Without it the page still works: equation links are plain links. Loaded on
// the reader's first interaction, by the page's inline loader.
(function () {
  "use strict";
  var root = document.documentElement;
  var zh = (root.lang || "").indexOf("zh") === 0;
  var COPIED = zh ? "已复制" : "Copied";
  var COPY_FAILED = zh ? "复制失败" : "Could not copy";

  // Says what just happened to a screen reader (the page's role=status region):
  // a button's own label does not change when it copies.
  var status = document.getElementById("page-status");
  function announce(text) {
    if (!status) return;
    // Emptied first, so that the same words said twice are heard twice.
    status.textContent = "";
    setTimeout(function () {
      status.textContent = text;
    }, 50);
  }
  window.PapernotesAnnounce = announce;

  // Theme: follows the system until the reader picks one, then remembers it.
  // The toggle's aria-pressed is kept by the page's inline script's function
  // (src/lib/csp.ts), which has set it since the page was parsed and follows
  // the system's changes of theme.
  var showTheme = document.papernotesShowTheme;
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".theme-toggle");
    if (!toggle) return;
    var next = showTheme() ? "light" : "dark";
    root.dataset.theme = next;
    showTheme();
    try {
      localStorage.setItem("papernotes-theme", next);
    } catch (e) {}
  });

  // A permalink to the equation: the page's canonical address when it is served
  // from there; otherwise (from disk, a preview, a site built without SITE_URL,
  // whose canonical host is a placeholder) the address the reader is on.
  function permalink(anchor) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var hosted = canonical && canonical.href.indexOf(location.origin + "/") === 0;
    // Not a query string (?utm_source=…) the reader arrived with: it is no part of the equation's address.
    // On a host, the inline script has already made the address the page's folder (see csp.ts).
    var here = location.href.replace(/[?#].*$/, "");
    return (hosted ? canonical.href : here) + "#" + anchor;
  }

  // The async clipboard needs a secure context and permission; file:// may have
  // neither, so fall back to copying a selected textarea.
  function copyWithSelection(text) {
    // Selecting the textarea takes focus from the button pressed; it goes back after.
    var focused = document.activeElement;
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {}
    area.remove();
    if (focused && focused !== document.body) focused.focus({ preventScroll: true });
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }

  function flash(button, text) {
    // Its own text, kept from the first flash: a second click during one would take "Copied" for it.
    if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
    clearTimeout(button.flashing);
    button.classList.add("is-copied");
    button.textContent = text;
    button.flashing = setTimeout(function () {
      button.classList.remove("is-copied");
      button.textContent = button.getAttribute("data-label");
    }, 1400);
  }
  // Copies, then shows and says how it went.
  function copyFrom(button, text, what) {
    copyText(text).then(function () {
      flash(button, COPIED);
      announce(what);
    }, function () {
      flash(button, COPY_FAILED);
      announce(COPY_FAILED);
    });
  }

  // In a display of several numbered rows (align), each row's number has its own
  // anchor, in KaTeX's column of them: the one level with the click (KaTeX lays
  // empty struts over the parentheses, so the element clicked may be none of them).
  function rowNumberAt(column, y) {
    var nearest = null, distance = Infinity;
    column.querySelectorAll("[id]").forEach(function (anchor) {
      var box = anchor.getBoundingClientRect(), off = Math.abs((box.top + box.bottom) / 2 - y);
      if (off <= box.height && off < distance) {
        nearest = anchor;
        distance = off;
      }
    });
    return nearest;
  }

  // The address becomes the equation's permalink and :target moves to it, with
  // no history entry and no jump: the reader is already looking at it.
  function targetInPlace(id) {
    var x = scrollX, y = scrollY;
    location.replace("#" + id);
    // Reading the position applies the fragment's scroll now: at the top of the
    // page, a scrollTo(0, 0) before it was none, and the page jumped after.
    if (scrollX !== x || scrollY !== y) scrollTo(x, y);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".equation-link");
    // A new tab or window (Ctrl, Cmd, Shift, middle button) is the browser's to open.
    if (link && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0)) {
      var anchor = link.getAttribute("href").slice(1);
      event.preventDefault();
      var focused = document.activeElement === link;
      targetInPlace(anchor);
      // The new :target took the keyboard's focus to the page; it stays on the button pressed.
      if (focused) link.focus({ preventScroll: true });
      copyFrom(link, permalink(anchor), zh ? "已复制链接" : "Link copied");
      return;
    }
    // A click on an equation's number makes the address its permalink too, as
    // readers try first (arXiv's and GitHub's numbers do it), without copying.
    var number = event.target.closest && event.target.closest(".prose .equation .katex-tag");
    var row = number && event.target.closest(".katex-tag .vlist > span");
    var numbered = number && ((row && row.querySelector("[id]")) || rowNumberAt(number, event.clientY) || number.closest(".equation[id]"));
    if (numbered && !window.getSelection().toString()) {
      targetInPlace(numbered.id);
      return;
    }
    // Copy buttons: what each one copies, and what it is called.
    var sources = [
      // A formula that uses the note's macros: their definitions first, a line each, so that it renders where it is pasted.
      [".equation-copy-tex", function (b) { return (b.getAttribute("data-macros") || "") + b.getAttribute("data-tex"); }, zh ? "已复制 TeX" : "TeX copied"],
      [".cite-button", function (b) { return b.getAttribute("data-bibtex"); }, zh ? "已复制 BibTeX" : "BibTeX copied"],
      [".code-copy", function (b) { return b.closest(".code-block").querySelector("pre code").innerText.replace(/\n$/, ""); }, zh ? "已复制代码" : "Code copied"],
    ];
    for (var i = 0; i < sources.length; i++) {
      var button = event.target.closest && event.target.closest(sources[i][0]);
      if (!button) continue;
      copyFrom(button, sources[i][1](button), sources[i][2]);
      return;
    }
  });

  // A selection with formulas in it copies as their TeX ($…$, $$…$$), by KaTeX's
  // copy-tex (copied there by src/integrations/katex-assets.ts). This script
  // arrives with the pointer or key that starts a selection.
  if (document.querySelector(".katex")) {
    var copyTex = document.createElement("script");
    copyTex.src = (root.getAttribute("data-root") || "./") + "vendor/katex/copy-tex.js";
    document.head.appendChild(copyTex);
    // After copy-tex, which reads the copied nodes' text, hidden ones included
    // (the previews, a closed BibTeX, the other table of contents), and takes a
    // formula selected from inside for an inline one:
    // - the rich copy gives each formula as its TeX, without the equation's buttons;
    // - the plain copy is the browser's own reading of the selection, with each
    //   formula's TeX in its place.
    window.addEventListener("copy", function (event) {
      var selection = window.getSelection();
      if (!event.clipboardData || !selection || selection.rangeCount === 0) return;
      if (!event.defaultPrevented) {
        // No formula for copy-tex, but maybe a reference, which copies as written too.
        var selected = selection.getRangeAt(0);
        var refs = [].some.call(document.querySelectorAll("a.eqref[data-tex]"), function (link) {
          return selected.intersectsNode(link);
        });
        if (!refs) return;
        var holder = document.createElement("div");
        holder.appendChild(selected.cloneContents());
        event.clipboardData.setData("text/html", holder.innerHTML);
        event.preventDefault();
      }
      var copied = new DOMParser().parseFromString(event.clipboardData.getData("text/html"), "text/html").body;
      copied.querySelectorAll(".equation-tools, .equation-previews, [hidden]").forEach(function (node) {
        node.remove();
      });
      // Links as the browser's own copy gives them: whole URLs, which still lead somewhere once pasted.
      copied.querySelectorAll("a[href]").forEach(function (link) {
        link.setAttribute("href", new URL(link.getAttribute("href"), location.href).href);
      });
      // (A reference stays a link here, to its equation, and is its TeX in the plain copy.)
      copied.querySelectorAll(".katex").forEach(function (formula) {
        formula.replaceWith(texOf(formula));
      });
      // One formula selected from inside it: copy-tex has widened the selection to it, and lost its display.
      var range = selection.getRangeAt(0);
      var only = range.startContainer === range.endContainer && range.endOffset - range.startOffset === 1 && range.startContainer.childNodes[range.startOffset];
      var insideOneFormula = only && only.nodeType === 1 && only.classList.contains("katex");
      var plain = plainTextWithTex(selection);
      if (insideOneFormula) copied.textContent = plain; // the formula's TeX, as HTML text
      event.clipboardData.setData("text/html", copied.innerHTML);
      event.clipboardData.setData("text/plain", plain);
    });
  }

  /**
   * A formula's TeX as it is written in a note: $…$, or a display with each $$
   * on a line of its own (pasted into a note, "$$\begin{…}" would be text on
   * the opening line, and a display never closed); a reference's, $\eqref{…}$.
   */
  function texOf(formula) {
    if (formula.hasAttribute("data-tex")) return "$" + formula.getAttribute("data-tex") + "$";
    var annotation = formula.querySelector("annotation");
    if (!annotation) return formula.textContent;
    return formula.parentElement.classList.contains("katex-display") ? "$$\n" + annotation.textContent + "\n$$" : "$" + annotation.textContent + "$";
  }

  // The selection as the browser reads it (what is shown, with its line
  // breaks), each formula it touches whole, as its TeX: for the moment of the
  // copy, each formula is hidden behind its TeX, and the equations' buttons
  // are hidden. The page does not paint in between.
  function plainTextWithTex(selection) {
    var original = selection.getRangeAt(0);
    var range = original.cloneRange();
    var startFormula = elementOf(range.startContainer).closest(".katex");
    var endFormula = elementOf(range.endContainer).closest(".katex");
    if (startFormula) range.setStartBefore(startFormula);
    if (endFormula) range.setEndAfter(endFormula);
    var added = [];
    var hidden = [];
    document.querySelectorAll(".katex, a.eqref[data-tex], .equation-tools").forEach(function (node) {
      if (!range.intersectsNode(node)) return;
      if (!node.classList.contains("equation-tools")) {
        var tex = document.createElement("span");
        tex.className = "copying-tex";
        tex.textContent = texOf(node);
        node.before(tex);
        added.push(tex);
      }
      node.classList.add("copying-hidden");
      hidden.push(node);
    });
    selection.removeAllRanges();
    selection.addRange(range);
    var text = selection.toString();
    added.forEach(function (node) {
      node.remove();
    });
    hidden.forEach(function (node) {
      node.classList.remove("copying-hidden");
    });
    selection.removeAllRanges();
    selection.addRange(original);
    return text;
  }

  function elementOf(node) {
    return node.nodeType === 1 ? node : node.parentElement;
  }

  // Search loads only when the reader reaches for it: focus, "/" or Ctrl/Cmd-K.
  var searchInput = document.getElementById("site-search-input");
  var searchRequested = false;
  function loadSearch() {
    if (searchRequested) return;
    searchRequested = true;
    var script = document.createElement("script");
    script.src = (root.getAttribute("data-root") || "./") + "scripts/search.js";
    document.head.appendChild(script);
  }
  if (searchInput) {
    searchInput.addEventListener("focus", loadSearch);
    // Where the reader was before the search, for an Escape in the empty box to go back to (search.js):
    // from the focus this script came with (a first Tab brings it), then each focus outside the search.
    var noteReturnTo = function (element) {
      if (element && element.closest && !element.closest(".site-search")) searchInput.papernotesReturnTo = element;
    };
    noteReturnTo(document.activeElement);
    document.addEventListener("focusin", function (event) {
      noteReturnTo(event.target);
    });
    // Until the search has come, an Enter is noted on the box, as the page's inline loader notes one (see csp.ts).
    searchInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !window.PapernotesSearch) searchInput.setAttribute("data-enter", searchInput.value);
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(input|textarea|select)$/i.test(event.target.tagName) || event.target.isContentEditable;
      if ((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        // Without preventScroll, focusing the header's box scrolled the page up (when the header was sticky).
        searchInput.focus({ preventScroll: true });
        searchInput.select();
      }
    });
  }

  // Wide formulas, tables and code scroll sideways. Each one that does gets a
  // tab stop, so it can be scrolled from the keyboard; only those, since a tab
  // stop on every equation would bury the links between them.
  var SCROLLERS = ".katex-display, .prose table, .prose pre, .bibtex pre";
  // A tab stop is named, for a screen reader: what it holds, and that it scrolls.
  function scrollerName(el) {
    var what;
    if (el.matches(".katex-display")) {
      var numbered = el.closest("[data-equation]");
      // In the formula list, each formula is named by its entry ("(1) background blend"), as its link says.
      var listed = el.closest(".formula-item");
      var entry = listed && listed.querySelector(".formula-name");
      what = (zh ? "公式" : numbered || entry ? "Equation" : "Formula") + (numbered ? " (" + numbered.getAttribute("data-equation") + ")" : entry ? " " + entry.textContent : "");
    } else what = el.matches("table") ? (zh ? "表格" : "Table") : zh ? "代码" : "Code";
    return what + (zh ? "，可横向滚动" : ", scrolls sideways");
  }
  function markScrollers() {
    document.querySelectorAll(SCROLLERS).forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("data-scroll-stop", "");
        el.setAttribute("role", "group");
        el.setAttribute("aria-label", scrollerName(el));
      } else if (!scrolls && el.hasAttribute("data-scroll-stop")) {
        el.removeAttribute("tabindex");
        el.removeAttribute("data-scroll-stop");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    });
  }
  var scrollersPending = false;
  function markScrollersSoon() {
    if (scrollersPending) return;
    scrollersPending = true;
    requestAnimationFrame(function () {
      scrollersPending = false;
      markScrollers();
    });
  }
  // Once the fonts are in (widths change with them); measuring before would force a layout.
  if (document.fonts) document.fonts.ready.then(markScrollers);
  else markScrollers();
  addEventListener("resize", markScrollersSoon);
  document.addEventListener("toggle", markScrollersSoon, true); // <details> opening
  // Formulas off screen are not laid out (content-visibility: auto), so they
  // cannot tell whether they overflow until they come near the screen.
  document.addEventListener("contentvisibilityautostatechange", function (event) {
    if (!event.skipped) markScrollersSoon();
  }, true);

  // Hover or focus on \eqref: show the equation, rendered at build time; or,
  // when it is on this page and wholly in view, mark it there (a preview would
  // only cover it, or the text beside it).
  var popover = null;
  var pointedAt = null; // the equation in view that the link is marked to
  var previewing = null; // the link the popover shows, or that marks pointedAt
  var hideTimer = 0;
  function equationOnPage(link) {
    var hash = link.getAttribute("href");
    var target = hash && hash.charAt(0) === "#" && !link.hasAttribute("data-preview") ? document.getElementById(hash.slice(1)) : null;
    return target && target.closest(".equation");
  }
  function whollyInView(element) {
    var header = document.querySelector(".site-header");
    var top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    var box = element.getBoundingClientRect();
    return box.top >= top && box.bottom <= innerHeight;
  }
  function previewFor(link) {
    var key = link.getAttribute("data-preview");
    if (key) {
      var pre = document.querySelector('[data-preview-for="' + CSS.escape(key) + '"]');
      if (!pre) return null;
      var copy = pre.cloneNode(true);
      var title = document.createElement("p");
      title.className = "equation-popover-title";
      title.textContent = pre.getAttribute("data-paper");
      copy.appendChild(title);
      return copy;
    }
    var block = equationOnPage(link);
    if (!block) return null;
    var clone = block.cloneNode(true);
    var row = referencedRow(link);
    clone.removeAttribute("id");
    clone.querySelectorAll("[id]").forEach(function (n) {
      if (row && n.id === row.id) n.classList.add(REFERENCED_ROW);
      n.removeAttribute("id");
    });
    // The formula only: its ¶ and TeX buttons would be read as part of it, and are no use in a tooltip.
    clone.querySelectorAll(".equation-tools").forEach(function (n) {
      n.remove();
    });
    return clone;
  }
  // The formula of an outlined equation, which describes the link (not its ¶ and TeX buttons).
  var POINTED_FORMULA_ID = "equation-pointed-at";
  function hidePreview() {
    if (popover) popover.remove();
    if (pointedAt) pointedAt.classList.remove("pointed-at");
    document.querySelectorAll("." + REFERENCED_ROW).forEach(function (n) {
      n.classList.remove(REFERENCED_ROW);
    });
    var formula = document.getElementById(POINTED_FORMULA_ID);
    if (formula) formula.removeAttribute("id");
    if (previewing) previewing.removeAttribute("aria-describedby");
    popover = pointedAt = previewing = null;
  }
  // A reference to one row of a display of several: that row's number is ringed, in view or in the popover.
  var REFERENCED_ROW = "referenced-row";
  function referencedRow(link) {
    var block = equationOnPage(link);
    var target = block && document.getElementById(link.getAttribute("href").slice(1));
    return target && target.closest(".katex-tag") ? target : null;
  }
  function showPreview(link) {
    hidePreview();
    var block = equationOnPage(link);
    if (block && whollyInView(block)) {
      block.classList.add("pointed-at");
      var row = referencedRow(link);
      if (row) row.classList.add(REFERENCED_ROW);
      var formula = block.querySelector(".katex-display");
      if (formula && !formula.id) formula.id = POINTED_FORMULA_ID;
      link.setAttribute("aria-describedby", formula && formula.id ? formula.id : block.id);
      pointedAt = block;
      previewing = link;
      return;
    }
    var content = previewFor(link);
    if (!content) return;
    popover = document.createElement("div");
    popover.className = "equation-popover";
    popover.setAttribute("role", "tooltip");
    popover.id = "equation-popover";
    popover.appendChild(content);
    document.body.appendChild(popover);
    link.setAttribute("aria-describedby", popover.id);
    previewing = link;
    var box = link.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(box.left + scrollX, scrollX + document.documentElement.clientWidth - width - 8));
    var below = box.bottom + scrollY + 6;
    var above = box.top + scrollY - popover.offsetHeight - 6;
    popover.style.left = left + "px";
    popover.style.top = (box.bottom + popover.offsetHeight + 12 > innerHeight && above > scrollY ? above : below) + "px";
  }
  function refAt(element) {
    return element && element.closest ? element.closest("a.eqref, .katex a[href*='#eq-']") : null;
  }
  // The pointer may move from the link onto the preview (to scroll a wide
  // formula, or select it) and back: it hides only once the pointer has left both.
  document.addEventListener("mouseover", function (event) {
    var link = refAt(event.target);
    if (link || (popover && popover.contains(event.target))) clearTimeout(hideTimer);
    if (link && link !== previewing) showPreview(link);
  });
  document.addEventListener("mouseout", function (event) {
    if (!refAt(event.target) && !(popover && popover.contains(event.target))) return;
    var to = event.relatedTarget;
    if (to && ((popover && popover.contains(to)) || refAt(to) === previewing)) return;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hidePreview, 250);
  });
  document.addEventListener("focusin", function (event) {
    var link = refAt(event.target);
    link ? showPreview(link) : hidePreview();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hidePreview();
  });
  // Followed, the link has done its job: on a touch screen the preview would
  // otherwise stay (the link keeps focus) over the equation just reached.
  document.addEventListener("click", function (event) {
    if (refAt(event.target)) hidePreview();
  });

  // Back from a link followed from the keyboard within the page (an \eqref, a
  // contents entry) brings back the scroll position, but not the keyboard: the
  // next Tab started from the top. The link is noted on the history entry it
  // left, by its href and which of the links with that href it is (links come
  // and go: search results, a landing notice's suggestions).
  function linksTo(href) {
    return Array.prototype.filter.call(document.links, function (link) {
      return link.getAttribute("href") === href;
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (!link.hash || link.origin !== location.origin || link.pathname !== location.pathname || link.search !== location.search) return;
    // Followed with a pointer, nothing is noted (focused on Back, the link would open its preview unasked).
    var followed = link.matches(":focus-visible") ? { href: link.getAttribute("href"), nth: linksTo(link.getAttribute("href")).indexOf(link) } : undefined;
    history.replaceState(Object.assign({}, history.state, { papernotesFollowed: followed }), "");
  });
  addEventListener("popstate", function (event) {
    var followed = event.state && event.state.papernotesFollowed;
    var link = followed && linksTo(followed.href)[followed.nth];
    if (link && (document.activeElement === document.body || !document.activeElement)) link.focus({ preventScroll: true });
  });

  // A link to an anchor this page lacks lands at the top without a word. One
  // written another way (#eq:loss as in LaTeX, #EQ-LOSS, #(4), #4 or
  // #equation-4 for the fourth equation, #eq-loss?utm_source=chat as a chat
  // app may add a query after it) is led to the anchor it means; for any other,
  // the page says that it has none, and names the anchors (up to 3) that hold
  // its words or, failing those, whose words it holds (#eq-loss-v2 for #eq-loss).
  var landingNotice = null;
  function anchorKey(text) {
    return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").replace(/^eq(?:uation)?-/, "");
  }
  function pageAnchors() {
    var anchors = [];
    document.querySelectorAll(".equation").forEach(function (block) {
      var numbers = (block.getAttribute("data-equation") || "").split(", ");
      block.querySelectorAll("a.equation-link").forEach(function (link, i) {
        anchors.push({ id: link.getAttribute("href").slice(1), number: numbers[i] });
      });
    });
    document.querySelectorAll(".prose h2[id], .prose h3[id], .prose h4[id]").forEach(function (heading) {
      anchors.push({ id: heading.id, heading: heading.textContent });
    });
    return anchors;
  }
  function checkLanding() {
    if (landingNotice) landingNotice.remove();
    landingNotice = null;
    var wanted = location.hash.slice(1);
    try {
      wanted = decodeURIComponent(wanted);
    } catch (e) {}
    // Atop the paper's header, in line with its title (not across the contents beside it, nor in a grid row of its own).
    var header = document.querySelector(".paper-header");
    if (!wanted || document.getElementById(wanted) || !header || !document.querySelector(".prose")) return;
    var query = wanted.indexOf("?");
    if (query > 0) wanted = wanted.slice(0, query);
    if (document.getElementById(wanted)) return location.replace("#" + wanted);
    var key = anchorKey(wanted);
    var anchors = pageAnchors();
    var meant = anchors.filter(function (a) {
      return anchorKey(a.id) === key || (a.number && a.number === key);
    })[0];
    if (meant) return location.replace("#" + meant.id); // no new history entry; :target follows
    var holding = key ? anchors.filter(function (a) { return anchorKey(a.id).indexOf(key) >= 0; }) : [];
    var held = anchors.filter(function (a) {
      var words = anchorKey(a.id);
      return words.length >= 2 && key.indexOf(words) >= 0;
    });
    var near = holding.length > 0 ? holding : held;
    landingNotice = document.createElement("p");
    landingNotice.className = "landing-notice";
    landingNotice.textContent = zh ? "此页没有锚点 #" + wanted + "：链接所指的标签可能已改名或删除。" : "This page has no #" + wanted + ": the label the link names may have been renamed or removed.";
    if (near.length > 0 && near.length <= 3) {
      landingNotice.append(zh ? " 是不是 " : " Did you mean ");
      near.forEach(function (anchor, i) {
        var suggestion = document.createElement("a");
        suggestion.href = "#" + anchor.id;
        suggestion.textContent = anchor.number ? "(" + anchor.number + ")" : anchor.heading;
        if (i > 0) landingNotice.append(i < near.length - 1 ? (zh ? "、" : ", ") : zh ? "或" : " or ");
        landingNotice.append(suggestion);
      });
      landingNotice.append(zh ? "？" : "?");
    }
    header.prepend(landingNotice);
    // Said through the page's status region: one made with its words already in is most often not read out.
    announce(landingNotice.textContent);
  }
  addEventListener("hashchange", checkLanding);
  checkLanding();

  // This script arrives on the reader's first interaction (LOADER_SCRIPT in
  // src/lib/csp.ts). Replay what the loader held back, then catch up with
  // where the reader already is: in the search box, or on an \eqref.
  var held = document.papernotesPending ? document.papernotesPending() : [];
  delete document.papernotesPending; // handed over once; also tells tests this script ran
  held.forEach(function (click) {
    // Where it was: a row's number is found by its place (rowNumberAt).
    click.target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window, clientX: click.clientX, clientY: click.clientY, screenX: click.screenX, screenY: click.screenY }));
  });
  if (searchInput && document.activeElement === searchInput) loadSearch();
  // Focus from the keyboard, or a mouse's hover: a tap that followed the link
  // (and brought this script) leaves it focused and "hovered" too.
  var hovered = matchMedia("(hover: hover)").matches ? document.querySelectorAll(":hover") : [];
  var onRef = (document.activeElement.matches(":focus-visible") && refAt(document.activeElement)) || refAt(hovered[hovered.length - 1]);
  if (onRef) showPreview(onRef);
})();
