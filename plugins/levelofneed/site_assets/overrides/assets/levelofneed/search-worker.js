/* Level of Need site search: a web worker that speaks Material's search protocol.
 *
 * Material's search box and result list stay; this worker replaces its lunr worker
 * (ADR 11). It reads the compact records the build writes into search/search_index.json
 * (one per indicator and per page a practitioner looks things up on; all but the titles
 * already as stems) and answers in the
 * practitioner's own words: the guidance's synonym groups ("DV" finds domestic abuse),
 * word forms ("bruised" finds "bruise"), misspellings ("negelct"), joined and split words
 * ("selfharm", "pre birth"). Short words never match longer ones by prefix. A result that
 * matches every word ranks above one that matches some; among equals, higher levels of
 * need come first. The normalising, stop words and stemmer are the same as the build's
 * (levelofneed/search/text.py). Everything runs here, in the browser: nothing is sent.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var STOP = Object.create(null);
("a an and are as at be been but by for from has have he her his i if in into is it its me my of on " +
  "or our she so that the their them then there they this to too up us was we were what when where which who " +
  "will with you your").split(" ").forEach(function (word) { STOP[word] = true; });
var ENDINGS = ["ingly", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s", "e"];
var FIELD_WEIGHT = [3, 2.5, 1];               /* title, keywords, text */
var KIND_WEIGHT = {i: 1, p: 0.95, t: 0.9, b: 0.85, l: 0.7, h: 0.7, s: 0.6, g: 0.55, d: 0.5, u: 0.5, a: 0.4};
var KIND_LABEL = {p: "Procedure", t: "Topic", b: "7-minute briefing", l: "Level", h: "Helper", s: "Service",
  g: "Glossary", d: "Area of the child's life", u: "Area of the child's life", a: "Indicators by age"};
var QUALITY = {exact: 1, canonical: 0.95, synonym: 0.75, joined: 0.9, fuzzy: 0.7, prefix: 0.6};
var LEVEL_STEP = 0.08, NAMED_PAGE = 1.6, NAMED_INDICATOR = 1.3;
var MAX_RESULTS = 20;

var index = null;

/* As wording.py: accents removed, curly apostrophes straightened, any other character
   outside ASCII read as a space, lower case, "&" read as "and". */
function normalise(text) {
  if (/[^\x00-\x7f]/.test(text)) {
    text = text.replace(/\u2019/g, "'").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x00-\x7f]/g, " ");
  }
  return text.toLowerCase().replace(/&/g, " and ");
}

/* Stems are remembered: the guidance uses a few thousand words many times over. */
var stems = Object.create(null);

function stem(word) {
  var known = stems[word];
  if (known === undefined) { known = stems[word] = stemWord(word); }
  return known;
}

function stemWord(word) {
  word = word.replace(/'s$/, "").replace(/'/g, "");
  if (word.length <= 3 || /^\d+$/.test(word)) { return word; }
  for (var i = 0; i < ENDINGS.length; i += 1) {
    var ending = ENDINGS[i];
    if (word.slice(-ending.length) === ending && word.length - ending.length >= 3) {
      var base = word.slice(0, -ending.length);
      return ending === "ies" || ending === "ied" ? base + "y" : base;
    }
  }
  return word;
}

function words(text) {
  return normalise(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) || [];
}

function joined(text) {
  return (normalise(text).match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) || []).map(function (w) { return w.replace(/-/g, ""); });
}

function terms(text) {
  return words(text).concat(joined(text)).filter(function (w) { return !STOP[w]; }).map(stem);
}

function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
  });
}

/* Setting up: each record's stems and their weights, term → the records holding it, and
   each term's rarity. Weights add up over the fields a stem is in, as in index.py. */

function build(data) {
  var lon = data.config.levelofneed;
  var postings = Object.create(null);
  var titles = lon.records.map(function (row) { return terms(row[2]); });
  var average = titles.reduce(function (sum, title) { return sum + title.length; }, 0) / Math.max(1, titles.length);
  var records = lon.records.map(function (row, id) {
    var keywords = row[4] ? row[4].split("|").map(stemList) : [];
    var weights = new Map();
    [titles[id], [].concat.apply([], keywords), stemList(row[3])].forEach(function (found, position) {
      var weight = FIELD_WEIGHT[position] * (position === 0 ? 1 / (0.75 + 0.25 * found.length / average) : 1);
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
  var idf = Object.create(null);
  Object.keys(postings).forEach(function (term) {
    idf[term] = Math.log(1 + records.length / postings[term].length);
  });
  var vocabulary = Object.keys(postings);
  return {records: records, postings: postings, idf: idf, vocabulary: vocabulary, pairs: pairTable(vocabulary),
    levels: lon.levels, groups: lon.groups, synonyms: synonymTable(lon.synonyms)};
}

/* A list of stems as the build writes it: separated by spaces. */
function stemList(stems) {
  return stems ? stems.split(" ") : [];
}

/* Each synonym, as its stems, mapped to every phrase of its group. */
function synonymTable(groups) {
  var table = Object.create(null);
  groups.forEach(function (group) {
    var phrases = group.map(function (term) { return words(term).map(stem); }).filter(function (p) { return p.length; });
    phrases.forEach(function (phrase) {
      var key = phrase.join(" ");
      table[key] = (table[key] || []).concat(phrases);
    });
  });
  return table;
}

/* Understanding a query: clauses, each a set of alternative phrases (lists of stems). */

function clauses(query) {
  var stems = words(query).map(stem);
  var found = [];
  var at = 0;
  while (at < stems.length) {
    var taken = synonymAt(stems, at);
    if (taken) {
      found.push(taken.clause);
      at = taken.end;
    } else {
      found.push(wordClause(stems, at));
      at += found[found.length - 1].width;
    }
  }
  var content = found.filter(function (clause) { return !clause.stop; });
  return content.length ? content : found;
}

function synonymAt(stems, start) {
  for (var end = Math.min(stems.length, start + 4); end > start; end -= 1) {
    var phrases = index.synonyms[stems.slice(start, end).join(" ")];
    if (phrases) {
      var written = stems.slice(start, end).join(" ");
      var alternatives = phrases.map(function (phrase, position) {
        var quality = phrase.join(" ") === written ? "exact" : position === 0 ? "canonical" : "synonym";
        return {stems: content(phrase), quality: quality};
      });
      return {end: end, clause: {alternatives: alternatives, width: end - start, stop: false}};
    }
  }
  return null;
}

function content(phrase) {
  var kept = phrase.filter(function (term) { return !STOP[term]; });
  return kept.length ? kept : phrase;
}

function wordClause(stems, at) {
  var word = stems[at];
  var next = stems[at + 1];
  var alternatives = [{stems: [word], quality: "exact"}];
  if (next && index.postings[word + next]) {
    alternatives.push({stems: [word + next], quality: "joined"});
    alternatives.push({stems: [word, next], quality: "exact"});
    return {alternatives: alternatives, width: 2, stop: false};
  }
  if (!index.postings[word]) {
    alternatives = alternatives.concat(split(word), fuzzy(word), prefix(word, at === stems.length - 1));
  }
  return {alternatives: alternatives, width: 1, stop: Boolean(STOP[word])};
}

/* "selfharm" → "self harm", when both halves are words the guidance uses. */
function split(word) {
  var found = [];
  for (var cut = 3; cut <= word.length - 3; cut += 1) {
    var head = word.slice(0, cut);
    var tail = stem(word.slice(cut));
    if (index.postings[head] && index.postings[tail]) { found.push({stems: [head, tail], quality: "joined"}); }
  }
  return found;
}

/* Words one edit away (two for long words): "negelct" → "neglect". As query.py's Spelling:
   a word one edit from another shares all but three of its letter pairs at most, so only
   words sharing enough pairs are compared letter by letter (short words: every word of a
   similar length). */
function fuzzy(word) {
  if (word.length < 4) { return []; }
  var limit = word.length >= 8 ? 2 : 1;
  var candidates;
  if (word.length - 1 - 3 * limit <= 0) {
    candidates = index.vocabulary.filter(function (term) { return Math.abs(term.length - word.length) <= limit; });
  } else {
    var shared = sharedPairs(word);
    candidates = Object.keys(shared).filter(function (term) {
      return Math.abs(term.length - word.length) <= limit &&
        shared[term] >= Math.max(term.length, word.length) - 1 - 3 * limit;
    });
  }
  return candidates.filter(function (term) { return distance(word, term, limit) <= limit; }).sort()
    .map(function (term) { return {stems: [term], quality: "fuzzy"}; });
}

function pairsOf(word) {
  var counts = Object.create(null);
  for (var i = 0; i < word.length - 1; i += 1) {
    var pair = word.slice(i, i + 2);
    counts[pair] = (counts[pair] || 0) + 1;
  }
  return counts;
}

/* Letter pair → the words holding it, with how often: made once, when the index is set up. */
function pairTable(vocabulary) {
  var table = Object.create(null);
  vocabulary.forEach(function (term) {
    var counts = pairsOf(term);
    Object.keys(counts).forEach(function (pair) {
      (table[pair] || (table[pair] = [])).push([term, counts[pair]]);
    });
  });
  return table;
}

function sharedPairs(word) {
  var shared = Object.create(null);
  var counts = pairsOf(word);
  Object.keys(counts).forEach(function (pair) {
    (index.pairs[pair] || []).forEach(function (entry) {
      shared[entry[0]] = (shared[entry[0]] || 0) + Math.min(counts[pair], entry[1]);
    });
  });
  return shared;
}

/* The last word may still be being typed; only words of four letters or more grow by prefix. */
function prefix(word, last) {
  if (!last || word.length < 4) { return []; }
  return index.vocabulary.filter(function (term) { return term.length > word.length && term.indexOf(word) === 0; })
    .sort().slice(0, 20).map(function (term) { return {stems: [term], quality: "prefix"}; });
}

/* Optimal string alignment distance, giving up above ``limit``. */
function distance(a, b, limit) {
  var rows = [];
  for (var i = 0; i <= a.length; i += 1) {
    rows.push([i]);
    var best = i;
    for (var j = 1; j <= b.length; j += 1) {
      if (i === 0) { rows[0].push(j); continue; }
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { value = Math.min(value, rows[i - 2][j - 2] + 1); }
      rows[i].push(value);
      best = Math.min(best, value);
    }
    if (i > 0 && best > limit) { return limit + 1; }
  }
  return rows[a.length][b.length];
}

/* Scoring: each clause counts once, by its best alternative; every clause matched ranks first. */

function score(query) {
  var parsed = clauses(query);
  var scores = Object.create(null);
  parsed.forEach(function (clause) {
    var best = Object.create(null);
    clause.alternatives.forEach(function (alternative) { addAlternative(alternative, best); });
    Object.keys(best).forEach(function (id) {
      var entry = scores[id] || (scores[id] = {matched: 0, score: 0});
      entry.matched += 1;
      entry.score += best[id];
    });
  });
  return Object.keys(scores).map(function (id) {
    var record = index.records[id];
    var boost = KIND_WEIGHT[record.kind] || 0.5;
    if (record.kind === "i") {
      boost *= 1 + LEVEL_STEP * (index.levels[record.level][2] - 1);
    }
    if (names(record, parsed)) {
      boost *= record.kind === "i" ? NAMED_INDICATOR : NAMED_PAGE;
    }
    return {record: record, matched: scores[id].matched, score: scores[id].score * boost};
  }).sort(function (a, b) {
    return b.matched - a.matched || b.score - a.score || (a.record.title < b.record.title ? -1 : 1);
  });
}

/* Whether the query names a record: every clause in a page's title, making up at least half
   of it ("escalation"); for an indicator, exactly one of its keywords. The stems are kept as
   sets the first time a record is asked about. */
function names(record, parsed) {
  if (record.kind === "i") {
    if (!record.keywordSets) {
      record.keywordSets = record.keywordTerms.map(function (keyword) { return new Set(keyword); });
      record.keywordUnion = new Set([].concat.apply([], record.keywordTerms));
    }
    if (covered(record.keywordUnion, parsed) === null) { return false; }
    return record.keywordSets.some(function (keyword) {
      var used = covered(keyword, parsed);
      return keyword.size > 0 && used !== null && used.length === keyword.size;
    });
  }
  if (!record.titleSet) { record.titleSet = new Set(record.titleTerms); }
  var used = covered(record.titleSet, parsed);
  return used !== null && used.length * 2 >= record.titleSet.size;
}

/* The distinct stems of the set ``words`` the clauses use, or null when a clause is not among them. */
function covered(words, parsed) {
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

function unique(values) {
  return Array.from(new Set(values));
}

/* An alternative scores its stems' weights × rarity × its quality; a clause keeps its best. */
function addAlternative(alternative, best) {
  var ids = index.postings[alternative.stems[0]] || [];
  var quality = QUALITY[alternative.quality];
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

/* Results in Material's shape: one item per page, its title and text as escaped HTML. */

function item(found) {
  var record = found.record;
  var level = record.level >= 0 ? index.levels[record.level] : null;
  var title = (level ? "<span class=\"lon-badge lon-tone-" + level[1] + "\">" + escapeHTML(level[0]) + "</span> " : "") +
    escapeHTML(record.title);
  var where = record.kind === "i" ? index.groups[record.group] : KIND_LABEL[record.kind];
  return [{location: record.location, title: title, text: "<p class=\"lon-result-where\">" + escapeHTML(where || "") + "</p>",
    score: found.score, terms: {}}];
}

function search(query) {
  if (!query.trim()) { return {items: []}; }
  return {items: score(query).slice(0, MAX_RESULTS).map(item)};
}

/* Build the index, then answer one query nobody sees, so the browser has compiled the search
   before the practitioner's first query rather than during it. */
function setUp(data) {
  index = build(data);
  search("child");
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    setUp(message.data);
    self.postMessage({type: READY});
  } else if (message.type === QUERY) {
    self.postMessage({type: RESULT, data: search(message.data)});
  }
});

/* For tests and benchmarks in a page, without a worker. */
self.LevelOfNeedSearch = {build: function (data) { setUp(data); return index; }, search: search,
  stem: stem, terms: terms};
