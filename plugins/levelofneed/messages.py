"""Turn pydantic's errors into sentences an editor can act on.

Each pydantic error type maps to a message (what is wrong) and a hint (how to fix
it). Field descriptions from the models are reused in hints, so the wording stays in
one place.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

_YAML_TYPE_NAMES = {
    bool: "true/false", int: "a number", float: "a number", str: "text",
    list: "a list", dict: "a mapping of fields", type(None): "nothing",
}


@dataclass(frozen=True)
class Explanation:
    """What is wrong, how to fix it, and whether the finding points at a key or its value."""

    message: str
    hint: str
    at_key: bool = False
    at_parent: bool = False
    suggestion: str | None = None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice, if one is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def describe_value(value: Any) -> str:
    """How a YAML value looks to an editor: 'a list', 'the number 3' …"""
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    return _YAML_TYPE_NAMES.get(type(value), f"'{value}'")


def explain(error: ErrorDetails, model: type[BaseModel]) -> Explanation:
    """Explain one pydantic error for a record of type ``model``."""
    kind = error["type"]
    field = _field_name(error["loc"])
    handler = _HANDLERS.get(kind)
    if handler is not None:
        explanation: Explanation = handler(error, field, _model_at(model, error["loc"]))
        return explanation
    return Explanation(f"'{field}': {error['msg']}", "correct the value; see the schema for what is allowed")


def _field_name(loc: tuple[int | str, ...]) -> str:
    names = [str(step) for step in loc if isinstance(step, str)]
    return names[-1] if names else "record"


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
    """The nested model a location points into, so hints can name its fields."""
    current = model
    for step in loc[:-1]:
        if not isinstance(step, str) or step not in current.model_fields:
            continue
        annotation = current.model_fields[step].annotation
        for candidate in _model_types(annotation):
            current = candidate
    return current


def _model_types(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [t for arg in getattr(annotation, "__args__", ()) for t in _model_types(arg)]


def _extra(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    allowed = list(model.model_fields)
    guess = did_you_mean(field, allowed)
    hint = f"did you mean '{guess}'?" if guess else f"remove it; allowed fields are: {', '.join(allowed)}"
    return Explanation(f"unknown field '{field}'", hint, at_key=True, suggestion=guess)


def _missing(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    info = model.model_fields.get(field)
    description = f" ({info.description})" if info is not None and info.description else ""
    return Explanation(f"missing required field '{field}'", f"add '{field}:'{description}", at_parent=True)


def _label(error: ErrorDetails, field: str) -> str:
    """'summary', or 'item 3 of learning' when the error is inside a list."""
    last = error["loc"][-1] if error["loc"] else None
    return f"item {last + 1} of '{field}'" if isinstance(last, int) else f"'{field}'"


def _wrong_type(expected: str) -> Any:
    def handler(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
        found = describe_value(error["input"])
        hint = f"write {expected} here"
        if expected == "text" and isinstance(error["input"], int | float | bool):
            hint = f"put the value in quotes, e.g. '{field}: \"{error['input']}\"'"
        elif expected == "text" and isinstance(error["input"], dict):
            hint = "text containing ': ' is read as a field name; put the whole text in quotes"
        return Explanation(f"{_label(error, field)} should be {expected}, but is {found}", hint)

    return handler


def _literal(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    choices = re.findall(r"'([^']*)'", expected)
    guess = did_you_mean(str(error["input"]), choices)
    hint = f"did you mean '{guess}'?" if guess else f"use one of: {', '.join(choices)}"
    return Explanation(f"'{error['input']}' is not an allowed value for '{field}'", hint)


def _pattern(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    value = str(error["input"])
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-record"
    return Explanation(f"'{value}' is not a valid id",
                       f"use lower-case letters, digits and single hyphens, e.g. '{slug}'")


def _too_short(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    if isinstance(error["input"], str):
        return Explanation(f"'{field}' is empty", "write the text, or remove the field if it is optional")
    minimum = (error.get("ctx") or {}).get("min_length", 1)
    return Explanation(f"'{field}' needs at least {minimum} item{'s' if minimum != 1 else ''}",
                       f"add items to the '{field}' list")


def _date(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    return Explanation(f"'{field}' is not a valid date: '{error['input']}'",
                       "write the date as YYYY-MM-DD, e.g. 2026-04-30")


def _url(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    return Explanation(f"'{field}' is not a valid web address: '{error['input']}'",
                       "write the full address, starting with https://")


def _bounds(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    ctx = error.get("ctx") or {}
    limits = " and ".join(f"{word} {ctx[key]}" for key, word in (("ge", "at least"), ("le", "at most")) if key in ctx)
    return Explanation(f"'{field}' is {error['input']}, out of range", f"use a number {limits}")


def _value_error(error: ErrorDetails, field: str, model: type[BaseModel]) -> Explanation:
    text = str(error["msg"]).removeprefix("Value error, ")
    message, _, hint = text.partition(" — ")
    return Explanation(message, hint or "correct the value", at_parent=not error["loc"])


_HANDLERS: dict[str, Any] = {
    "extra_forbidden": _extra,
    "missing": _missing,
    "string_type": _wrong_type("text"),
    "list_type": _wrong_type("a list (each item on its own line starting with '- ')"),
    "int_type": _wrong_type("a whole number"),
    "int_parsing": _wrong_type("a whole number"),
    "model_type": _wrong_type("a mapping of fields"),
    "model_attributes_type": _wrong_type("a mapping of fields"),
    "dict_type": _wrong_type("a mapping of fields"),
    "literal_error": _literal,
    "string_pattern_mismatch": _pattern,
    "string_too_short": _too_short,
    "too_short": _too_short,
    "date_type": _date,
    "date_parsing": _date,
    "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date,
    "url_parsing": _url,
    "url_type": _url,
    "url_scheme": _url,
    "greater_than_equal": _bounds,
    "less_than_equal": _bounds,
    "value_error": _value_error,
    "string_too_long": lambda e, f, m: Explanation(f"'{f}' is too long", "shorten it"),
}

