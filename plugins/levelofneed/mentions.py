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
_CANDIDATE = re.compile(r"\(\(|(?<![\w+/=.#])(?:\+44[\s-]*|0)\d(?:[\s-]*\d){5,}")
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
    """Every placeholder and every number outside a number's own field, in one file."""
    if not _CANDIDATE.search(document.text):
        return []
    return list(_walk(document, document.data, ()))


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
    for found in PLACEHOLDER.finditer(text):
        yield Mention(document, path, "contact", found.group(1).strip(), found.group(0))
    if defines_a_number(path):
        return
    for found in PHONE.finditer(_SPACE.sub(" ", text)):
        yield Mention(document, path, "number", digits(found.group(0)), found.group(0))
