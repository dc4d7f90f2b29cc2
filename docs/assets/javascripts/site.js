/* The site's own scripts, one file cached across pages (loaded with `defer` by
   overrides/main.html; it runs once the page is parsed, before Material's bundle). What must
   run before the first paint stays inline in main.html: the `js` class and the palette.
   The page's words come from its <script id="sc-ui" type="application/json"> block, in the
   page's language (data/ui.yaml). Each part below is independent and says why it exists. */
(function () {
  "use strict";

  var ui = JSON.parse(document.getElementById("sc-ui").textContent);

  lazySearch();
  startMaterialOnFirstInteraction();
  nameLandmarks();
  breakInlineCodeInTables();
  keepSectionOnLanguageSwitch();
  copyPageLink();
  copySectionLinks();
  handOffBodySearch();
  suggestNearCodes();
  focusableWideCode();

  /* Material fetches the search index and starts its search worker as soon as any page
     loads: most of a page's weight for a reader who came from a wiki link to read one code.
     This defers both until the reader opens search (focus in the search box, the "/"
     shortcut, or the mobile search toggle); until then Material's messages to the worker are
     queued. It also skips the sitemap look-ups Material makes next to every hreflang link:
     static-i18n already gives the switcher the exact page, and without navigation.instant
     nothing else reads the sitemap. When search opens, the site's search worker starts in
     place of Material's. Must run before Material's bundle (it does: the bundle waits for
     the reader's first interaction). See tests/test_budgets.py. */
  function lazySearch() {
    // Once per window: the English 404 page replaces the root 404 page's document in the same
    // window (overrides/404.html), and must not wrap what this script has wrapped already.
    var lazy = window.scLazySearch;
    if (!lazy) {
      lazy = window.scLazySearch = {};
      lazy.opened = new Promise(function (resolve) { lazy.start = resolve; });
      wrap(lazy.opened);
    }
    // Listeners belong to the document, which that swap replaces: listen on each one.
    document.addEventListener("focusin", function (event) {
      if (event.target.closest && event.target.closest(".md-search")) lazy.start();
    });
    document.addEventListener("change", function (event) {
      if (event.target.id === "__search" && event.target.checked) lazy.start();
    });

    function wrap(searchOpened) {
      var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.open = function (method, url) {
        this.scUrl = new URL(url, location.href).href;
        return open.apply(this, arguments);
      };
      XMLHttpRequest.prototype.send = function () {
        var xhr = this, args = arguments;
        if (/\/search\/search_index\.json$/.test(xhr.scUrl)) {
          searchOpened.then(function () { send.apply(xhr, args); });
          return;
        }
        if (/\/sitemap\.xml$/.test(xhr.scUrl)) return;
        return send.apply(xhr, args);
      };

      var RealWorker = window.Worker;
      window.Worker = function (url, options) {
        if (!/\/workers\/search\.[0-9a-f]+\.min\.js$/.test(new URL(url, location.href).pathname)) {
          return new RealWorker(url, options);
        }
        var proxy = new EventTarget(), queue = [], worker = null;
        proxy.postMessage = function (message) { worker ? worker.postMessage(message) : queue.push(message); };
        proxy.terminate = function () { if (worker) worker.terminate(); };
        searchOpened.then(function () {
          // The site's worker (workers/site-search.js) loads Material's, named in the
          // fragment, and adds the query-side treatment of Korean, typos and numbers.
          var material = new URL(url, location.href);
          var site = new URL("site-search.js#" + material.pathname.split("/").pop(), material);
          worker = new RealWorker(site.href, options);
          ["message", "error", "messageerror"].forEach(function (type) {
            worker.addEventListener(type, function (event) {
              proxy.dispatchEvent(type === "error" ? new Event("error") : new MessageEvent(type, { data: event.data }));
            });
          });
          queue.splice(0).forEach(function (message) { worker.postMessage(message); });
        });
        return proxy;
      };
    }
  }

  /* Material's bundle runs on the reader's first interaction, not while the page first
     renders: a reader who came from a wiki link to read one code gets the text without
     waiting for the theme's scripts, which Lighthouse counted as most of the blocking time.
     What Material draws without scripts (navigation drawer, language menu, links, palette)
     works at once; search, code copy buttons and the table of contents tracking start at the
     first pointer move, touch, key, scroll or focus. The first key is replayed once the
     bundle runs, so "/" still opens search. main.html names the bundle in a
     <script type="text/x-deferred" data-src>, which the browser does not run. */
  function startMaterialOnFirstInteraction() {
    // Material replaces the search "share" link's javascript: href when it runs; until then
    // it points at this page, so that it is a real link (Lighthouse: crawlable links).
    document.querySelectorAll('a[data-md-component="search-share"]').forEach(function (a) { a.href = location.pathname; });
    var started = false;
    var events = ["pointerdown", "pointermove", "touchstart", "keydown", "scroll", "wheel", "focusin"];
    function start(event) {
      if (started) return;
      // Browsers send a pointer move with no movement when the page moves under a still
      // cursor (headless Chromium even at random after a load): not the reader's doing.
      if (event && event.type === "pointermove" && !event.movementX && !event.movementY) return;
      started = true;
      events.forEach(function (type) { window.removeEventListener(type, start, true); });
      var target = event && event.target && event.target.closest ? event.target : null;
      var typing = target && target.closest("input, textarea, select, [contenteditable]");
      var replay = event && event.type === "keydown" && !typing ? event : null;
      // Material's search keys (/, s, f) open the search box at once, as Material would.
      if (replay && !replay.ctrlKey && !replay.metaKey && !replay.altKey && /^[/sf]$/.test(replay.key)) {
        if (openSearch()) {
          replay.preventDefault();
          replay = null;
        }
      }
      var pending = document.querySelectorAll('script[type="text/x-deferred"]');
      (function next(i) {
        if (i < pending.length) {
          var script = document.createElement("script");
          script.src = pending[i].dataset.src;
          script.onload = script.onerror = function () { next(i + 1); };
          document.body.appendChild(script);
          return;
        }
        document.dispatchEvent(new Event("sc:material"));
        if (replay) {
          (document.activeElement || document.body).dispatchEvent(new KeyboardEvent("keydown", {
            key: replay.key, code: replay.code, bubbles: true, cancelable: true,
            ctrlKey: replay.ctrlKey, metaKey: replay.metaKey, altKey: replay.altKey, shiftKey: replay.shiftKey
          }));
        }
      })(0);
    }
    events.forEach(function (type) {
      window.addEventListener(type, start, { capture: true, passive: type !== "keydown" });
    });
    // A shared search (?q=) needs Material right away.
    if (/[?&]q=/.test(location.search)) start();
  }

  /* Opens Material's search box and focuses it; false when the page has none. */
  function openSearch() {
    var toggle = document.getElementById("__search"), input = document.querySelector(".md-search__input");
    if (!toggle || !input) return false;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    input.focus();
    return true;
  }

  /* Names for two ARIA landmarks Material leaves unnamed: the search dialog and the toolbar
     it adds to every code block (several unnamed <nav>s are indistinguishable). */
  function nameLandmarks() {
    var search = document.querySelector(".md-search");
    if (search) search.setAttribute("aria-label", ui.search_label);
    document.addEventListener("sc:material", function () {
      window.document$.subscribe(function () {
        document.querySelectorAll(".md-code__nav").forEach(function (nav, i) {
          nav.setAttribute("aria-label", ui.code_tools_label + " " + (i + 1));
        });
      });
    });
  }

  /* Inline code in tables breaks only after ".", "_", "-" or "/" (error.status, not
     error.statu/s): a <wbr> after each, for the hand-written guides; generated pages get
     theirs at build time (scripts/statuscodes/pages.py, breakable). */
  function breakInlineCodeInTables() {
    document.querySelectorAll(".md-typeset :is(td, th) code").forEach(function (code) {
      if (code.children.length || !/[._\/-]\w/.test(code.textContent)) return;
      var parts = code.textContent.split(/(?<=[._\/-])(?=\w)/);
      code.textContent = "";
      parts.forEach(function (part, i) {
        if (i) code.appendChild(document.createElement("wbr"));
        code.appendChild(document.createTextNode(part));
      });
    });
  }

  /* The language switcher leads to the same page (static-i18n knows it exactly) and keeps the
     #section, so /404/#django leads to /en/404/#django. Material's own handler would instead
     look the page up in a sitemap next to each alternate link and drop the fragment. */
  function keepSectionOnLanguageSwitch() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
      if (!link) return;
      event.stopPropagation();
      if (location.hash) link.href = link.href.split("#")[0] + location.hash;
    }, true);
  }

  /* "Copy Markdown link" on a code page: [404 Not Found](this page's address), for the team
     wiki. The address is the one the reader is on, never the build's site_url: on the
     deployed site the two are the same, and a build made without SITE_URL says
     http://127.0.0.1:8000/. */
  function copyPageLink() {
    document.querySelectorAll(".sc-copy-link").forEach(function (button) {
      var label = button.textContent;
      button.addEventListener("click", function () {
        var url = location.origin + location.pathname.replace(/index\.html$/, "");
        var text = "[" + button.dataset.linkText + "](" + url + ")";
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = button.dataset.copied;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  /* A "copy link" on every section heading of a code page:
     [401 Unauthorized › Django에서 보내기](…/401/#django), in the page's language, announced
     through a live region. */
  function copySectionLinks() {
    var pageButton = document.querySelector(".sc-copy-link");
    var title = document.querySelector(".md-content h1");
    if (!pageButton || !title) return;
    var status = document.createElement("p");
    status.className = "sc-sr-only";
    status.setAttribute("aria-live", "polite");
    document.querySelector(".md-content").appendChild(status);
    function text(heading) {
      var copy = heading.cloneNode(true);
      copy.querySelectorAll(".headerlink, .sc-section-copy").forEach(function (el) { el.remove(); });
      return copy.textContent.trim();
    }
    document.querySelectorAll(".md-content h2[id]").forEach(function (heading) {
      var name = text(heading);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sc-section-copy";
      button.setAttribute("aria-label", ui.section_copy_label + ": " + name);
      button.title = ui.section_copy_label;
      button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0ZM8.2 20a4.2 4.2 0 0 1-3-7.2l2.4-2.4a1 1 0 0 1 1.4 1.4l-2.4 2.4a2.2 2.2 0 0 0 3.1 3.1l2.4-2.4a1 1 0 0 1 1.4 1.4l-2.4 2.4a4.2 4.2 0 0 1-2.9 1.3Zm7.6-6.3a1 1 0 0 1-.7-1.7l2.4-2.4a2.2 2.2 0 0 0-3.1-3.1L12 8.9a1 1 0 1 1-1.4-1.4L13 5.1a4.2 4.2 0 0 1 5.9 5.9l-2.4 2.4a1 1 0 0 1-.7.3Z"/></svg>';
      button.addEventListener("click", function () {
        var url = document.querySelector('link[rel="canonical"]').href.split("#")[0] + "#" + heading.id;
        var markdown = "[" + text(title) + " \u203a " + name + "](" + url + ")";
        navigator.clipboard.writeText(markdown).then(function () {
          button.classList.add("sc-section-copy--done");
          status.textContent = ui.section_copied + ": " + markdown;
          setTimeout(function () { button.classList.remove("sc-section-copy--done"); }, 2000);
        });
      });
      heading.appendChild(button);
    });
  }

  /* The search box in the body of the home and 404 pages: what is typed moves on into
     Material's search, which opens with it. */
  function handOffBodySearch() {
    var box = document.getElementById("sc-search-input");
    if (!box) return;
    function handOff(event) {
      if (event) event.preventDefault();
      var input = document.querySelector(".md-search__input");
      if (!input) return;
      input.value = box.value;
      box.value = "";
      openSearch();
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
    box.addEventListener("input", function () { handOff(); });
    box.form.addEventListener("submit", handOff);
  }

  /* On the 404 page, when the missing path looks like a status code (/4044/, /en/41/),
     offer the nearest codes (overrides/404.html: #sc-codes, #sc-suggest). */
  function suggestNearCodes() {
    var data = document.getElementById("sc-codes"), box = document.getElementById("sc-suggest");
    if (!data || !box) return;
    var codes = JSON.parse(data.textContent);
    var pageRoot = box.dataset.pageRoot;
    var last = location.pathname.split("/").filter(Boolean).pop() || "";
    var wanted = last.replace(/\.html?$/, "");
    if (!/^\d{1,4}$/.test(wanted)) return;
    function distance(a, b) {
      var row = [], i, j, prev, tmp;
      for (j = 0; j <= b.length; j++) row[j] = j;
      for (i = 1; i <= a.length; i++) {
        prev = row[0]; row[0] = i;
        for (j = 1; j <= b.length; j++) {
          tmp = row[j];
          row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
          prev = tmp;
        }
      }
      return row[b.length];
    }
    var near = codes.map(function (c) {
      var s = String(c[0]);
      return { c: c, d: s.indexOf(wanted) === 0 ? 0 : distance(wanted, s) };
    }).filter(function (x) { return x.d <= 1; })
      .sort(function (x, y) { return x.d - y.d || x.c[0] - y.c[0]; }).slice(0, 8);
    if (!near.length) return;
    var list = box.querySelector("ul");
    near.forEach(function (x) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = new URL(pageRoot + x.c[0] + "/", location.href).href;
      a.textContent = x.c[0] + " " + x.c[1] + (x.c[2] ? " (" + x.c[2] + ")" : "");
      li.appendChild(a); list.appendChild(li);
    });
    box.hidden = false;
  }

  /* A code block that scrolls sideways takes the keyboard focus, so it can be scrolled
     without a mouse (Material does the same when it runs). After the load and the next
     frame, when the layout is clean and reading widths costs nothing. */
  function focusableWideCode() {
    function mark() {
      requestAnimationFrame(function () {
        setTimeout(function () {
          document.querySelectorAll(".md-typeset pre > code:not([tabindex])").forEach(function (code) {
            if (code.scrollWidth > code.clientWidth) code.tabIndex = 0;
          });
        });
      });
    }
    if (document.readyState === "complete") mark();
    else window.addEventListener("load", mark);
  }
})();
