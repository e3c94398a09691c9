"""Contacts named in text, and phone numbers written out: found while each file is read.

Text names a contact as ``((contact-id))``; the number itself lives only in the
contact's record (ADR 5). Each file's raw text is searched first, which is fast; only a
file with a candidate is walked value by value, so ``check`` stays near the cost of
reading the YAML. The checks run later, once every contact is known (:mod:`.contact_checks`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from .load import Document

PLACEHOLDER = re.compile(r"\(\(([^()]*)\)\)")
# A UK number starts with 0 or +44; seven or more digits, spaces or hyphens between them.
# "999", "101" and years in prose never match.
PHONE = re.compile(r"(?<![\w+/=.#])(?:\+44[ -]?|0)\d(?:[ -]?\d){5,}(?!\d)")
# A cheap first pass over a file's raw text: the regex starts with a character class, which
# re can scan for quickly; a candidate that follows a word character (a date, an id) is dropped.
_CANDIDATE = re.compile(r"[+0](?:44)?[\s-]*\d(?:[\s-]*\d){5,}")
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


def digits(number: str) -> str:
    """A number reduced to its digits, with +44 read as 0, so spacing never hides a copy."""
    plain = re.sub(r"\D", "", number)
    return "0" + plain[2:] if number.strip().startswith("+44") else plain


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
    for found in PHONE.finditer(_SPACE.sub(" ", text)):
        yield Mention(document, path, "number", digits(found.group(0)), found.group(0))
