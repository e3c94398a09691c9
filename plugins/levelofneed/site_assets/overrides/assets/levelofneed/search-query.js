/* Level of Need search query: a practitioner's words → clauses, as search/query.py reads them.
 *
 * Each clause is a set of alternative phrases (lists of stems): the guidance's synonym groups
 * ("DV" finds domestic abuse), an ambiguous word's sense beside its context words ("cutting"
 * and FGM), joined and split words ("selfharm", "pre birth"), misspellings ("negelct") and, for
 * the last word, a longer word it may be the start of. Negated words ("no marks") look for the
 * same absence first. Used by the search core (search-core.js). Pure.
 */
(function (root) {
  "use strict";

  /**
   * @typedef {{stems: string[], quality: string}} Alternative
   * @typedef {{alternatives: Alternative[], width: number, stop: boolean, excluded: string[][]}} Clause
   * @typedef {{child: number[] | null, adult: boolean, used: Record<number, boolean>}} Ages
   * @typedef {{clauses: Clause[], ages: Ages, kinds: Record<string, boolean>}} Parsed
   * @typedef {{id: number, kind: string, location: string, title: string, level: number, group: number,
   *   keywordTerms: string[][], weights: Map<string, number>, nameTerms: Set<string>, parts: Set<string>[],
   *   sequences: string[][], pairs?: Set<string>,
   *   banded: number[] | null, stated: number[] | null,
   *   keywordSets?: Set<string>[], keywordUnion?: Set<string>}} IndexRecord
   * @typedef {{record: IndexRecord, matched: number, score: number, named: number}} Found
   */

  var scope = typeof self !== "undefined" ? self : globalThis;

  /* Each synonym, as its stems, mapped to every phrase of its group, each as it is indexed. */
  /** @param {string[][]} groups @param {any} text */
  function synonymTable(groups, text) {
    /** @type {Record<string, string[][]>} */
    var table = Object.create(null);
    groups.forEach(function (group) {
      /** @type {Array<[string[], string[]]>} */
      var pairs = [];
      group.forEach(function (term) {
        var phrase = text.markedTerms(term, false);
        pairs.push([text.words(term).map(text.stem), phrase]);
        if (term.indexOf("-") >= 0) { pairs.push([text.words(term.replace(/-/g, "")).map(text.stem), phrase]); }
      });
      pairs = pairs.filter(function (pair) { return pair[0].length && pair[1].length; });
      pairs.forEach(function (pair) {
        var key = pair[0].join(" ");
        var list = table[key] || (table[key] = []);
        pairs.forEach(function (other) {
          var phrase = other[1];
          if (!list.some(function (seen) { return seen.join(" ") === phrase.join(" "); })) { list.push(phrase); }
        });
      });
    });
    return table;
  }

  /* Ambiguous words: the word's stems, the context words' stems, and the group's phrases. */
  /** @param {string[][][]} senses @param {any} text */
  function senseList(senses, text) {
    return senses.map(function (sense) {
      /** @type {Record<string, boolean>} */
      var context = Object.create(null);
      sense[1].forEach(function (term) { text.words(term).forEach(function (w) { context[text.stem(w)] = true; }); });
      return {words: sense[0].map(function (term) { return text.words(term).map(text.stem).join(" "); }),
        context: context, phrases: sense[2].map(function (term) { return text.markedTerms(term, false); })
          .filter(function (phrase) { return phrase.length; })};
    });
  }

  /* Understanding a query: its ages, then clauses, each a set of alternative phrases (lists of stems). */
  /** @param {any} index @param {any} rules @param {string} query @returns {Parsed} */
  function parse(index, rules, query) {
    var text = index.text;
    var flagged = text.flaggedWords(query);
    var ages = scope.LevelOfNeedSearchWords.queryAges(rules, flagged.map(function (/** @type {[string, boolean]} */ pair) {
      return pair[0];
    }));
    /** @type {string[]} */
    var stems = [];
    /** @type {boolean[]} */
    var negated = [];
    /** @type {boolean[]} */
    var skipped = [];
    flagged.forEach(function (/** @type {[string, boolean]} */ pair, /** @type {number} */ at) {
      if (ages.used[at]) { return; }
      stems.push(text.stem(pair[0]));
      negated.push(pair[1]);
      skipped.push(Boolean(text.stop[pair[0]] || text.negators[pair[0]]));
    });
    /** @type {Record<string, boolean>} */
    var present = Object.create(null);
    stems.forEach(function (term) { present[term] = true; });
    /** @type {Clause[]} */
    var found = [];
    var at = 0;
    while (at < stems.length) {
      var clause = synonymAt(index, rules, stems, at) || wordClause(index, stems, at, skipped[at]);
      applySenses(index, clause, stems.slice(at, at + clause.width).join(" "), present);
      if (negated[at]) { clause.alternatives = negate(clause.alternatives); }
      found.push(clause);
      at += clause.width;
    }
    var content = found.filter(function (clause) { return !clause.stop; });
    /** @type {Record<string, boolean>} */
    var kinds = Object.create(null);
    stems.forEach(function (term) { if (rules.kind_stems[term]) { kinds[rules.kind_stems[term]] = true; } });
    if (Object.keys(kinds).length && content.length > 1) {
      content = content.filter(function (clause) {
        var first = clause.alternatives.length ? clause.alternatives[0].stems : [];
        return !(first.length === 1 && clause.width === 1 && rules.kind_stems[first[0]]);
      });
    }
    if (ages.adult) {
      content.push({alternatives: [{stems: rules.adult_stems, quality: "synonym"}], width: 1, stop: false,
        excluded: []});
    }
    return {clauses: content.length ? content : found, ages: ages, kinds: kinds};
  }

  /* A negated clause ("no marks") finds the same absence ("~mark") first, and the word itself weakly. */
  /** @param {Alternative[]} alternatives @returns {Alternative[]} */
  function negate(alternatives) {
    var marked = alternatives.map(function (alternative) {
      return {stems: alternative.stems.map(function (term) { return term.charAt(0) === "~" ? term : "~" + term; }),
        quality: alternative.quality};
    });
    return marked.concat(alternatives.filter(function (alternative) {
      return !alternative.stems.some(function (term) { return term.charAt(0) === "~"; });
    }).map(function (alternative) { return {stems: alternative.stems, quality: "absent"}; }));
  }

  /* An ambiguous word takes a sense's phrases beside a context word, and otherwise never counts
     on a record about that sense. */
  /** @param {any} index @param {Clause} clause @param {string} written @param {Record<string, boolean>} present */
  function applySenses(index, clause, written, present) {
    index.senses.forEach(function (/** @type {any} */ sense) {
      if (sense.words.indexOf(written) < 0) { return; }
      if (Object.keys(sense.context).some(function (term) { return present[term]; })) {
        sense.phrases.forEach(function (/** @type {string[]} */ phrase) {
          clause.alternatives.push({stems: phrase, quality: "synonym"});
        });
      } else {
        clause.excluded = clause.excluded.concat(sense.phrases);
      }
    });
  }

  /** @param {any} index @param {any} rules @param {string[]} stems @param {number} start @returns {Clause | null} */
  function synonymAt(index, rules, stems, start) {
    for (var end = Math.min(stems.length, start + 4); end > start; end -= 1) {
      var written = stems.slice(start, end);
      var phrases = index.synonyms[written.join(" ")];
      if (phrases) {
        var plainWritten = written.filter(function (term) {
          return !index.text.stop[term] && !index.text.negators[term];
        });
        var alternatives = phrases.map(function (/** @type {string[]} */ phrase, /** @type {number} */ position) {
          var plain = phrase.map(function (term) { return term.charAt(0) === "~" ? term.slice(1) : term; });
          var same = plain.join(" ") === plainWritten.join(" ") || plain.join("") === plainWritten.join("");
          var quality = same ? "exact" : position === 0 ? "canonical" : "synonym";
          return {stems: phrase, quality: quality};
        });
        return {alternatives: alternatives, width: end - start, stop: false, excluded: []};
      }
    }
    return null;
  }

  /** @param {any} index @param {string[]} stems @param {number} at @param {boolean} skipped @returns {Clause} */
  function wordClause(index, stems, at, skipped) {
    var word = stems[at];
    var next = stems[at + 1];
    /** @type {Alternative[]} */
    var alternatives = [{stems: [word], quality: "exact"}];
    if (next && index.known[word + next]) {
      alternatives.push({stems: [word + next], quality: "joined"});
      alternatives.push({stems: [word, next], quality: "exact"});
      return {alternatives: alternatives, width: 2, stop: false, excluded: []};
    }
    if (!index.known[word]) {
      alternatives = alternatives.concat(split(index, word), fuzzy(index, word),
        prefix(index, word, at === stems.length - 1));
    }
    return {alternatives: alternatives, width: 1, stop: skipped, excluded: []};
  }

  /* "selfharm" → "self harm", when both halves are words the guidance uses. */
  /** @param {any} index @param {string} word @returns {Alternative[]} */
  function split(index, word) {
    var found = [];
    for (var cut = 3; cut <= word.length - 3; cut += 1) {
      var head = word.slice(0, cut);
      var tail = index.text.stem(word.slice(cut));
      if (index.known[head] && index.known[tail]) { found.push({stems: [head, tail], quality: "joined"}); }
    }
    return found;
  }
  /* Words one edit away (two for long words): "negelct" → "neglect". As query.py's Spelling:
     a word one edit from another shares all but three of its letter pairs at most, so only
     words sharing enough pairs are compared letter by letter. */
  /** @param {any} index @param {string} word @returns {Alternative[]} */
  function fuzzy(index, word) {
    if (word.length < 4) { return []; }
    var limit = word.length >= 8 ? 2 : 1;
    /** @type {string[]} */
    var candidates;
    if (word.length - 1 - 3 * limit <= 0) {
      candidates = index.vocabulary.filter(function (/** @type {string} */ term) {
        return Math.abs(term.length - word.length) <= limit;
      });
    } else {
      var shared = sharedPairs(index, word);
      candidates = Object.keys(shared).filter(function (term) {
        return Math.abs(term.length - word.length) <= limit &&
          shared[term] >= Math.max(term.length, word.length) - 1 - 3 * limit;
      });
    }
    return candidates.filter(function (term) { return distance(word, term, limit) <= limit; }).sort()
      .map(function (term) { return {stems: [term], quality: "fuzzy"}; });
  }

  /** @param {string} word */
  function pairsOf(word) {
    /** @type {Record<string, number>} */
    var counts = Object.create(null);
    for (var i = 0; i < word.length - 1; i += 1) {
      var pair = word.slice(i, i + 2);
      counts[pair] = (counts[pair] || 0) + 1;
    }
    return counts;
  }

  /* Letter pair → the words holding it, with how often: made once, when the index is set up. */
  /** @param {string[]} vocabulary */
  function pairTable(vocabulary) {
    /** @type {Record<string, Array<[string, number]>>} */
    var table = Object.create(null);
    vocabulary.forEach(function (term) {
      var counts = pairsOf(term);
      Object.keys(counts).forEach(function (pair) {
        (table[pair] || (table[pair] = [])).push([term, counts[pair]]);
      });
    });
    return table;
  }

  /** @param {any} index @param {string} word */
  function sharedPairs(index, word) {
    /** @type {Record<string, number>} */
    var shared = Object.create(null);
    var counts = pairsOf(word);
    Object.keys(counts).forEach(function (pair) {
      (index.pairs[pair] || []).forEach(function (/** @type {[string, number]} */ entry) {
        shared[entry[0]] = (shared[entry[0]] || 0) + Math.min(counts[pair], entry[1]);
      });
    });
    return shared;
  }

  /* The last word may still be being typed; only words of four letters or more grow by prefix. */
  /** @param {any} index @param {string} word @param {boolean} last @returns {Alternative[]} */
  function prefix(index, word, last) {
    if (!last || word.length < 4) { return []; }
    return index.vocabulary.filter(function (/** @type {string} */ term) {
      return term.length > word.length && term.indexOf(word) === 0;
    }).sort().slice(0, 20).map(function (/** @type {string} */ term) { return {stems: [term], quality: "prefix"}; });
  }

  /* Optimal string alignment distance, giving up above ``limit``. */
  /** @param {string} a @param {string} b @param {number} limit */
  function distance(a, b, limit) {
    /** @type {number[][]} */
    var rows = [];
    for (var i = 0; i <= a.length; i += 1) {
      rows.push([i]);
      var best = i;
      for (var j = 1; j <= b.length; j += 1) {
        if (i === 0) { rows[0].push(j); continue; }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, rows[i - 2][j - 2] + 1);
        }
        rows[i].push(value);
        best = Math.min(best, value);
      }
      if (i > 0 && best > limit) { return limit + 1; }
    }
    return rows[a.length][b.length];
  }

  root.LevelOfNeedSearchQuery = {parse: parse, synonymTable: synonymTable, senseList: senseList,
    pairTable: pairTable};
}(typeof self !== "undefined" ? self : this));
