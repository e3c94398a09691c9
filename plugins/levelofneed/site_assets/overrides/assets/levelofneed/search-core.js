/* Level of Need search core: a query in a practitioner's own words → records, best first.
 *
 * One core serves the site's search worker (search-worker.js) and the "which level?"
 * helper's picker, and runs under Node for the tests. It reads the compact index the
 * build writes (search/search_index.json), and every number and word list it uses comes
 * from that index's "rules", written by the Python that the command line's search uses
 * (levelofneed/search/site_index.py), so the two searches cannot drift apart. Pure: no
 * DOM, no network, no storage.
 *
 * What it understands: the guidance's synonym groups ("DV" finds domestic abuse), word
 * forms ("bruised" finds "bruise"), misspellings ("negelct"), joined and split words
 * ("selfharm", "pre birth"). Short words never match longer ones by prefix. A result that
 * matches every word ranks above one that matches some; among equals, higher levels of
 * need come first.
 */
(function (root) {
  "use strict";

  /**
   * @typedef {{stems: string[], quality: string}} Alternative
   * @typedef {{alternatives: Alternative[], width: number, stop: boolean}} Clause
   * @typedef {{id: number, kind: string, location: string, title: string, level: number, group: number,
   *   titleTerms: string[], keywordTerms: string[][], weights: Map<string, number>,
   *   titleSet?: Set<string>, keywordSets?: Set<string>[], keywordUnion?: Set<string>}} IndexRecord
   * @typedef {{record: IndexRecord, matched: number, score: number}} Found
   */

  /** @param {any} config the index's "levelofneed" configuration */
  function create(config) {
    var rules = config.rules;
    var STOP = setOf(rules.stop_words);
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

    /* Hyphenated words written together too; no backtracking pattern (as text.py). */
    /** @param {string} text @returns {string[]} */
    function joined(text) {
      return (normalise(text).match(/[a-z0-9-]+/g) || []).map(function (run) {
        return run.split("-").filter(Boolean);
      }).filter(function (parts) { return parts.length > 1; }).map(function (parts) { return parts.join(""); });
    }

    /** @param {string} text */
    function terms(text) {
      return words(text).concat(joined(text)).filter(function (w) { return !STOP[w]; }).map(stem);
    }

    var index = build(config, {terms: terms, words: words, stem: stem, stop: STOP});

    return {
      search: function (/** @type {string} */ query) { return query.trim() ? score(index, rules, query) : []; },
      stem: stem, terms: terms, records: index.records, levels: config.levels, groups: config.groups,
      rules: rules
    };
  }

  /* Setting up: each record's stems and their weights, term → the records holding it, and
     each term's rarity. Weights add up over the fields a stem is in, as in index.py. */
  /** @param {any} config @param {any} text */
  function build(config, text) {
    var rules = config.rules;
    /** @type {Record<string, number[]>} */
    var postings = Object.create(null);
    var titles = config.records.map(function (/** @type {any[]} */ row) { return text.terms(row[2]); });
    var average = titles.reduce(function (/** @type {number} */ sum, /** @type {string[]} */ title) {
      return sum + title.length;
    }, 0) / Math.max(1, titles.length);
    var records = config.records.map(function (/** @type {any[]} */ row, /** @type {number} */ id) {
      var keywords = row[4] ? row[4].split("|").map(stemList) : [];
      var weights = new Map();
      [titles[id], flatten(keywords), stemList(row[3])].forEach(function (found, position) {
        var weight = rules.field_weights[position] * (position === 0 ? 1 / (0.75 + 0.25 * found.length / average) : 1);
        new Set(found).forEach(function (term) {
          var before = weights.get(term);
          if (before === undefined) {
            weights.set(term, weight);
            (postings[term] || (postings[term] = [])).push(id);
          } else {
            weights.set(term, before + weight);
          }
        });
      });
      return {id: id, kind: row[0], location: row[1], title: row[2], level: row[5], group: row[6],
        titleTerms: titles[id], keywordTerms: keywords, weights: weights};
    });
    /** @type {Record<string, number>} */
    var idf = Object.create(null);
    Object.keys(postings).forEach(function (term) {
      idf[term] = Math.log(1 + records.length / postings[term].length);
    });
    var vocabulary = Object.keys(postings);
    return {records: records, postings: postings, idf: idf, vocabulary: vocabulary, pairs: pairTable(vocabulary),
      levels: config.levels, synonyms: synonymTable(config.synonyms, text), text: text};
  }

  /** @param {string[][]} lists @returns {string[]} */
  function flatten(lists) {
    return lists.reduce(function (all, list) { return all.concat(list); }, /** @type {string[]} */ ([]));
  }

  /** @param {string} stems a list of stems as the build writes it: separated by spaces */
  function stemList(stems) {
    return stems ? stems.split(" ") : [];
  }

  /* Each synonym, as its stems, mapped to every phrase of its group. */
  /** @param {string[][]} groups @param {any} text */
  function synonymTable(groups, text) {
    /** @type {Record<string, string[][]>} */
    var table = Object.create(null);
    groups.forEach(function (group) {
      var phrases = group.map(function (term) { return text.words(term).map(text.stem); })
        .filter(function (phrase) { return phrase.length; });
      phrases.forEach(function (phrase) {
        var key = phrase.join(" ");
        table[key] = (table[key] || []).concat(phrases);
      });
    });
    return table;
  }

  /* Understanding a query: clauses, each a set of alternative phrases (lists of stems). */
  /** @param {any} index @param {string} query @returns {Clause[]} */
  function clauses(index, query) {
    var stems = index.text.words(query).map(index.text.stem);
    /** @type {Clause[]} */
    var found = [];
    var at = 0;
    while (at < stems.length) {
      var taken = synonymAt(index, stems, at);
      if (taken) {
        found.push(taken.clause);
        at = taken.end;
      } else {
        found.push(wordClause(index, stems, at));
        at += found[found.length - 1].width;
      }
    }
    var content = found.filter(function (clause) { return !clause.stop; });
    return content.length ? content : found;
  }

  /** @param {any} index @param {string[]} stems @param {number} start */
  function synonymAt(index, stems, start) {
    for (var end = Math.min(stems.length, start + 4); end > start; end -= 1) {
      var written = stems.slice(start, end).join(" ");
      var phrases = index.synonyms[written];
      if (phrases) {
        var alternatives = phrases.map(function (/** @type {string[]} */ phrase, /** @type {number} */ position) {
          var quality = phrase.join(" ") === written ? "exact" : position === 0 ? "canonical" : "synonym";
          return {stems: content(index, phrase), quality: quality};
        });
        return {end: end, clause: {alternatives: alternatives, width: end - start, stop: false}};
      }
    }
    return null;
  }

  /** @param {any} index @param {string[]} phrase */
  function content(index, phrase) {
    var kept = phrase.filter(function (term) { return !index.text.stop[term]; });
    return kept.length ? kept : phrase;
  }

  /** @param {any} index @param {string[]} stems @param {number} at @returns {Clause} */
  function wordClause(index, stems, at) {
    var word = stems[at];
    var next = stems[at + 1];
    /** @type {Alternative[]} */
    var alternatives = [{stems: [word], quality: "exact"}];
    if (next && index.postings[word + next]) {
      alternatives.push({stems: [word + next], quality: "joined"});
      alternatives.push({stems: [word, next], quality: "exact"});
      return {alternatives: alternatives, width: 2, stop: false};
    }
    if (!index.postings[word]) {
      alternatives = alternatives.concat(split(index, word), fuzzy(index, word),
        prefix(index, word, at === stems.length - 1));
    }
    return {alternatives: alternatives, width: 1, stop: Boolean(index.text.stop[word])};
  }

  /* "selfharm" → "self harm", when both halves are words the guidance uses. */
  /** @param {any} index @param {string} word @returns {Alternative[]} */
  function split(index, word) {
    var found = [];
    for (var cut = 3; cut <= word.length - 3; cut += 1) {
      var head = word.slice(0, cut);
      var tail = index.text.stem(word.slice(cut));
      if (index.postings[head] && index.postings[tail]) { found.push({stems: [head, tail], quality: "joined"}); }
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

  /* Scoring: each clause counts once, by its best alternative; every clause matched ranks first. */
  /** @param {any} index @param {any} rules @param {string} query @returns {Found[]} */
  function score(index, rules, query) {
    var parsed = clauses(index, query);
    /** @type {Record<string, {matched: number, score: number}>} */
    var scores = Object.create(null);
    parsed.forEach(function (clause) {
      /** @type {Record<string, number>} */
      var best = Object.create(null);
      clause.alternatives.forEach(function (alternative) { addAlternative(index, rules, alternative, best); });
      Object.keys(best).forEach(function (id) {
        var entry = scores[id] || (scores[id] = {matched: 0, score: 0});
        entry.matched += 1;
        entry.score += best[id];
      });
    });
    return Object.keys(scores).map(function (id) {
      /** @type {IndexRecord} */
      var record = index.records[id];
      var boost = rules.kind_weights[record.kind] || 0.5;
      if (record.kind === "i") { boost *= 1 + rules.level_step * (index.levels[record.level][2] - 1); }
      if (names(record, parsed)) { boost *= record.kind === "i" ? rules.named_indicator : rules.named_page; }
      return {record: record, matched: scores[id].matched, score: scores[id].score * boost};
    }).sort(function (a, b) {
      return b.matched - a.matched || b.score - a.score || (a.record.title < b.record.title ? -1 : 1);
    });
  }

  /* Whether the query names a record: every clause in a page's title, making up at least half
     of it ("escalation"); for an indicator, exactly one of its keywords. */
  /** @param {IndexRecord} record @param {Clause[]} parsed */
  function names(record, parsed) {
    if (record.kind === "i") {
      var sets = record.keywordSets || (record.keywordSets = record.keywordTerms.map(function (keyword) {
        return new Set(keyword);
      }));
      var union = record.keywordUnion || (record.keywordUnion = new Set(flatten(record.keywordTerms)));
      if (covered(union, parsed) === null) { return false; }
      return sets.some(function (keyword) {
        var used = covered(keyword, parsed);
        return keyword.size > 0 && used !== null && used.length === keyword.size;
      });
    }
    var title = record.titleSet || (record.titleSet = new Set(record.titleTerms));
    var used = covered(title, parsed);
    return used !== null && used.length * 2 >= title.size;
  }

  /* The distinct stems of ``words`` the clauses use, or null when a clause is not among them. */
  /** @param {Set<string>} words @param {Clause[]} parsed */
  function covered(words, parsed) {
    /** @type {Record<string, boolean>} */
    var used = Object.create(null);
    var every = parsed.every(function (clause) {
      return clause.alternatives.some(function (alternative) {
        var inside = alternative.stems.every(function (term) { return words.has(term); });
        if (inside) { alternative.stems.forEach(function (term) { used[term] = true; }); }
        return inside;
      });
    });
    return every ? Object.keys(used) : null;
  }

  /* An alternative scores its stems' weights × rarity × its quality; a clause keeps its best. */
  /** @param {any} index @param {any} rules @param {Alternative} alternative @param {Record<string, number>} best */
  function addAlternative(index, rules, alternative, best) {
    var ids = index.postings[alternative.stems[0]] || [];
    var quality = rules.quality[alternative.quality];
    for (var n = 0; n < ids.length; n += 1) {
      var weights = index.records[ids[n]].weights;
      var total = 0;
      for (var i = 0; i < alternative.stems.length; i += 1) {
        var weight = weights.get(alternative.stems[i]);
        if (weight === undefined) { total = -1; break; }
        total += weight * index.idf[alternative.stems[i]];
      }
      if (total < 0) { continue; }
      total *= quality;
      if (best[ids[n]] === undefined || best[ids[n]] < total) { best[ids[n]] = total; }
    }
  }

  var api = {create: create};
  root.LevelOfNeedSearchCore = api;
}(typeof self !== "undefined" ? self : this));
