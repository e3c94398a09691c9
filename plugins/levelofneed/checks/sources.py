"""Sources a safeguarding lead can stand behind: primary pages, never a short link or a mirror.

Every record says where its facts come from, in ``source``, and every checked contact or
service says what it was checked ``against``. A link shortener hides where it leads and can
be re-pointed; a document-mirror site serves old, unofficial copies. Both are refused
outright. Any other host the partnership has not listed as trusted (``sources`` in
``partnership.yaml``) is a warning that fails ``check --strict``: the fact should come from
the statute, the statutory guidance, the partnership's own procedures or the provider's own
page. Another partnership's procedures may still be cited, as background, by beginning the
citation with "Background:" (issue 21, ADR 17).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, get_args
from urllib.parse import urlsplit

from pydantic import BaseModel

from ..findings import Finding
from ..model import Partnership
from ..validate import Located
from .context import Context

SHORTENERS = frozenset({
    "bit.ly", "buff.ly", "cutt.ly", "goo.gl", "is.gd", "ow.ly", "rebrand.ly", "shorturl.at", "t.co", "t.ly",
    "tiny.cc", "tinyurl.com", "v.gd",
})
MIRRORS = frozenset({
    "docplayer.net", "docsbay.net", "documents.pub", "dokumen.pub", "dokumen.tips", "fdocuments.in",
    "fdocuments.net", "issuu.com", "pdfslide.net", "scribd.com", "slideshare.net", "studylib.net",
    "vdocuments.mx", "vdocuments.net", "yumpu.com",
})
URL = re.compile(r"https?://[^\s<>()\[\]\"';,]+", re.IGNORECASE)
BACKGROUND = re.compile(r"\s*background\s*:", re.IGNORECASE)
CITED_FIELDS = ("source", "against")

Path = tuple[str | int, ...]


def host_of(url: str) -> str:
    """The host a reader would land on, without 'www.': how editors name hosts."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def refused(host: str) -> str | None:
    """Why a host may never be cited, or None."""
    if host in SHORTENERS:
        return "a link shortener, which hides where it leads"
    if host in MIRRORS:
        return "a document-mirror site, whose copies are unofficial and may be out of date"
    return None


def trusted(host: str, hosts: list[str]) -> bool:
    """Whether ``host`` is one the partnership lists: exactly, or under a '*.' entry."""
    for entry in hosts:
        entry = entry.lower().removeprefix("www.")
        if host == entry or (entry.startswith("*.") and (host.endswith(entry[1:]) or host == entry[2:])):
            return True
    return False


def citations(text: str) -> Iterator[tuple[bool, str]]:
    """Each citation in a source, and whether it is marked as background."""
    for citation in text.split(";"):
        yield bool(BACKGROUND.match(citation)), citation


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field's type can hold: itself, or inside Optional, list or Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in get_args(annotation) for model in _models_in(argument)]


@cache
def _fields_to_read(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that are, or can lead to, a ``source`` or an ``against``: worked out once
    per model from its types, so the check does not visit the thousands of fields that cannot."""
    return tuple(name for name, info in model.model_fields.items()
                 if name in CITED_FIELDS or any(_fields_to_read(inner) for inner in _models_in(info.annotation)))


def cited_texts(record: BaseModel, path: Path = ()) -> Iterator[tuple[Path, str, str]]:
    """Every ``source`` and ``against`` in a record, at any depth, with its path and field name."""
    for name in _fields_to_read(type(record)):
        value: Any = getattr(record, name)
        if name in CITED_FIELDS and isinstance(value, str):
            yield (*path, name), name, value
        elif isinstance(value, BaseModel):
            yield from cited_texts(value, (*path, name))
        elif isinstance(value, list | tuple):
            for index, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from cited_texts(element, (*path, name, index))


def primary_sources(context: Context) -> Iterator[Finding]:
    """Refuse shorteners and mirrors anywhere; warn about a host the partnership does not trust."""
    collected = context.collected
    partnerships = collected.of(Partnership)
    rules = partnerships[0].record.sources if partnerships else None
    hosts = rules.trusted_hosts if rules else None
    for items in collected.records.values():
        for item in items:
            if isinstance(item.record, BaseModel):
                yield from _record_sources(item, hosts)


def _record_sources(item: Located[Any], hosts: list[str] | None) -> Iterator[Finding]:
    for path, field, text in cited_texts(item.record):
        for background, citation in citations(text) if field == "source" else [(False, text)]:
            for url in URL.findall(citation):
                yield from _judge(item, path, url.rstrip("."), background, hosts)


def _judge(item: Located[Any], path: Path, url: str, background: bool, hosts: list[str] | None) -> Iterator[Finding]:
    host = host_of(url)
    why = refused(host)
    if why is not None:
        yield item.finding(path, f"'{url}' is {why}",
                           "cite the page itself, by its own address on the publisher's site")
    elif hosts is not None and not background and not trusted(host, hosts):
        yield item.finding(path, f"'{host}' is not one of the partnership's trusted sources",
                           "cite the primary page (statute, statutory guidance, the partnership's procedures or the "
                           "provider's own site); if the partnership trusts this host, add it to sources: "
                           "trusted_hosts in partnership.yaml; if it is another area's procedures, begin the "
                           "citation with 'Background:'", severity="warning")
