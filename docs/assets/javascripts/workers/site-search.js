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
 *   (scripts/statuscodes/search.py), so it is not just "content" and "range"; a constant pasted
 *   with its type ("HttpStatusCode.Redirect") is looked up by its name among the constants.
 * - A code number in the query puts that code first; a number prefix ("40") lists the codes it
 *   begins, in numeric order, first; then come the pages whose title, or one of whose other
 *   names, holds every word of a query of two or more words ("client closed request" is 499's
 *   reason phrase, "moved temporarily" 302's old one).
 * - What readers paste from their tools (an error message, a log line, a JSON body) is cleaned
 *   before Material parses it: quotes and lunr's operators (+ - : ~ ^ *) are taken as text, so a
 *   quoted word is not made required and "client: 10.0.0.1" is not a field; and noise is dropped
 *   (URLs, paths, IP addresses, host names, timestamps, numbers that are not status codes).
 *   Such a query of four words or more is ranked by the words it shares with each page, each
 *   word weighted by how few pages hold it, so the page with the most distinctive words comes
 *   first and common words ("request", "error") do not decide; a code named in it counts as such
 *   a word for its own page.
 * - Korean as typed in the wild: misspelled loanwords and English words written in Hangul are
 *   rewritten from the index's spellings list (data/search/words.yaml), and a Hangul word
 *   that matches nothing is split into the index's words ("파일업로드용량초과").
 * Everything else (index, ranking by field boosts, grouping, highlighting) is Material's.
 * Not minified, so that it can be read; it is loaded only when search is opened.
 */
(function () {
  "use strict";
  var material = decodeURIComponent(self.location.hash.slice(1));
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("unexpected search worker: " + material);

  var EXACT_BOOST = 4; // an exact word counts this much more than a word it is a prefix of
  var TYPO_MIN = 5; // letters a word needs before a typo is forgiven
  var PASTE_WORDS = 4; // a query of this many words (or two, beside noise) is ranked by the words each page shares
  var CODE_WEIGHT = 3; // a code named in such a query weighs as much as three words only its page holds
  var NAME_WEIGHT = 2; // a word in a page's title, names, constants or headers, against one in its text
  var MESSAGE_FIELDS = { messages: true, shared_messages: true }; // a page's tool texts (search.py)
  var STEPS = 10; // pages closer than a tenth of the query's weight keep Material's order
  var query = ""; // what the reader typed or pasted
  var paste = null; // for a long query: {codes it names, pages: each page's weight, once searched}
  var spellings = []; // [variant, spelling], longest variant first
  var noise = {}; // words that do not count when ranking a long query
  var messageWords = {}; // doc location -> each tool text's words (scripts/statuscodes/search.py)
  var toolWords = {}; // every word of the tools' texts, their codes among them (PGRST116, 23505)
  var phrases = {}; // a code page's reason phrase, lower case without spaces -> its code ("notfound" -> "404")
  var pending = false; // the reader's query has not been searched yet

  // Runs before Material's listener (registered by the import below): remember the query whose
  // results Material posts next, so they can be put in order, and clean what Material will parse.
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === 0) {
      spellings = spellingList(message.data.config.spellings);
      (message.data.config.noise || []).forEach(function (word) { noise[word] = true; });
      (message.data.docs || []).forEach(function (doc) {
        var title = /^([1-5]\d\d)\/$/.test(doc.location) && /^[1-5]\d\d ([^·]+)/.exec(doc.title || "");
        if (title) phrases[title[1].trim().toLowerCase().replace(/[\s\-]+/g, "")] = doc.location.slice(0, 3);
        if (!doc.message_words) return;
        var bag = (doc.messages ? doc.messages.split(" ") : []) // positions run on into shared_messages
          .concat(doc.shared_messages ? doc.shared_messages.split(" ") : []);
        bag.forEach(function (word) { toolWords[word] = true; });
        messageWords[doc.location] = doc.message_words.split(",").map(function (group) {
          var parts = group.split(";"); // "~0 1 2;2": positions; how many words are the text's own
          var text = parts[0].replace(/^~/, "").split(" ").map(function (n) { return bag[+n]; });
          text.shared = group.charAt(0) === "~"; // many codes show it (search.py, SHARED_BY)
          text.own = +parts[1];
          return text;
        });
      });
    }
    if (message && message.type === 2) {
      query = respell(String(message.data || "").trim());
      var cleaned = clean(query);
      message.data = cleaned.text;
      // A sentence ending in a full stop ("CSRF token mismatch.") is a tool's text, not typed words.
      var sentence = /[a-z]\.$/i.test(query) && cleaned.words.length >= 2;
      var pasted = cleaned.words.length >= PASTE_WORDS || ((cleaned.dropped || sentence) && cleaned.words.length >= 2);
      paste = pasted ? { codes: cleaned.codes, pages: null } : null;
      // A tool's own error code typed with "에러" or "error" ("PGRST116 에러", "token_not_valid
      // error"): the code says which text it is, and the noise word would put the pages named for
      // errors (500) first. Searched without the noise word.
      var typedWords = cleaned.text.split(/\s+/).filter(Boolean);
      if (!pasted && typedWords.some(errorCode)) {
        var meant = typedWords.filter(function (word) { return !noise[word.toLowerCase()]; });
        if (meant.length) message.data = meant.join(" ");
      }
      pending = true;
    }
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
    var words = [];
    var results = query_.call(this, function (q) {
      build.call(q, q);
      words = adjust(q, index);
    });
    // A word typed without spaces can make a long query too ("요청헤더크기초과"), and so can a
    // number lunr's separator splits ("400번대 오류": 400, 번대, 오류); what it names still counts.
    if (!paste && pending && words.length >= PASTE_WORDS) {
      paste = { codes: namedCodes(query).concat(namedClasses(query)), pages: null, typed: true };
    }
    // The first query of a search is the reader's (the second is Material's suggestions).
    if (paste && !paste.pages) paste.pages = coverage(index, results, words, paste.codes, paste.typed);
    pending = false;
    return results;
  };

  // Returns the query's words as searched ({term, typo, noise}), for ranking a long query.
  function adjust(q, index) {
    var added = [], words = [];
    q.clauses.forEach(function (clause) {
      if (clause.presence === lunr.Query.presence.PROHIBITED) return;
      var star = clause.wildcard & lunr.Query.wildcard.TRAILING || /\*$/.test(clause.term);
      var word = clause.term.replace(/\*$/, "");
      var said = noise[word];
      if (hangul.test(word) && lunr.ko && lunr.ko.queryStem) word = lunr.ko.queryStem(word);
      if (!word) return;
      said = said || noise[word];
      clause.term = star ? word + "*" : word;
      if (ascii.test(word) && word.length >= TYPO_MIN && !matches(index, word + "*")) {
        clause.term = word;
        clause.wildcard = lunr.Query.wildcard.NONE;
        clause.editDistance = 1;
        words.push({ term: word, typo: true, noise: said });
        return;
      }
      if (amounts[word]) clause.fields = ["text"];
      var pieces = hangul.test(word) && !matches(index, word + "*") ? segment(index, word) : [word];
      clause.term = pieces[0] + (star ? "*" : "");
      pieces.forEach(function (piece, n) {
        words.push({ term: piece, typo: false, noise: said || noise[piece] });
        if (n) added.push({ term: piece, fields: clause.fields, boost: clause.boost || 1, wildcard: lunr.Query.wildcard.TRAILING });
        if (star) added.push({ term: piece, fields: clause.fields, boost: (clause.boost || 1) * EXACT_BOOST });
      });
    });
    (query.match(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g) || []).forEach(function (name) {
      added.push({ term: name.replace(/-/g, "").toLowerCase(), boost: EXACT_BOOST });
    });

    added.forEach(function (clause) {
      q.clause(Object.assign({ usePipeline: false, wildcard: lunr.Query.wildcard.NONE,
                               presence: lunr.Query.presence.OPTIONAL }, clause));
    });
    return words;
  }

  // A Hangul word the index does not know, typed without spaces ("파일업로드용량초과"), as the
  // index's words it is made of, longest first from the left; what is left over stays a prefix.
  function segment(index, word) {
    var known = function (piece) { return Object.prototype.hasOwnProperty.call(index.invertedIndex, piece); };
    var pieces = [], start = 0;
    while (start < word.length) {
      var end = word.length;
      while (end > start + 1 && !known(word.slice(start, end))) end--;
      var piece = word.slice(start, end);
      // A leftover the index does not hold keeps its stem ("큼" of "너무큼"); a lone syllable
      // between two words is a particle ("헤더가너무" -> 헤더, 너무) and goes.
      if (!known(piece) && lunr.ko && lunr.ko.queryStem) piece = lunr.ko.queryStem(piece) || piece;
      if (known(piece) || piece.length > 1 || end === word.length) pieces.push(piece);
      start = end;
    }
    return pieces.length > 1 ? pieces : [word];
  }

  // --- What readers paste ------------------------------------------------------------------------

  // Words and separators to take out of a pasted text before lunr parses it. A token is what
  // lies between spaces and the characters that only frame text in messages and JSON.
  var FRAME = /[\s"'`{}\[\](),;=<>|]+/;
  var URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
  var IP = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/;
  var HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?$/; // lower case only: HTTPStatus.OK is a name
  var DIGITS = /^[\d.:+#*_\-]+$/;
  var CODE = /^[1-5]\d\d$/;
  // A unit right after a number makes it an amount, not a status: "100초 넘게", "200개", "300명".
  // Not a particle ("404가"), 번대 ("400번대": the 4xx codes) or a word that starts
  // like a unit: 초과 (exceeds), 분석, 원인, 회원, 배포; and not 일, which is also "일 때" (when it is).
  var UNIT = /^(?:초(?!과|기)|분(?!석|기|리|산)|시간|밀리초|개|건|명|원(?!인|본|래)|바이트|킬로바이트|메가바이트|글자|줄|회(?!원|사|신)|년|배(?!포)|퍼센트)/;
  // In English the unit is a word of its own: "100 seconds", "200 requests", "500 ms".
  var UNIT_EN = /^\s+(?:seconds?|secs?|ms|milliseconds?|minutes?|mins?|hours?|bytes?|kb|mb|gb|requests?|reqs?|times|rows|items|users|records|percent)\b/i;
  var CLASS_SUFFIX = /^\s?번대/; // "400번대": the 400s, the class, not the code 400

  // Whether three digits followed by `rest` name a status code: not an amount, not a class.
  function namesCode(rest) {
    return !UNIT.test(rest) && !UNIT_EN.test(rest) && !CLASS_SUFFIX.test(rest);
  }
  // A word of a tool's text with a digit or "_" in it: the tool's own code for an error
  // (PGRST116, token_not_valid, a SQLSTATE such as 23505), not a word of the language.
  function errorCode(word) {
    word = word.toLowerCase();
    return /[\d_]/.test(word) && !CODE.test(word) && toolWords[word] === true;
  }

  // {text: the query Material parses, words: its words, codes: status codes it names, in order,
  // dropped: whether noise was taken out, which says the text was pasted, not typed}.
  // A query of one or two words is left as typed (a number prefix "40", "404 에러").
  function clean(raw) {
    noteAmounts(raw);
    var tokens = raw.split(/\s+/).filter(Boolean);
    if (tokens.length < 3 && !/["{}()=:<>\\]/.test(raw)) {
      var kept = raw.replace(/(^|\s)[+\-~^*:]+/g, "$1").replace(/[~^"]/g, " ");
      return { text: kept, words: tokens, codes: [], dropped: false };
    }
    var jsonKey = /"[A-Za-z_][\w.\-]*"\s*:/g;
    var words = [], codes = [], dropped = jsonKey.test(raw); // a JSON body is pasted, not typed
    // An HTML or XML body's tags (<pre>, <Code>) are its frame, not its words; so is a doctype.
    var tags = /<[!\/]?[A-Za-z][^<>]*>/g;
    if (tags.test(raw)) { raw = raw.replace(tags, " "); dropped = true; }
    // Firefox ends a CORS refusal with the response's status. A success there (200) is not what
    // went wrong, the missing CORS header is; an error status (a preflight's 405) still counts.
    if (/CORS/.test(raw)) raw = raw.replace(/(Status code|상태 코드):\s*2\d\d\b/g, " ");
    // A failed test names the status it wanted beside the one it got: supertest's 'expected 201
    // "Created", got 409 "Conflict"', Postman's '... status code 200 but got 404', MockMvc's
    // 'Status expected:<200> but was:<401>', Jest's 'Expected: 200 Received: 422', Go's 'got 405
    // want 200'. The one wanted is not what went wrong: it and its reason phrase are taken out.
    // (chai names what it got first: 'expected 429 to equal 200'.)
    var wanted = /\bexpected\s+([1-5]\d\d)\s+to\s+(?:equal|be|eql)\s+[1-5]\d\d\b/gi;
    if (wanted.test(raw)) { raw = raw.replace(wanted, "$1"); dropped = true; }
    if (/\b(?:got|received|but (?:it )?was)\W{0,3}[1-5]\d\d\b/i.test(raw)) {
      wanted = /\b(?:expected|want(?:ed)?)\b[^\d\n]{0,45}?[1-5]\d\d\b>?(?:\s*"[^"]*")?/gi;
      if (wanted.test(raw)) { raw = raw.replace(wanted, " "); dropped = true; }
    }
    // A reason phrase in parentheses names its code as a number would: kubectl prints the
    // apiserver's reason so ("Error from server (Conflict)", "(NotFound)", "(Forbidden)").
    raw.replace(/\(([A-Za-z][A-Za-z \-]{2,40})\)/g, function (all, phrase) {
      var code = phrases[phrase.toLowerCase().replace(/[\s\-]+/g, "")];
      if (code && codes.indexOf(code) < 0) codes.push(code);
    });
    raw.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
      .replace(/\(\d+:/g, " ") // an errno in a log line: "(111: Connection refused)"
      // A JSON body's keys name the API's fields ("email", "detail"), not the error: its values say it.
      .replace(jsonKey, " ")
      .split(FRAME).forEach(function (token) {
        if (!token) return;
        if (URL_LIKE.test(token) || /^~?\//.test(token) || IP.test(token) || HOST.test(token)) { dropped = true; return; }
        // Three or more numbers joined by slashes are a log line's timers or counters
        // (HAProxy's "3183/-1/-1/-1/11215" and "205/202/202/115/3"), not status codes.
        if (/^-?\d+(\/-?\d+){2,}$/.test(token)) { dropped = true; return; }
        // What a name is qualified with says nothing of what it names: net::ERR_TOO_MANY_REDIRECTS
        // (Chrome), Rack::Utils::..., http::StatusCode::NOT_FOUND. ("net" matched 511's "network".)
        token = token.split("::").pop() || token;
        token.split(/[:\/\\]+/).forEach(function (part) { // PHP namespaces too: Symfony\Component
          part = part.replace(/^[.\-*+#~^!?]+|[.\-*+#~^!?]+$/g, "");
          // So is a Java or .NET namespace: Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException
          // is a BadHttpRequestException ("Microsoft" matched IIS's vendor codes). Two parts stay
          // (HttpStatus.NOT_FOUND, deployments.apps).
          if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*){2,}$/.test(part)) part = part.split(".").pop();
          if (!part) return;
          // IIS names its cases by substatus ("HTTP Error 502.5", "500.19"): the status is before the dot.
          var code = part.match(/^([1-5]\d\d)(?=$|[^\x00-\x7f]|\.\d{1,2}$)/);
          if (code && (amounts[code[1]] || !namesCode(part.slice(3)))) code = null; // the unit may be the next word
          if (code && codes.indexOf(code[1]) < 0) codes.push(code[1]);
          // Other numbers are a log line's times, ports and sizes, unless a tool's text holds one.
          if (DIGITS.test(part) && !CODE.test(part) && !errorCode(part)) { dropped = true; return; }
          words.push(part);
        });
      });
    return { text: words.join(" "), words: words, codes: codes, dropped: dropped };
  }

  function spellingList(map) {
    return Object.keys(map || {}).sort(function (a, b) { return b.length - a.length; })
      .map(function (variant) { return [variant, map[variant]]; });
  }

  // Misspelled loanwords and English words typed in Hangul, as the pages write them.
  function respell(text) {
    if (!hangul.test(text)) return text;
    spellings.forEach(function (pair) {
      text = text.split(pair[0]).join(" " + pair[1] + " ");
    });
    return text.replace(/\s+/g, " ").trim();
  }

  // For each page among the results: the weight of the query words that one of its sections
  // holds together with the page's own entry (title, names, summary), each word weighing
  // log(1 + pages / pages holding it), squared; the page of a code the query names adds the weight of three
  // words only it holds. One section, not the whole page, so that a long guide, which holds a
  // little of everything, does not outweigh the code page that holds the pasted text.
  function coverage(index, results, words, codes, typed) {
    var total = pageCount(index);
    words = words.filter(function (word) { return !word.noise; });
    var held = {}; // doc -> {word: true}
    var holders = {}; // word -> {page: true}
    var inMessages = {}; // doc -> the words it holds only among its tools' texts
    results.forEach(function (result) {
      var page = result.ref.split("#")[0];
      var metadata = result.matchData.metadata;
      var mine = held[result.ref] = {};
      var only = inMessages[result.ref] = {};
      words.forEach(function (word) {
        Object.keys(metadata).forEach(function (key) {
          if (!(word.typo ? near(key, word.term) : key.indexOf(word.term) === 0)) return;
          (holders[word.term] = holders[word.term] || {})[page] = true;
          var fields = Object.keys(metadata[key]);
          if (messageWords[result.ref] && fields.every(function (field) { return MESSAGE_FIELDS[field]; })) {
            only[word.term] = word;
            return;
          }
          var named = fields.some(function (field) { return field !== "text"; });
          mine[word.term] = Math.max(mine[word.term] || 0, named ? NAME_WEIGHT : 1);
        });
      });
    });
    var weight = function (term) {
      var n = term === null ? 1 : Object.keys(holders[term] || {}).length; // null: a word one page holds
      var idf = n ? Math.log(1 + total / n) : 0; // a word no page holds tells nothing
      return idf * idf; // squared: a word few pages hold outweighs several that many hold
    };
    // Of the words a doc holds only among its tools' texts, those of the one text that holds the
    // most of the query count: a page does not gather a pasted line from pieces of several. A
    // text that holds every word of a pasted query is the paste itself: its page gains the
    // weight of a word only it holds ("Missing Authentication Token" is API Gateway's 403, not
    // 401's), unless many codes show that text (a CORS error): then the guide that explains it
    // does. A long *typed* query ("Accept-Patch" as words) is no text's copy.
    var whole = {};
    var holds = function (text, word) {
      return text.some(function (w) { return word.typo ? near(w, word.term) : w.indexOf(word.term) === 0; });
    };
    Object.keys(inMessages).forEach(function (ref) {
      var best = [], bestSum = 0, bestWeight = NAME_WEIGHT;
      messageWords[ref] && messageWords[ref].forEach(function (text) {
        var terms = Object.keys(inMessages[ref]).filter(function (term) {
          return !held[ref][term] && holds(text, inMessages[ref][term]);
        });
        var each = text.shared ? 1 : NAME_WEIGHT; // a text many codes show: as weak as body text
        var sum = each * terms.reduce(function (sum, term) { return sum + weight(term); }, 0);
        if (sum > bestSum) { best = terms; bestSum = sum; bestWeight = each; }
        if (!typed && !text.shared && words.length && words.every(function (word) { return holds(text, word); })) {
          // By how much of the text the paste fills: "Cannot GET /x" is all of Express's
          // "Cannot ‹method› ‹path›", and only a part of a longer text that also holds "cannot".
          whole[ref] = Math.max(whole[ref] || 0, Math.min(1, words.length / text.own));
        }
      });
      best.forEach(function (term) { held[ref][term] = bestWeight; });
    });
    var weights = {};
    Object.keys(held).forEach(function (ref) {
      var page = ref.split("#")[0];
      var terms = Object.assign({}, held[ref]);
      Object.keys(held[page] || {}).forEach(function (term) { terms[term] = Math.max(terms[term] || 0, held[page][term]); });
      var sum = Object.keys(terms).reduce(function (sum, term) { return sum + terms[term] * weight(term); }, 0);
      if (codes.indexOf(page.replace(/\/$/, "")) >= 0) sum += CODE_WEIGHT * weight(null);
      if (whole[ref]) sum += whole[ref] * weight(null);
      weights[page] = Math.max(weights[page] || 0, sum);
    });
    var all = {};
    words.forEach(function (word) { all[word.term] = weight(word.term); });
    var sum = Object.keys(all).reduce(function (sum, term) { return sum + all[term]; }, 0);
    return { weights: weights, total: NAME_WEIGHT * sum + (codes.length ? CODE_WEIGHT * weight(null) : 0) };
  }

  var pageTotal = 0;
  function pageCount(index) {
    if (!pageTotal) {
      var seen = {};
      Object.keys(index.fieldVectors).forEach(function (key) { seen[key.slice(key.indexOf("/") + 1).split("#")[0]] = true; });
      pageTotal = Object.keys(seen).length;
    }
    return pageTotal;
  }

  // One letter changed, added or dropped (lunr's editDistance 1 for a typo clause).
  function near(key, word) {
    if (Math.abs(key.length - word.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < key.length && j < word.length) {
      if (key[i] === word[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (key.length > word.length) i++;
      else if (key.length < word.length) j++;
      else { i++; j++; }
    }
    return edits + (key.length - i) + (word.length - j) <= 1;
  }

  function matches(index, term) {
    return lunr.TokenSet.fromString(term).intersect(index.tokenSet).toArray().length > 0;
  }

  // The numbers of a query's amounts ("100초 넘게", "200개"), filled by clean(): lunr's separator
  // (mkdocs.yml) splits "100초" into 100 and 초, and 100 would weigh as the title of 100 Continue,
  // so adjust() searches such a number in pages' text only (524's "100초").
  var amounts = {};

  function noteAmounts(text) {
    amounts = {};
    var number = /(^|[^\d.])([1-5]\d\d)(?![\d.])/g, match;
    while ((match = number.exec(text))) {
      var rest = text.slice(match.index + match[0].length);
      if (UNIT.test(rest) || UNIT_EN.test(rest)) amounts[match[2]] = true;
    }
  }

  // The status codes a typed text names, in order: three digits alone, or with a particle;
  // not an amount, and not "400번대", which names the class (namedClasses).
  function namedCodes(text) {
    var found = [], number = /\b[1-5]\d\d\b/g, match;
    while ((match = number.exec(text))) {
      if (namesCode(text.slice(match.index + 3))) found.push(match[0]);
    }
    return found;
  }

  // The classes a typed text names: "4xx", or "400번대" as Korean readers write the 400s.
  function namedClasses(text) {
    var found = [], pattern = /\b([1-5])xx\b|\b([1-5])00(?=\s?번대)/gi, match;
    while ((match = pattern.exec(text))) found.push((match[1] || match[2]) + "xx");
    return found;
  }

  // A code named in full goes first; for a bare number prefix, the code pages it begins come
  // first, lowest first; then pages whose title holds every word; the rest stay as ranked.
  function numbersFirst(typed, groups) {
    groups = constantsFirst(typed, groups);
    if (paste && paste.pages) return byCoverage(groups, paste.pages);
    var named = namedCodes(typed).concat(namedClasses(typed)).map(function (n) { return n + "/"; });
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

  // A constant pasted with its type (HttpStatusCode.Redirect, Response::HTTP_NOT_FOUND): the
  // pages that hold its name, whole, among their constants come first. The index holds names
  // without their types (scripts/statuscodes/search.py), and lunr's cosine scoring cannot be
  // told to weigh one field's exact match above a title's prefix match.
  function constantsFirst(typed, groups) {
    var names = (typed.match(/[A-Za-z_]\w*(?:\.|::|\\)[A-Za-z_]\w*/g) || []).map(function (constant) {
      return constant.split(/\.|::|\\/).pop().toLowerCase();
    });
    if (!names.length) return groups;
    var holders = [], rest = [];
    groups.forEach(function (group) {
      var held = group.some(function (doc) {
        var tokens = String(doc.constants || "").replace(/<[^>]+>/g, "").toLowerCase().split(/\s+/);
        return names.some(function (name) { return tokens.indexOf(name) >= 0; });
      });
      (held ? holders : rest).push(group);
    });
    return holders.concat(rest);
  }

  // A long query: pages by the weight of the words they hold, in steps of a tenth of the
  // query's weight (closer than that, Material's order, with its field boosts, stands).
  function byCoverage(groups, found) {
    var step = found.total / STEPS || 1;
    return groups.map(function (group, n) {
      var page = group[0].location.split("#")[0];
      return { group: group, n: n, weight: Math.round((found.weights[page] || 0) / step) };
    }).sort(function (a, b) { return b.weight - a.weight || a.n - b.n; })
      .map(function (item) { return item.group; });
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
