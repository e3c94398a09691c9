"""Contacts named in text, and phone numbers written out: found while each file is read.

Text names a contact as ``((contact-id))``; the number itself lives only in the
contact's record (ADR 5). Each file's raw text is searched first, which is fast; only a
file with a candidate is walked value by value, so ``check`` stays near the cost of
reading the YAML. The checks run later, once every contact is known (:mod:`.contact_checks`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from .load import Document
from .placeholders import PLACEHOLDER

# A number is looked for in text made comparable first (:func:`comparable`): full-width digits
# and odd spaces folded by NFKC, zero-width characters dropped. Between digits it may have up
# to three separators (spaces, dots, dashes of any kind, brackets), so "(0151) 934 4013",
# "0151.934.4013", "0151–934–4013" and "+44 (0)151 934 4013" are all numbers. Every repeat is
# bounded, so a long run of anything cannot make the search slow. "999", "101" and years in
# prose never match; nor does a date written with dots or dashes (:data:`_DATE`).
_SEPARATOR = r"[\s.()\u2010-\u2015-]"
PHONE = re.compile(rf"(?<![\w+/=.#])(?:\+\s?44{_SEPARATOR}{{0,3}}(?:\(0\){_SEPARATOR}{{0,2}})?|\(?0)"
                   rf"\d(?:{_SEPARATOR}{{0,3}}\d){{5,}}(?!\d)")
_DATE = re.compile(r"\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# A cheap first pass over a file's raw text, before anything is normalised, so its offsets
# are the file's own: a sign or a zero (ASCII or full-width) or a bracket, then six or more
# digits with bounded separators between them (zero-width and full-width ones included).
_DIGIT = "[0-9\uff10-\uff19]"
_RAW_SEPARATOR = "[\\s.()\u2010-\u2015\u00ad\u200b-\u200d\u2060\ufeff\uff08\uff09-]"
_CANDIDATE = re.compile(f"[+\uff0b0\uff10(\uff08](?:{_RAW_SEPARATOR}{{0,4}}{_DIGIT}){{6,}}")
_NOT_BEFORE = frozenset("+/=.#_" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_SPACE = re.compile(r"\s+")

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Mention:
    """A ``((contact))`` placeholder or a written-out phone number, and where it is."""

    document: Document
    path: Path
    kind: Literal["contact", "number"]
    value: str  # the contact id as written, or the number's digits
    written: str  # exactly as it appears in the text


def comparable(text: str) -> str:
    """Text as a number check reads it: NFKC (full-width digits become digits, odd spaces spaces),
    without zero-width characters, so no way of writing a number hides it."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def digits(number: str) -> str:
    """A number reduced to its digits, with +44 (and a '(0)' after it) read as 0, so spacing never hides a copy."""
    written = comparable(number).strip().replace("(0)", "")
    plain = re.sub(r"\D", "", written)
    return "0" + plain[2:] if written.startswith("+") and plain.startswith("44") else plain


def find_mentions(document: Document) -> list[Mention]:
    """Every placeholder and every number outside a number's own field, in one file.

    Only the records whose raw text holds a candidate are walked value by value.
    """
    text = document.text
    offsets = [found.start() for found in _CANDIDATE.finditer(text)
               if not found.start() or text[found.start() - 1] not in _NOT_BEFORE]
    offsets += _placeholders_at(text)
    if not offsets:
        return []
    return [mention for path in document.records_at(offsets)
            for mention in _walk(document, _value_at(document.data, path), path)]


def _placeholders_at(text: str) -> list[int]:
    found, start = [], text.find("((")
    while start != -1:
        found.append(start)
        start = text.find("((", start + 2)
    return found


def _value_at(data: Any, path: Path) -> Any:
    for step in path:
        data = data[step]
    return data


def _walk(document: Document, value: Any, path: Path) -> Iterator[Mention]:
    if isinstance(value, str):
        yield from _in_text(document, value, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(document, item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(document, item, (*path, index))


def defines_a_number(path: Path) -> bool:
    """A contact's or service's own ``phone``, or an entry of a contact's ``former_phones``."""
    return bool(path) and (path[-1] == "phone" or (len(path) > 1 and path[-2] == "former_phones"))


def _in_text(document: Document, text: str, path: Path) -> Iterator[Mention]:
    if "((" in text:
        for found in PLACEHOLDER.finditer(text):
            yield Mention(document, path, "contact", found.group(1).strip(), found.group(0))
    if defines_a_number(path) or _CANDIDATE.search(text) is None:
        return
    for found in PHONE.finditer(_SPACE.sub(" ", comparable(text))):
        if not _DATE.fullmatch(found.group(0)):
            yield Mention(document, path, "number", digits(found.group(0)), found.group(0))
