/* Level of Need search core: a query in a practitioner's own words → records, best first.
 *
 * One core serves the site's search worker (search-worker.js) and the "which level?"
 * helper's picker, and runs under Node for the tests. It reads text with search-words.js and
 * queries with search-query.js, which load before it. It reads the compact index the
 * build writes (search/search_index.json), and every number and word list it uses comes
 * from that index's "rules", written by the Python that the command line's search uses
 * (levelofneed/search/site_index.py), so the two searches cannot drift apart. Pure: no
 * DOM, no network, no storage.
 *
 * What it understands (README, "How search reads a query"): the guidance's synonym groups
 * ("DV" finds domestic abuse), word forms ("bruised" finds "bruise"), misspellings
 * ("negelct"), joined and split words ("selfharm", "pre birth"); negation ("without a
 * plan" is not "with a plan"); ages and age gaps ("13 year old … 19 year old boyfriend");
 * words with two senses ("cutting" is FGM only beside FGM's words); and pages named by
 * their title ("LADO", "hidden males briefing"). A result covering more of what the query
 * says ranks first; among equals, higher levels of need come first, and a level 1
 * indicator ("no signs of …") never comes first while a higher one matched.
 */
(function (root) {
  "use strict";

  /**
   * @typedef {{stems: string[], quality: string}} Alternative
   * @typedef {{alternatives: Alternative[], width: number, stop: boolean, excluded: string[][]}} Clause
   * @typedef {{child: number[] | null, adult: boolean, used: Record<number, boolean>}} Ages
   * @typedef {{clauses: Clause[], ages: Ages, kinds: Record<string, boolean>}} Parsed
   * @typedef {{id: number, kind: string, location: string, title: string, level: number, group: number,
   *   keywordTerms: string[][], weights: Map<string, number>, titleTerms: string[], textTerms: string,
   *   nameTerms?: Set<string>, parts?: Set<string>[], pairs?: Set<string>,
   *   banded: number[] | null, stated: number[] | null,
   *   keywordSets?: Set<string>[], keywordUnion?: Set<string>}} IndexRecord
   * @typedef {{record: IndexRecord, matched: number, score: number, named: number}} Found
   */

  var TITLE_PARTS = / [-\u2013\u2014] |: |[()]/;
  var scope = typeof self !== "undefined" ? self : globalThis;

  /** @param {any} config the index's "levelofneed" configuration */
  function create(config) {
    var rules = config.rules;
    var text = scope.LevelOfNeedSearchWords.create(rules);
    var index = build(config, text);

    return {
      search: function (/** @type {string} */ query) { return query.trim() ? score(index, rules, query) : []; },
      stem: text.stem, terms: text.terms, records: index.records, levels: config.levels, groups: config.groups,
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
        keywordTerms: keywords, weights: weights, titleTerms: titles[id], textTerms: row[3],
        banded: row[7] && row[7].length ? row[7] : null, stated: row[8] && row[8].length ? row[8] : null};
    });
    /** @type {Record<string, number>} */
    var idf = Object.create(null);
    /** @type {Record<string, boolean>} */
    var known = Object.create(null);
    Object.keys(postings).forEach(function (term) {
      idf[term] = Math.log(1 + records.length / postings[term].length);
      known[term.charAt(0) === "~" ? term.slice(1) : term] = true;
    });
    var vocabulary = Object.keys(known);
    return {records: records, postings: postings, idf: idf, known: known, vocabulary: vocabulary,
      pairs: scope.LevelOfNeedSearchQuery.pairTable(vocabulary), levels: config.levels,
      synonyms: scope.LevelOfNeedSearchQuery.synonymTable(config.synonyms, text),
      senses: scope.LevelOfNeedSearchQuery.senseList(config.senses || [], text), text: text};
  }

  /** @param {string[][]} lists @returns {string[]} */
  function flatten(lists) {
    return lists.reduce(function (all, list) { return all.concat(list); }, /** @type {string[]} */ ([]));
  }

  /** @param {string} stems a list of stems as the build writes it: separated by spaces */
  function stemList(stems) {
    return stems ? stems.split(" ") : [];
  }

  /* Scoring, as engine.py: each clause counts once, by its best alternative; a result's score is
     weighted by the share of the query's words it covers (rare words counting most), by how well
     it fits the child's age, and by whether the query names it. */
  /** @param {any} index @param {any} rules @param {string} query @returns {Found[]} */
  function score(index, rules, query) {
    var parsed = scope.LevelOfNeedSearchQuery.parse(index, rules, query);
    /** @type {Record<string, number[]>} */
    var scores = Object.create(null);
    parsed.clauses.forEach(function (clause, at) {
      /** @type {Record<string, number>} */
      var best = Object.create(null);
      clause.alternatives.forEach(function (alternative) { addAlternative(index, rules, alternative, best); });
      Object.keys(best).forEach(function (id) {
        if (about(clause.excluded, index.records[id].weights)) { best[id] = 0; }
        var entry = scores[id] || (scores[id] = parsed.clauses.map(function () { return 0; }));
        entry[at] = best[id];
      });
    });
    var ids = Object.keys(scores);
    var worth = parsed.clauses.map(function (clause, at) {
      return ids.some(function (id) { return scores[id][at] > 0; }) ? clauseWorth(index, clause) : 0;
    });
    /** @type {Found[]} */
    var found = [];
    ids.forEach(function (id) {
      var result = rank(index, rules, index.records[id], scores[id], parsed, worth);
      if (result.matched) { found.push(result); }
    });
    return reassureLast(index, namedFirst(rules, found, index.text.words(query).length <= rules.short_query));
  }

  /** @param {string[][]} phrases @param {Map<string, number>} weights */
  function about(phrases, weights) {
    return phrases.some(function (phrase) {
      return phrase.every(function (term) { return weights.has(term); });
    });
  }

  /* What a clause says: its rarest word. */
  /** @param {any} index @param {Clause} clause */
  function clauseWorth(index, clause) {
    var most = 0;
    clause.alternatives.forEach(function (alternative) {
      alternative.stems.forEach(function (term) {
        var rarity = index.idf[term] || 0;
        if (rarity > most) { most = rarity; }
      });
    });
    return most;
  }

  /** @param {any} index @param {any} rules @param {IndexRecord} record @param {number[]} scores
   *  @param {Parsed} parsed @param {number[]} worth @returns {Found} */
  function rank(index, rules, record, scores, parsed, worth) {
    var matched = 0;
    var covered = 0;
    var total = 0;
    var sum = 0;
    scores.forEach(function (value, at) {
      if (value > 0) { matched += 1; covered += worth[at]; }
      total += worth[at];
      sum += value;
    });
    var coverage = covered / Math.max(total, 1e-9);
    var boost = rules.kind_weights[record.kind] || 0.5;
    if (record.kind === "i") { boost *= 1 + rules.level_step * (index.levels[record.level][2] - 1); }
    boost = boost * Math.pow(coverage, rules.coverage_power);
    boost *= rules.age_fit[String(ageFit(record, parsed.ages.child))];
    boost *= 1 + rules.proximity * together(record, parsed.clauses, scores);
    var named = names(record, parsed.clauses, rules, index.text);
    if (named) { boost *= record.kind === "i" ? rules.named_indicator : rules.named_page; }
    var tier = 0;
    var order = rules.titled_pages.indexOf(record.kind);
    if (named > 1 && order >= 0 && (record.kind !== "g" || parsed.kinds.g)) {
      tier = (parsed.kinds[record.kind] ? rules.titled_pages.length : 0) + rules.titled_pages.length - order;
    }
    return {record: record, matched: matched, score: sum * boost, named: tier};
  }

  /* The share of the query's neighbouring clauses (both matched) whose words the record writes next to
     each other (engine.py's together). */
  /** @param {IndexRecord} record @param {Clause[]} clauses @param {number[]} scores */
  function together(record, clauses, scores) {
    if (clauses.length < 2) { return 0; }
    var pairs = record.pairs ||
      (record.pairs = wordPairs([record.titleTerms].concat(record.keywordTerms, [stemList(record.textTerms)])));
    var adjacent = 0;
    for (var at = 0; at < clauses.length - 1; at += 1) {
      if (scores[at] > 0 && scores[at + 1] > 0 && clauses[at].alternatives.some(function (first) {
        return clauses[at + 1].alternatives.some(function (second) {
          return pairs.has(first.stems[first.stems.length - 1] + " " + second.stems[0]);
        });
      })) { adjacent += 1; }
    }
    return adjacent / (clauses.length - 1);
  }

  /** @param {string[][]} sequences @returns {Set<string>} */
  function wordPairs(sequences) {
    var pairs = new Set();
    sequences.forEach(function (found) {
      for (var i = 0; i + 1 < found.length; i += 1) { pairs.add(found[i] + " " + found[i + 1]); }
    });
    return pairs;
  }

  /* +1 when an indicator states the child's age, -1 when its age bands leave it out, else 0. */
  /** @param {IndexRecord} record @param {number[] | null} child */
  function ageFit(record, child) {
    if (!child) { return 0; }
    if (record.banded && !overlap(record.banded, child)) { return -1; }
    return record.stated && overlap(record.stated, child) ? 1 : 0;
  }

  /** @param {number[]} first @param {number[]} second */
  function overlap(first, second) {
    return first[0] <= second[1] && second[0] <= first[1];
  }

  /** @param {Found} a @param {Found} b */
  function byTitle(a, b) {
    return a.record.title < b.record.title ? -1 : a.record.title > b.record.title ? 1 : 0;
  }

  /* The first pages the query clearly names (at most two), then the rest in the plain order. */
  /** @param {any} rules @param {Found[]} found @param {boolean} short @returns {Found[]} */
  function namedFirst(rules, found, short) {
    var plain = found.slice().sort(function (a, b) {
      return (short ? b.matched - a.matched : 0) || b.score - a.score || byTitle(a, b);
    });
    var named = plain.filter(function (result) { return result.named > 0; })
      .sort(function (a, b) { return b.named - a.named; }).slice(0, rules.most_named);
    return named.concat(plain.filter(function (result) { return named.indexOf(result) < 0; }));
  }

  /* A level 1 indicator is never the first indicator shown while a higher one also matched. */
  /** @param {any} index @param {Found[]} found @returns {Found[]} */
  function reassureLast(index, found) {
    /** @param {Found} result */
    function levelOf(result) { return index.levels[result.record.level][2]; }
    var indicators = [];
    for (var at = 0; at < found.length; at += 1) { if (found[at].record.kind === "i") { indicators.push(at); } }
    if (!indicators.length || levelOf(found[indicators[0]]) !== 1) { return found; }
    var higher = indicators.filter(function (position) { return levelOf(found[position]) > 1; })[0];
    if (higher === undefined) { return found; }
    var first = indicators[0];
    return found.slice(0, first).concat([found[higher]],
      found.slice(first).filter(function (result) { return result !== found[higher]; }));
  }

  /* How clearly the query names a record (engine.py's names): 0, 1 named, 2 clearly. */
  /** @param {IndexRecord} record @param {Clause[]} clauses @param {any} rules @param {any} text */
  function names(record, clauses, rules, text) {
    if (record.kind === "i") {
      var sets = record.keywordSets || (record.keywordSets = record.keywordTerms.map(function (keyword) {
        return new Set(keyword);
      }));
      var union = record.keywordUnion || (record.keywordUnion = new Set(flatten(record.keywordTerms)));
      if (covered(union, clauses) === null) { return 0; }
      return sets.some(function (keyword) {
        var used = covered(keyword, clauses);
        return keyword.size > 0 && used !== null && used.length === keyword.size;
      }) ? 1 : 0;
    }
    if (!record.nameTerms) { nameParts(record, text); }
    var whole = /** @type {Set<string>} */ (record.nameTerms);
    var used = covered(whole, clauses);
    if (used === null) { return 0; }
    var clearly = literallyIn(whole, clauses, rules) && (used.length * 2 > whole.size ||
      /** @type {Set<string>[]} */ (record.parts).some(function (part) {
        var inside = covered(part, clauses);
        return inside !== null && inside.length * 2 >= part.size;
      }));
    return clearly ? 2 : used.length * 2 >= whole.size ? 1 : 0;
  }

  /* A page's title as names are read, and its parts ("Was not brought", "LADO"): made when a query first
     needs them, as most records are indicators, which are named by their keywords instead. */
  /** @param {IndexRecord} record @param {any} text */
  function nameParts(record, text) {
    record.nameTerms = new Set(text.markedTerms(record.title, false));
    record.parts = record.title.split(TITLE_PARTS).map(function (part) {
      return text.markedTerms(part, false);
    }).filter(function (part) { return part.length; }).map(function (part) { return new Set(part); });
  }

  /** @param {Set<string>} title @param {Clause[]} clauses @param {any} rules */
  function literallyIn(title, clauses, rules) {
    return clauses.every(function (clause) {
      return clause.alternatives.some(function (alternative) {
        return rules.literal.indexOf(alternative.quality) >= 0 &&
          alternative.stems.every(function (term) { return title.has(term); });
      });
    });
  }

  /* The distinct stems of ``words`` the clauses use (every alternative that fits), or null when a
     clause is not among them. */
  /** @param {Set<string>} words @param {Clause[]} clauses */
  function covered(words, clauses) {
    /** @type {Record<string, boolean>} */
    var used = Object.create(null);
    var every = clauses.every(function (clause) {
      var any = false;
      clause.alternatives.forEach(function (alternative) {
        if (alternative.stems.every(function (term) { return words.has(term); })) {
          any = true;
          alternative.stems.forEach(function (term) { used[term] = true; });
        }
      });
      return any;
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
