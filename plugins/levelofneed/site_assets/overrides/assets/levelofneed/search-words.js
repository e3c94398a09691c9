/* Level of Need search words: how the site's search reads text, the same as the command line.
 *
 * Normalising, the light stemmer, negation ("no signs of self-harm" marks "~sign ~self ~harm")
 * and the ages a query names ("13 year old", "year 8"), by the rules of wording.py,
 * search/text.py and search/understand.py, whose lists travel in the index's "rules". Used by
 * the search core (search-core.js) and its query reader (search-query.js). Pure: no DOM, no
 * network, no storage.
 */
(function (root) {
  "use strict";

  /** @typedef {{child: number[] | null, adult: boolean, used: Record<number, boolean>}} Ages */

  var CLAUSE_BREAK = /[.;:!?,()[\]"]/;

  /** @param {any} rules the index's rules */
  function create(rules) {
    var STOP = setOf(rules.stop_words);
    var NEGATORS = setOf(rules.negators);
    var ENDS = setOf(rules.scope_ends);
    /** @type {Record<string, string>} */
    var stems = Object.create(null);

    /** @param {string[]} values */
    function setOf(values) {
      /** @type {Record<string, boolean>} */
      var set = Object.create(null);
      values.forEach(function (value) { set[value] = true; });
      return set;
    }

    /* As wording.py: accents removed, curly apostrophes straightened, any other character
       outside ASCII read as a space, lower case, "&" read as "and". */
    /** @param {string} text */
    function normalise(text) {
      if (/[\u0080-\uffff]/.test(text)) {
        text = text.replace(/\u2019/g, "'").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
          .replace(/[\u0080-\uffff]/g, " ");
      }
      return text.toLowerCase().replace(/&/g, " and ");
    }

    /** @param {string} word */
    function stem(word) {
      var known = stems[word];
      if (known === undefined) { known = stems[word] = stemWord(word); }
      return known;
    }

    /** @param {string} word */
    function stemWord(word) {
      word = word.replace(/'s$/, "").replace(/'/g, "");
      if (word.length <= 3 || /^\d+$/.test(word)) { return word; }
      for (var i = 0; i < rules.endings.length; i += 1) {
        var ending = rules.endings[i];
        if (word.slice(-ending.length) === ending && word.length - ending.length >= 3) {
          var base = word.slice(0, -ending.length);
          return ending === "ies" || ending === "ied" ? base + "y" : base;
        }
      }
      return word;
    }

    /** @param {string} text @returns {string[]} */
    function words(text) {
      return normalise(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) || [];
    }

    /* Each word and whether it is negated: after "no", "without" … up to the end of the clause,
       a word that starts a new one, or four content words (as text.py's flagged_words). */
    /** @param {string} text @returns {Array<[string, boolean]>} */
    function flaggedWords(text) {
      /** @type {Array<[string, boolean]>} */
      var found = [];
      normalise(text).split(CLAUSE_BREAK).forEach(function (segment) {
        var scope = 0;
        words(segment).forEach(function (word) {
          if (NEGATORS[word]) {
            found.push([word, false]);
            scope = rules.scope_words;
            return;
          }
          if (ENDS[word]) { scope = 0; }
          found.push([word, scope > 0]);
          if (scope > 0 && !STOP[word]) { scope -= 1; }
        });
      });
      return found;
    }

    /* The stems a text is indexed under, in order, negated ones marked "~" (as text.py's marked_terms,
       in one pass: the words of a segment's runs are the segment's words, in order). */
    /** @param {string} text @param {boolean} withJoined @returns {string[]} */
    function markedTerms(text, withJoined) {
      /** @type {string[]} */
      var found = [];
      normalise(text).split(CLAUSE_BREAK).forEach(function (segment) {
        var scope = 0;
        (segment.match(/[a-z0-9'-]+/g) || []).forEach(function (run) {
          var first = null;
          (run.match(/[a-z0-9]+(?:'[a-z]+)?/g) || []).forEach(function (word) {
            var negated = false;
            if (NEGATORS[word]) {
              scope = rules.scope_words;
            } else {
              if (ENDS[word]) { scope = 0; }
              negated = scope > 0;
              if (scope > 0 && !STOP[word]) { scope -= 1; }
              if (!STOP[word]) { found.push(mark(stem(word), negated)); }
            }
            if (first === null) { first = negated; }
          });
          if (!withJoined || run.indexOf("-") < 0) { return; }
          var pieces = run.split("-").filter(function (piece) { return /[a-z0-9]/.test(piece); });
          var whole = pieces.join("");
          if (pieces.length > 1 && !STOP[whole]) { found.push(mark(stem(whole), first === true)); }
        });
      });
      return found;
    }

    /** @param {string} text */
    function terms(text) { return markedTerms(text, true); }


    return {terms: terms, markedTerms: markedTerms, words: words, flaggedWords: flaggedWords, stem: stem,
      stop: STOP, negators: NEGATORS};
  }

  /** @param {string} term @param {boolean} negated */
  function mark(term, negated) {
    return negated ? "~" + term : term;
  }

  /* The ages a query names, as understand.py's query_ages: "13 year old", "13yo", "aged 13",
     "year 8" at school; an age of 18 or more, or "in his thirties", is an adult. */
  /** @param {any} rules @param {string[]} words @returns {Ages} */
  function queryAges(rules, words) {
    /** @type {number[][]} */
    var found = [];
    /** @type {Ages} */
    var ages = {child: null, adult: false, used: Object.create(null)};
    var at = 0;
    while (at < words.length) {
      var read = ageAt(rules, words, at);
      if (!read) {
        ages.adult = ages.adult || ADULT_WORDS.indexOf(words[at]) >= 0;
        at += 1;
        continue;
      }
      for (var n = at; n < at + read.width; n += 1) { ages.used[n] = true; }
      if (read.span[0] >= rules.adult) { ages.adult = true; } else { found.push(read.span); }
      at += read.width;
    }
    if (found.length) {
      ages.child = [Math.min.apply(null, found.map(function (span) { return span[0]; })),
        Math.max.apply(null, found.map(function (span) { return span[1]; }))];
    }
    return ages;
  }

  var ADULT_WORDS = ["twenties", "thirties", "forties", "fifties"];
  var AGE_UNITS = ["year", "years", "yr", "yrs"];

  /** @param {any} rules @param {string[]} words @param {number} at */
  function ageAt(rules, words, at) {
    var word = words[at];
    var next = words[at + 1];
    var plain = /^(\d{1,2})(yo|yrs?)?$/.exec(word);
    if (plain && plain[2]) { return {span: [Number(plain[1]), Number(plain[1])], width: 1}; }
    if (plain && next === "yo") { return {span: [Number(word), Number(word)], width: 2}; }
    if (plain && next !== undefined && AGE_UNITS.indexOf(next) >= 0) {
      /* "13 years old" or "13 years of age"; "5 years ago" is a time, not a child of 5. */
      if (words[at + 2] === "old") { return {span: [Number(word), Number(word)], width: 3}; }
      if (words[at + 2] === "of" && words[at + 3] === "age") { return {span: [Number(word), Number(word)], width: 4}; }
      return null;
    }
    if (word === "aged" && next !== undefined && /^\d+$/.test(next)) {
      return {span: [Number(next), Number(next)], width: 2};
    }
    if (word === "year" && next !== undefined && /^\d+$/.test(next) && Number(next) >= rules.school_years[0] &&
        Number(next) <= rules.school_years[1]) {
      return {span: [Number(next) + 4, Number(next) + 5], width: 2};
    }
    return null;
  }

  root.LevelOfNeedSearchWords = {create: create, queryAges: queryAges};
}(typeof self !== "undefined" ? self : this));
