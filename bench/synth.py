"""Synthetic guidance for benchmarks: the repository's content, scaled by copying records under new ids.

Copies keep every reference pointing at records that exist, so the scaled guidance is
valid and ``check`` does its full work at every size.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

SCALED_KINDS = ("indicators", "services", "glossary")


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.CSafeLoader)


def _copies(records: list[dict[str, Any]], copy: int) -> list[dict[str, Any]]:
    return [{**record, "id": f"{record['id']}-x{copy}"} for record in records]


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
    for copy in range(1, factor):
        for kind, items in records.items():
            text = yaml.dump({kind: _copies(items, copy)}, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
            (synthetic / f"{kind}-{copy}.yaml").write_text(text, encoding="utf-8")
        for briefing in briefings:
            text = yaml.dump({**briefing, "id": f"{briefing['id']}-x{copy}"}, Dumper=yaml.CSafeDumper,
                             sort_keys=False, allow_unicode=True)
            (target / "briefings" / f"{briefing['id']}-x{copy}.yaml").write_text(text, encoding="utf-8")
    return target


def content_bytes(root: Path) -> int:
    """Total size of the YAML the benchmark reads."""
    return sum(p.stat().st_size for p in root.rglob("*.y*ml"))
