"""Words as the guidance's tools compare them: normalised, split and lightly stemmed.

Search (``search/text.py``, and the site's ``search-worker.js``, which repeats these rules)
and the near-duplicate check both read text through these functions, so "bruised" and
"bruises" are one word to both. The stemmer is deliberately light: it only has to make
"bruise", "bruised", "bruises" and "bruising" one word, not to be a linguist.
"""

from __future__ import annotations

import functools
import re
import unicodedata

STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "he",
    "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "she",
    "so", "that", "the", "their", "them", "then", "there", "they", "this", "to", "too", "up", "us", "was",
    "we", "were", "what", "when", "where", "which", "who", "will", "with", "you", "your",
))
_COMBINING = re.compile("[\u0300-\u036f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Endings removed, longest first; the stem must keep at least three letters.
ENDINGS = ("ingly", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s", "e")


def normalise(text: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened, '&' read as 'and'.

    Any other character outside ASCII (a dash, a bullet) becomes a space, so it separates
    words as it does on the page. The search worker does exactly the same.
    """
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = _NON_ASCII.sub(" ", _COMBINING.sub("", text))
    return text.lower().replace("&", " and ")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English stem: 'bruised', 'bruises' and 'bruising' all become 'bruis'.

    Cached: guidance uses a few thousand words many times over.
    """
    word = word.removesuffix("'s").replace("'", "")
    if len(word) <= 3 or word.isdigit():
        return word
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            return base + "y" if ending in ("ies", "ied") else base
    return word


def words(text: str) -> list[str]:
    """The words of a text, normalised, in order, stop words kept."""
    return _WORD.findall(normalise(text))


def content_stems(text: str) -> set[str]:
    """The distinct stems of a text's words, stop words left out: what it is about."""
    return {stem(word) for word in words(text) if word not in STOP_WORDS}


# Runs of letters, digits and hyphens. A pattern for "words joined by hyphens" backtracked on a
# long word with no hyphen (40 KB took 44 s); this one cannot, and the joining is done in Python.
_HYPHEN_RUN = re.compile(r"[a-z0-9-]+")


def joined(text: str) -> list[str]:
    """Hyphenated words written together too, so 'pre-birth' also matches 'prebirth'."""
    found = []
    for run in _HYPHEN_RUN.findall(normalise(text)):
        parts = [part for part in run.split("-") if part]
        if len(parts) > 1:
            found.append("".join(parts))
    return found


def terms(text: str) -> list[str]:
    """The stems a text is indexed under: its words without stop words, and its hyphenated words joined."""
    return [stem(word) for word in (*words(text), *joined(text)) if word not in STOP_WORDS]
