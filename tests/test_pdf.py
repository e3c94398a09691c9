"""The offline PDFs, read back with pypdf: what they hold, their outline, pages, metadata and footers.

The repository's PDFs are the ones its site build publishes in ``site/pdf/`` (built
once per session and shared with the site tests), so these tests check what a reader
downloads. Escaping is checked on the small base example; the plumbing (the command,
the plugin option, progress, warnings) is in ``test_pdf_plumbing.py``.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from levelofneed import Guidance, load_guidance
from levelofneed.labels import date_text, level_label, plain_text, printed_copy_notice, version_label
from levelofneed.pdf import print_all
from levelofneed.pdf.documents import documents
from levelofneed.render import PRINTED, LinkStyle, SiteOptions, iter_pages

from .conftest import BASE
from .test_site_build import repo_site

pytestmark = pytest.mark.site
HOSTILE = '<script>alert("x")</script> [link](javascript:alert(1)) **bold** </td><img src="http://x/y.png">'


def flat(text: str) -> str:
    """Text without whitespace: a PDF breaks lines where the layout did, not where the YAML did."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


@pytest.fixture(scope="module")
def pdf_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return repo_site(tmp_path_factory) / "pdf"


@pytest.fixture(scope="module")
def whole(pdf_folder: Path, guidance: Guidance) -> PdfReader:
    return PdfReader(pdf_folder / f"{guidance.partnership.id}-level-of-need-guidance.pdf")


@pytest.fixture(scope="module")
def readers(pdf_folder: Path) -> dict[str, PdfReader]:
    return {path.relative_to(pdf_folder).as_posix(): PdfReader(path) for path in sorted(pdf_folder.rglob("*.pdf"))}


@dataclass(frozen=True)
class Extracted:
    """Every PDF's page texts and the text sizes met, read once per module: pypdf reads a page
    in about a tenth of a second, and five tests read every page."""

    texts: dict[str, list[str]]
    sizes: frozenset[float]


@pytest.fixture(scope="module")
def extracted(readers: dict[str, PdfReader]) -> Extracted:
    sizes: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.add(round(size * math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]), 1))

    texts = {path: [page.extract_text(visitor_text=visit) for page in reader.pages]
             for path, reader in readers.items()}
    return Extracted(texts, frozenset(sizes))


def _titles(outline: list[object]) -> Iterator[str]:
    for item in outline:
        if isinstance(item, list):
            yield from _titles(item)
        else:
            yield str(getattr(item, "title", ""))


# The whole guidance.


def whole_texts(extracted: Extracted, guidance: Guidance) -> list[str]:
    return extracted.texts[f"{guidance.partnership.id}-level-of-need-guidance.pdf"]


def test_the_whole_guidance_holds_every_indicator_and_contact_number(extracted: Extracted, guidance: Guidance) -> None:
    text = flat("".join(whole_texts(extracted, guidance)))
    contacts = guidance.contact_by_id
    missing = [item.id for item in guidance.indicators if flat(plain_text(item.text, contacts)) not in text]
    assert missing == []
    numbers = [contact.phone for contact in guidance.partnership.contacts if contact.phone]
    assert numbers and [number for number in numbers if flat(number) not in text] == []


def test_the_outline_has_every_level_domain_procedure_and_briefing(whole: PdfReader, guidance: Guidance) -> None:
    titles = set(_titles(whole.outline))
    expected = [level_label(x) for x in guidance.levels] + [x.name for x in guidance.domains]
    expected += [x.name for x in guidance.procedures] + [x.title for x in guidance.briefings]
    assert [title for title in expected if title not in titles] == []


def test_the_contents_give_page_numbers(whole: PdfReader, guidance: Guidance) -> None:
    contents = whole.pages[1].extract_text()
    assert "Contents" in contents
    assert re.search(rf"{re.escape(level_label(guidance.levels[0]))}\W*\.*\s*\d+", contents)


# Every PDF.


def test_there_is_a_pdf_for_the_guidance_each_level_and_each_briefing(readers: dict[str, PdfReader],
                                                                      guidance: Guidance) -> None:
    expected = {f"{guidance.partnership.id}-level-of-need-guidance.pdf"}
    expected |= {f"levels/{x.id}-quick-reference.pdf" for x in guidance.levels}
    expected |= {f"briefings/{x.id}.pdf" for x in guidance.briefings}
    assert set(readers) == expected


def test_briefings_fit_on_two_pages_and_cards_on_one(readers: dict[str, PdfReader]) -> None:
    long = {path: len(r.pages) for path, r in readers.items() if path.startswith("briefings/") and len(r.pages) > 2}
    assert long == {}
    cards = {path: len(r.pages) for path, r in readers.items() if path.startswith("levels/")}
    assert cards and set(cards.values()) == {1}


def test_every_pdf_is_titled_in_english_and_tagged(readers: dict[str, PdfReader], guidance: Guidance) -> None:
    for path, reader in readers.items():
        root = reader.trailer["/Root"]
        assert reader.metadata is not None and reader.metadata.title, path
        assert reader.metadata.author == guidance.partnership.name, path
        assert root["/Lang"] == "en-GB", path
        assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root, path
        assert b"pdfuaid" in root["/Metadata"].get_object().get_data(), path


def test_every_page_carries_the_version_and_the_printed_copy_notice(extracted: Extracted,
                                                                    guidance: Guidance) -> None:
    needed = [flat(version_label(guidance.partnership, guidance.published)),
              flat(printed_copy_notice(guidance.partnership))]
    lacking = []
    for path, pages in extracted.texts.items():
        for number, page in enumerate(pages, start=1):
            text = flat(page)
            if not all(part in text for part in needed) or f"Page{number}of{len(pages)}" not in text:
                lacking.append(f"{path} page {number}")
    assert lacking == []


def test_each_level_card_says_when_its_version_was_published(extracted: Extracted,
                                                            guidance: Guidance) -> None:
    """A card pinned to a wall must say how old it is, not only its version number."""
    assert guidance.published is not None
    cards = {path: flat(pages[0]) for path, pages in extracted.texts.items() if path.startswith("levels/")}
    assert len(cards) == len(guidance.levels)
    assert {path for path, text in cards.items() if flat(date_text(guidance.published)) not in text} == set()


def test_the_contacts_chapter_opens_with_the_emergency_message_and_its_number(extracted: Extracted,
                                                                             guidance: Guidance) -> None:
    """Not a stray fragment ('… a manager first. the police on 999') but the message, then whom to call."""
    texts = whole_texts(extracted, guidance)
    chapter = next(text for text in texts if text.startswith("Contacts"))
    message = guidance.partnership.immediate_danger.message
    opening = f"Contacts {message} {guidance.emergency.name}: {guidance.emergency.phone}"
    assert flat(chapter).startswith(flat(opening))


def test_no_contact_placeholder_is_printed(extracted: Extracted) -> None:
    found = {path: re.findall(r"\(\(\s*[a-z0-9][a-z0-9-]*", "".join(pages)) for path, pages in extracted.texts.items()}
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_no_text_is_smaller_than_10_points(extracted: Extracted) -> None:
    assert extracted.sizes and min(extracted.sizes) >= 10


def test_the_pdfs_are_linked_from_the_site_with_their_size(tmp_path_factory: pytest.TempPathFactory,
                                                           guidance: Guidance) -> None:
    site = repo_site(tmp_path_factory)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="pdf/{guidance.partnership.id}-level-of-need-guidance.pdf"' in home
    assert re.search(r"Download the whole guidance \(PDF, \d+ pages, [\d.]+ [KM]B\)", home)
    level = guidance.levels[0]
    page = (site / "levels" / level.id / "index.html").read_text(encoding="utf-8")
    assert f'href="../../pdf/levels/{level.id}-quick-reference.pdf"' in page
    assert re.search(r"\(PDF, 1 page, \d+ KB\)", page)
    briefing = guidance.briefings[0]
    page = (site / "briefings" / briefing.id / "index.html").read_text(encoding="utf-8")
    assert f'href="../../pdf/briefings/{briefing.id}.pdf"' in page


# The print HTML: colours named, text escaped.


class _Tones(HTMLParser):
    """The text inside every element coloured by a level's tone."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []
        self.found: list[list[str]] = []
        self.active: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        toned = bool(re.search(r"\blon-tone-\d\b", dict(attrs).get("class") or ""))
        if tag not in {"br", "col", "meta", "img", "input"}:
            self.open.append((tag, toned))
            if toned:
                self.active.append([])

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            opened, toned = self.open.pop()
            if toned:
                self.found.append(self.active.pop())
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        for chunk in self.active:
            chunk.append(data)


def test_every_level_colour_comes_with_its_number_and_name(guidance: Guidance) -> None:
    pages = {p.path: p.markdown for p in iter_pages(guidance, SiteOptions(link_style=LinkStyle.ANCHOR), PRINTED)}
    labels = [level_label(level) for level in guidance.levels]
    coloured = 0
    for document in documents(guidance, pages):
        reader = _Tones()
        reader.feed(document.html)
        coloured += len(reader.found)
        unnamed = [" ".join(text) for text in reader.found if not any(label in " ".join(text) for label in labels)]
        assert unnamed == [], document.path
    assert coloured > len(guidance.indicators)


def test_text_from_yaml_never_becomes_markup() -> None:
    base = load_guidance(BASE)
    indicator = base.indicators[0].model_copy(update={"text": HOSTILE})
    service = base.services[0].model_copy(update={"name": HOSTILE, "description": HOSTILE})
    changed = base.replace(indicators=(indicator, *base.indicators[1:]), services=(service, *base.services[1:]))
    pages = {p.path: p.markdown for p in iter_pages(changed, SiteOptions(link_style=LinkStyle.ANCHOR), PRINTED)}
    for document in documents(changed, pages):
        assert "<script" not in document.html and "<img" not in document.html, document.path
        assert "<strong>bold</strong>" not in document.html, document.path
    run = print_all(changed, pages)
    text = flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(run.files[0].data)).pages))
    assert flat('<script>alert("x")</script>') in text
