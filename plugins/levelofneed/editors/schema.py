"""JSON Schema for every file kind, so editors get completion and validation as they type.

The schemas are generated from the same pydantic models that ``check`` uses and are
committed under ``schemas/``; a test fails when they are stale.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ConfigDict, Field, create_model

from ..model import KINDS, FileKind


def file_schema(kind: FileKind) -> dict[str, Any]:
    """The schema of one whole file of ``kind``."""
    if kind.one_per_file:
        schema: dict[str, Any] = kind.model.model_json_schema()
    else:
        inner = list[kind.model] if kind.many else kind.model  # type: ignore[name-defined]
        wrapper = create_model(
            f"{kind.model.__name__}File",
            __config__=ConfigDict(extra="forbid"),
            **{kind.key: (inner, Field(description=f"{kind.title}."))},  # type: ignore[call-overload]
        )
        schema = wrapper.model_json_schema()
    schema["title"] = f"Level of Need guidance: {kind.title}"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def all_schemas() -> dict[str, str]:
    """File name → schema text, for every kind of file."""
    return {kind.schema_file: json.dumps(file_schema(kind), indent=2, sort_keys=True) + "\n" for kind in KINDS}
