/*
 * The site's search worker: Material's own worker (its URL is this script's #fragment, set by
 * overrides/partials/lazy-search.html) plus what a status-code reference needs on the query side.
 * Material appends "*" to every query word, and lunr runs no pipeline on a word with a wildcard,
 * so whatever the index's pipeline does to page words has to be done to query words here.
 *
 * - Korean: particles and verb/adjective endings come off query words ("권한이 없어요" searches
 *   권한* 없*), with the rules of lunr.ko.min.js (lunr.ko.queryStem), which stems the pages.
 * - Every word also counts as an exact match, boosted, so "request" ranks pages with the word
 *   above pages with "requested", and "인증" ranks 401 above the certificate codes (인증서).
 * - A word of five or more letters that matches nothing is searched with one typo allowed
 *   ("unathorized" finds 401, "gatway" finds 502/504).
 * - A number prefix ("40") lists the codes it begins, in numeric order, first.
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
    if (message && message.type === 3 && /^\d{1,3}$/.test(query)) message.data.items = numericFirst(query, message.data.items);
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
      if (star) added.push({ term: word, fields: clause.fields, boost: (clause.boost || 1) * EXACT_BOOST,
                             usePipeline: false, wildcard: lunr.Query.wildcard.NONE, presence: clause.presence });
    });
    added.forEach(function (clause) { q.clause(clause); });
  }

  function matches(index, term) {
    return lunr.TokenSet.fromString(term).intersect(index.tokenSet).toArray().length > 0;
  }

  // Code pages whose number starts with the digits typed, lowest first, then the rest as ranked.
  function numericFirst(digits, groups) {
    var codes = [], rest = [];
    groups.forEach(function (group) {
      var match = /^(\d{3})\/$/.exec(group[0].location.split("#")[0]);
      (match && match[1].indexOf(digits) === 0 ? codes : rest).push(group);
    });
    codes.sort(function (a, b) { return parseInt(a[0].location, 10) - parseInt(b[0].location, 10); });
    return codes.concat(rest);
  }
})();
