/*
 * The site's search worker: Material's own worker (its URL is this script's #fragment, set by
 * site.js, lazySearch) plus what a status-code reference needs on the query side.
 * Material appends "*" to every query word, and lunr runs no pipeline on a word with a wildcard,
 * so whatever the index's pipeline does to page words has to be done to query words here.
 *
 * - Korean: particles and verb/adjective endings come off query words ("권한이 없어요" searches
 *   권한* 없*), with the rules of lunr.ko.min.js (lunr.ko.queryStem), which stems the pages.
 * - Every word also counts as an exact match, boosted, so "request" ranks pages with the word
 *   above pages with "requested", and "인증" ranks 401 above the certificate codes (인증서).
 * - A word of five or more letters that matches nothing is searched with one typo allowed
 *   ("unathorized" finds 401, "gatway" finds 502/504).
 * - A hyphenated name ("Content-Range") is also searched whole, as the index holds header names
 *   (scripts/statuscodes/search.py), so it is not just "content" and "range".
 * - A code number in the query puts that code first; a number prefix ("40") lists the codes it
 *   begins, in numeric order, first; then come the pages whose title, or one of whose other
 *   names, holds every word of a query of two or more words ("client closed request" is 499's
 *   reason phrase, "moved temporarily" 302's old one).
 * Everything else (index, ranking by field boosts, grouping, highlighting) is Material's.
 * Not minified, so that it can be read; it is loaded only when search is opened.
 */
(function () {
  "use strict";
  var material = decodeURIComponent(self.location.hash.slice(1));
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("unexpected search worker: " + material);

  var EXACT_BOOST = 4; // an exact word counts this much more than a word it is a prefix of
  var TYPO_MIN = 5; // letters a word needs before a typo is forgiven
  var query = "";

  // Runs before Material's listener (registered by the import below): remember the query whose
  // results Material posts next, so they can be put in numeric order.
  self.addEventListener("message", function (event) {
    if (event.data && event.data.type === 2) query = String(event.data.data || "").trim();
  });
  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === 3) {
      message.data.items = numbersFirst(query, message.data.items);
      // Material marks a query word "missing" when the index holds no token equal to it; after
      // stemming and typo tolerance that says nothing ("권한이" found as 권한), so drop the marks.
      message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          Object.keys(item.terms || {}).forEach(function (term) { if (!item.terms[term]) delete item.terms[term]; });
        });
      });
    }
    post(message);
  };

  importScripts(material);

  var lunr = self.lunr;
  var hangul = /[\uac00-\ud7a3]/;
  var ascii = /^[a-z]+$/;

  var query_ = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var index = this;
    return query_.call(this, function (q) {
      build.call(q, q);
      adjust(q, index);
    });
  };

  function adjust(q, index) {
    var added = [];
    q.clauses.forEach(function (clause) {
      if (clause.presence === lunr.Query.presence.PROHIBITED) return;
      var star = clause.wildcard & lunr.Query.wildcard.TRAILING || /\*$/.test(clause.term);
      var word = clause.term.replace(/\*$/, "");
      if (hangul.test(word) && lunr.ko && lunr.ko.queryStem) word = lunr.ko.queryStem(word);
      if (!word) return;
      clause.term = star ? word + "*" : word;
      if (ascii.test(word) && word.length >= TYPO_MIN && !matches(index, word + "*")) {
        clause.term = word;
        clause.wildcard = lunr.Query.wildcard.NONE;
        clause.editDistance = 1;
        return;
      }
      if (star) added.push({ term: word, fields: clause.fields, boost: (clause.boost || 1) * EXACT_BOOST });
    });
    (query.match(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g) || []).forEach(function (name) {
      added.push({ term: name.replace(/-/g, "").toLowerCase(), boost: EXACT_BOOST });
    });
    added.forEach(function (clause) {
      q.clause(Object.assign(clause, { usePipeline: false, wildcard: lunr.Query.wildcard.NONE,
                                       presence: lunr.Query.presence.OPTIONAL }));
    });
  }

  function matches(index, term) {
    return lunr.TokenSet.fromString(term).intersect(index.tokenSet).toArray().length > 0;
  }

  // A code named in full goes first; for a bare number prefix, the code pages it begins come
  // first, lowest first; then pages whose title holds every word; the rest stay as ranked.
  function numbersFirst(typed, groups) {
    var named = (typed.match(/\b[1-5]\d\d\b/g) || []).map(function (n) { return n + "/"; });
    var prefix = /^\d{1,2}$/.test(typed) ? typed : null;
    var words = typed.toLowerCase().split(/[\s\-]+/).filter(Boolean).map(function (word) {
      return hangul.test(word) && lunr.ko ? lunr.ko.queryStem(word) : word;
    });
    var first = [], titled = [], rest = [];
    groups.forEach(function (group) {
      var page = group[0].location.split("#")[0];
      if (named.indexOf(page) >= 0 || (prefix && /^\d{3}\/$/.test(page) && page.indexOf(prefix) === 0)) first.push(group);
      else if (words.length > 1 && holdsAll(group, page, words)) titled.push(group);
      else rest.push(group);
    });
    first.sort(function (a, b) { return parseInt(a[0].location, 10) - parseInt(b[0].location, 10); });
    return first.concat(titled, rest);
  }

  function holdsAll(group, page, words) {
    var article = group.filter(function (doc) { return doc.location === page; })[0];
    if (!article) return false;
    // The title, or one of the page's other names ("Moved Temporarily" for 302); a vendor's
    // other names only when the query names the vendor, so registered codes stay first.
    var vendorNamed = !article.vendor || words.indexOf(article.vendor.toLowerCase()) >= 0;
    var names = [article.title].concat(article.names && vendorNamed ? article.names.split(" · ") : []);
    return names.some(function (name) {
      var tokens = name.replace(/<[^>]+>/g, "").toLowerCase().split(/[^0-9a-z\uac00-\ud7a3]+/);
      return words.every(function (word) {
        return tokens.some(function (token) { return token.indexOf(word) === 0; });
      });
    });
  }
})();
