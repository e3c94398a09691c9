"""Synthetic guidance for benchmarks: the repository's content, scaled by copying records under new ids.

Copies keep every reference pointing at records that exist, so the scaled guidance is
valid and ``check`` does its full work at every size. Each copy's text differs from its
original: two plain words in three are swapped for other words of the content. Copies
word for word would all be near-duplicates of each other, and would give search an
index with no new words in it, which is not what more content looks like.
"""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path
from typing import Any

import yaml

SCALED_KINDS = ("indicators", "services", "glossary")
TEXT_FIELDS = {"indicators": "text", "services": "description", "glossary": "definition"}


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.CSafeLoader)


def _copies(records: list[dict[str, Any]], copy: int, field: str, vocabulary: list[str]) -> list[dict[str, Any]]:
    return [{**record, "id": f"{record['id']}-x{copy}",
             **({field: _vary(str(record[field]), copy, vocabulary)} if field in record else {})}
            for record in records]


def _vary(text: str, copy: int, vocabulary: list[str]) -> str:
    """``text`` with two plain words in three swapped for other words of the content.

    The choice depends only on the word, its place and the copy, so runs are repeatable.
    Only plain words are swapped (punctuation after them is kept), so references such as
    ``((front-door))`` stay intact.
    """
    varied = []
    for place, word in enumerate(text.split(" ")):
        bare = word.rstrip(".,;:")
        if (place + copy) % 3 and bare.isalpha():
            pick = zlib.crc32(f"{bare}/{place}/{copy}".encode()) % len(vocabulary)
            word = vocabulary[pick] + word[len(bare):]
        varied.append(word)
    return " ".join(varied)


def _vocabulary(records: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every plain word of the scaled texts, once, in a stable order."""
    found = {word.rstrip(".,;:").lower() for kind, items in records.items() for record in items
             for word in str(record.get(TEXT_FIELDS[kind], "")).split(" ")}
    return sorted(word for word in found if word.isalpha())


def scaled_root(source: Path, target: Path, factor: int) -> Path:
    """Write ``source``'s guidance into ``target`` with the scaled kinds multiplied by ``factor``."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source / "guidance", target / "guidance")
    shutil.copytree(source / "briefings", target / "briefings")
    records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in SCALED_KINDS}
    briefings = [_read(p) for p in sorted((source / "briefings").rglob("*.yaml"))]
    for path in sorted((source / "guidance").rglob("*.y*ml")):
        data = _read(path)
        for kind in SCALED_KINDS:
            if isinstance(data, dict) and kind in data:
                records[kind].extend(data[kind])
    synthetic = target / "guidance" / "synthetic"
    synthetic.mkdir()
    vocabulary = _vocabulary(records)
    for copy in range(1, factor):
        for kind, items in records.items():
            varied = _copies(items, copy, TEXT_FIELDS[kind], vocabulary)
            text = yaml.dump({kind: varied}, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
            (synthetic / f"{kind}-{copy}.yaml").write_text(text, encoding="utf-8")
        for briefing in briefings:
            text = yaml.dump({**briefing, "id": f"{briefing['id']}-x{copy}"}, Dumper=yaml.CSafeDumper,
                             sort_keys=False, allow_unicode=True)
            (target / "briefings" / f"{briefing['id']}-x{copy}.yaml").write_text(text, encoding="utf-8")
    return target


def content_bytes(root: Path) -> int:
    """Total size of the YAML the benchmark reads."""
    return sum(p.stat().st_size for p in root.rglob("*.y*ml"))
