// Search the site with Pagefind. The build writes Pagefind's index and scripts into pagefind/ at
// the site's root; this script adds a search button and dialog to every page, loads the index
// only once search is opened, and highlights the searched words on the page a result opens.
// It reads nothing but the site's own files, and needs no theme plugin: any engine that copies
// the assets and adds the script publishes the same search.
(function () {
  "use strict";

  var HIGHLIGHT = "pagefind-highlight"; // the query parameter that carries the searched words
  var MAX_PAGES = 8; // results shown: the best pages, each with its best facts
  var MAX_PARTS = 4;
  var script = document.currentScript;
  var bundle = new URL("../pagefind/", script ? script.src : location.href).href;
  var siteRoot = new URL("../", bundle).pathname; // result addresses stay inside a site served below a path
  var api = null;
  var dialog, input, status, list;
  var shown = 0; // the latest query's number, so that a slow answer never replaces a newer one

  function loadIndex() {
    if (!api) {
      var options = { baseUrl: siteRoot, highlightParam: HIGHLIGHT, excerptLength: 20 };
      api = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind
          .options(Object.assign({ basePath: bundle }, options))
          .then(function () { return Promise.all([shards(), pagefind.init()]); })
          .then(function (both) {
            var folders = both[0];
            // A large site's index comes in shards, searched as one.
            return Promise.all(folders.map(function (folder) {
              return pagefind.mergeIndex(new URL(folder, bundle).href, options);
            }));
          })
          .then(function () {
            document.documentElement.setAttribute("data-sb-search", "ready");
            return pagefind;
          });
      });
      api.catch(function () {
        api = null;
        setStatus("Search is not available: the site was published without its search index.");
      });
    }
    return api;
  }

  // The folders of the index's other shards, if it has any (site-builder-shards.json).
  function shards() {
    return fetch(bundle + "site-builder-shards.json")
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (folders) {
        return Array.isArray(folders) ? folders.filter(function (f) { return /^shard-\d+\/$/.test(f); }) : [];
      })
      .catch(function () { return []; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // An excerpt as text, with only Pagefind's <mark> kept: the text comes from the pages and is
  // shown as data, never as markup.
  function excerpt(html) {
    var out = element("span", "sb-search__excerpt");
    var body = new DOMParser().parseFromString(html || "", "text/html").body;
    body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        out.appendChild(element("mark", null, node.textContent));
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function setStatus(text) {
    if (status) status.textContent = text;
  }

  function resultItem(data) {
    var item = element("li", "sb-search__result");
    var title = (data.meta && data.meta.title) || data.url;
    var parts = (data.sub_results || []).filter(function (part) { return part.url.indexOf("#") >= 0; });
    var page = element("a", "sb-search__page", title);
    page.href = data.url;
    item.appendChild(page);
    if (!parts.length) {
      item.appendChild(excerpt(data.excerpt));
      return item;
    }
    var facts = element("ul", "sb-search__parts");
    parts.slice(0, MAX_PARTS).forEach(function (part) {
      var row = element("li");
      var link = element("a", "sb-search__link");
      link.href = part.url;
      link.appendChild(element("span", "sb-search__fact", part.title));
      link.appendChild(element("span", "sb-search__where", " · " + title));
      row.appendChild(link);
      row.appendChild(excerpt(part.excerpt));
      facts.appendChild(row);
    });
    item.appendChild(facts);
    return item;
  }

  function search(query) {
    var number = ++shown;
    if (!query.trim()) {
      list.replaceChildren();
      setStatus("");
      return;
    }
    loadIndex().then(function (pagefind) {
      return pagefind.debouncedSearch(query, {}, 120);
    }).then(function (found) {
      if (!found || number !== shown) return null;
      return Promise.all(found.results.slice(0, MAX_PAGES).map(function (r) { return r.data(); }))
        .then(function (pages) {
          if (number !== shown) return;
          list.replaceChildren.apply(list, pages.map(resultItem));
          var count = found.results.length;
          setStatus(count ? count + (count === 1 ? " page matches" : " pages match") : "Nothing matches " + query);
        });
    });
  }

  function build() {
    dialog = element("dialog", "sb-search");
    dialog.setAttribute("aria-label", "Search the fact sheets and sources");
    var form = element("form", "sb-search__form");
    form.method = "dialog";
    input = element("input", "sb-search__input");
    input.type = "search";
    input.placeholder = "Search facts and sources";
    input.setAttribute("aria-label", "Search");
    input.autocomplete = "off";
    input.spellcheck = false;
    status = element("p", "sb-search__status");
    status.setAttribute("role", "status");
    list = element("ol", "sb-search__results");
    form.appendChild(input);
    dialog.appendChild(form);
    dialog.appendChild(status);
    dialog.appendChild(list);
    document.body.appendChild(dialog);
    input.addEventListener("input", function () { search(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { // closes the dialog, keeping what was typed for the next time
        event.preventDefault();
        dialog.close();
      }
    });
    form.addEventListener("submit", function (event) {
      // The first result's first fact, where the words matched; its page only if it names no fact.
      var top = list.querySelector(".sb-search__result");
      var first = top && (top.querySelector("a.sb-search__link") || top.querySelector("a.sb-search__page"));
      event.preventDefault();
      if (first) location.href = first.href;
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click beside the box
    });
  }

  function open() {
    if (!dialog) build();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    loadIndex();
  }

  function button() {
    var control = element("button", "sb-search-button");
    control.type = "button";
    control.setAttribute("aria-label", "Search (press / or s)");
    control.setAttribute("aria-keyshortcuts", "/ s");
    control.appendChild(element("span", "sb-search-button__label", "Search"));
    control.addEventListener("click", open);
    var header = document.querySelector(".md-header__inner");
    if (header) {
      header.insertBefore(control, header.querySelector(".md-header__source"));
    } else {
      document.body.insertBefore(control, document.body.firstChild);
    }
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      event.stopPropagation();
      open();
    }
  }, true);

  function highlight() {
    if (new URLSearchParams(location.search).getAll(HIGHLIGHT).length === 0) return;
    import(bundle + "pagefind-highlight.js").then(function (module) {
      new module.default({
        highlightParam: HIGHLIGHT,
        markContext: "article",
        addStyles: false,
        markOptions: { className: "sb-search-hit", exclude: [".headerlink"] },
      });
    });
  }

  function start() {
    button();
    highlight();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
