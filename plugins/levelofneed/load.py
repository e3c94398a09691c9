"""Load YAML files safely, keeping the composed node tree so every value can be located.

Positions are not copied into a side table: the composed nodes already carry their
``start_mark``, and a finding walks the tree only when it needs a location. That
keeps ``check`` close to the cost of a bare ``yaml.compose`` (see ``bench/``).
"""

from __future__ import annotations

import bisect
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding

try:  # the C loader is about four times faster; fall back when libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 50  # the deepest real record nests about 5 levels; Python's own limit is near 1,000
STR_TAG = "tag:yaml.org,2002:str"
_SCALARS = yaml.constructor.SafeConstructor.yaml_constructors
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()  # stateless for scalars, so one serves every file
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_SAFE_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp", "str")
}


class Document:
    """One YAML file: its plain data, and where each value is written.

    The composed node tree is not kept: holding every file's nodes until validation
    ends cost more than the compose itself. Records' own positions (the first two
    levels) are kept; anything deeper is found by composing the file again, which
    only happens when there is something to report.
    """

    def __init__(self, path: str, data: Any, text: str, root: yaml.Node) -> None:
        self.path = path
        self.data = data
        self._text = text
        self._record_marks = _record_marks(root)
        self._root: yaml.Node | None = None

    @property
    def text(self) -> str:
        """The file's text as read (decoded, byte-order mark removed)."""
        return self._text

    @property
    def root(self) -> yaml.Node:
        """The composed nodes, rebuilt on first use (only findings need them)."""
        if self._root is None:
            self._root = _compose(self._text, self.path)
        return self._root

    def records_at(self, offsets: list[int]) -> list[tuple[str | int, ...]]:
        """The records whose text holds these character offsets, each once, in file order.

        A record is a list item under the file's one key, the mapping under it, or (a
        file with no kind key, such as a briefing) the whole file. Lets a search of the
        raw text narrow the walk of values to the records that need it.
        """
        depth = _record_depth(self.data)
        if depth == 0:
            return [()]
        starts = sorted((line, path) for path, (line, _) in self._record_marks.items() if len(path) == depth)
        first_lines = [line for line, _ in starts]
        found: dict[tuple[str | int, ...], None] = {}
        line, previous = 1, 0
        for offset in sorted(offsets):
            line += self._text.count("\n", previous, offset)
            previous = offset
            index = bisect.bisect_right(first_lines, line) - 1
            if index >= 0:
                found[starts[index][1]] = None
        return list(found)

    def position_of(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """1-based line and column of a record (cheap), or of any value (recomposes)."""
        mark = self._record_marks.get(path)
        return mark if mark is not None else position(node_at(self.root, path))


def _record_depth(data: Any) -> int:
    """2 for a file of listed records, 1 for one record under its kind key, 0 for a file that is a record."""
    if isinstance(data, dict) and len(data) == 1:
        return 2 if isinstance(next(iter(data.values())), list) else 1
    return 0


def _record_marks(root: yaml.Node) -> dict[tuple[str | int, ...], tuple[int, int]]:
    marks: dict[tuple[str | int, ...], tuple[int, int]] = {(): position(root)}
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            key = (str(key_node.value),)
            marks[key] = position(value_node)
            if isinstance(value_node, yaml.SequenceNode):
                marks.update({(*key, index): position(item) for index, item in enumerate(value_node.value)})
    return marks


class LoadError(Exception):
    """Content that cannot be turned into data; carries the finding to report."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.as_text())
        self.finding = finding


def load_document(file: Path, display_path: str, root: Path | None = None) -> Document | Finding:
    """Read, compose and convert one file, or explain why it cannot be read.

    Only a regular file is read, and never more than the size limit: a pipe would make the
    read wait for ever, and a link to ``/dev/zero`` would read until memory ran out. A link
    that leads out of ``root`` is refused, so that no file outside the repository (a
    credential, say) is read, or quoted in a finding.
    """
    try:
        _refuse_special(file, display_path, root)
        text = _read_text(file, display_path)
        nodes = _compose(text, display_path)
        return Document(display_path, _Converter(display_path, len(text)).convert(nodes), text, nodes)
    except LoadError as error:
        return error.finding


def _error(path: str, line: int, column: int, message: str, hint: str) -> LoadError:
    return LoadError(Finding(path, line, column, "error", message, hint))


def _refuse_special(file: Path, path: str, root: Path | None) -> None:
    try:
        regular = stat.S_ISREG(file.stat().st_mode)
        outside = root is not None and not file.resolve().is_relative_to(root.resolve())
    except OSError as error:
        raise _error(path, 1, 1, f"file cannot be read ({error.strerror or error})",
                     "check that the file exists and that you may read it") from None
    if not regular:
        raise _error(path, 1, 1, "not a regular file (a pipe, a device or a link to one)",
                     "replace it with an ordinary YAML file, or delete it")
    if outside:
        raise _error(path, 1, 1, "a link to a file outside the repository",
                     "copy the content into the repository instead of linking to it")


def _read_text(file: Path, path: str) -> str:
    try:
        return _decode(file, path)
    except OSError as error:
        raise _error(path, 1, 1, f"file cannot be read ({error.strerror or error})",
                     "check that the file exists and that you may read it") from None


def _read_at_most(file: Path, limit: int) -> bytes:
    """The file's bytes, but never more than ``limit``, whatever its size says; read in chunks, so a
    small file costs little memory."""
    chunks: list[bytes] = []
    read = 0
    with file.open("rb") as stream:
        while read < limit:
            chunk = stream.read(min(1 << 16, limit - read))
            if not chunk:
                break
            chunks.append(chunk)
            read += len(chunk)
    return b"".join(chunks)


def _decode(file: Path, path: str) -> str:
    size = file.stat().st_size
    raw = b"" if size > MAX_FILE_BYTES else _read_at_most(file, MAX_FILE_BYTES + 1)
    if size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
        size = max(size, len(raw))
        raise _error(path, 1, 1, f"file is {size // 1024 // 1024} MiB, over the 20 MiB limit",
                     "split it into several smaller files of the same kind")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise _error(path, line, column, "file is not valid UTF-8 text",
                     "save the file with UTF-8 encoding (in most editors: 'Save with encoding' → UTF-8)") from None
    tab = _TAB_INDENT.search(text)
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        raise _error(path, line, tab.end() - tab.start(), "line is indented with a tab",
                     "YAML indentation must use spaces; replace the tab with spaces")
    return text


def _compose(text: str, path: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, path) from None
    except yaml.YAMLError as error:
        raise _error(path, 1, 1, f"YAML could not be read: {error}", "check the file's syntax") from None
    if root is None:
        raise _error(path, 1, 1, "file is empty", "add content, or delete the file")
    return root


def _syntax_error(error: yaml.MarkedYAMLError, path: str) -> LoadError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "invalid YAML"
    if "expected a single document" in str(error.context or ""):
        return _error(path, line, column, "file holds more than one YAML document",
                      "remove the '---' separator; put each document in its own file")
    return _error(path, line, column, f"YAML syntax error: {problem}",
                  "check indentation, colons and quotes on this line and the one before; "
                  "quote any text that contains ': ' or starts with a special character")


class _Converter:
    """Turns composed nodes into plain data, rejecting duplicate keys and unsafe tags.

    Aliases are expanded here, under a node budget proportional to the file size, so a
    'billion laughs' file fails at once instead of exhausting memory.
    """

    def __init__(self, path: str, text_length: int) -> None:
        self.path = path
        self.budget = text_length + 10_000

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise self._fail(node, "aliases expand to far more values than the file holds",
                             "remove the YAML anchors (&) and aliases (*) and write the values out")
        if depth > MAX_DEPTH:
            raise self._fail(node, f"values are nested more than {MAX_DEPTH} levels deep",
                             "guidance never needs this much nesting; check the brackets and indentation")
        if node.tag == STR_TAG:  # most values are plain text: the fast path keeps check near the compose floor
            return node.value
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.tag not in _COLLECTION_TAGS:
            raise self._unsafe_tag(node)
        if isinstance(node, yaml.SequenceNode):
            self.budget -= len(node.value)  # text items below skip convert(), so count them here
            return [item.value if item.tag == STR_TAG else self.convert(item, depth + 1) for item in node.value]
        return self._mapping(node, depth)

    def _mapping(self, node: yaml.Node, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        self.budget -= len(node.value)
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == STR_TAG else self._key(key_node)
            if key in result:
                raise self._fail(key_node, f"duplicate key '{key}'",
                                 "each key may appear once in a mapping; remove or merge the repeat")
            result[key] = value_node.value if value_node.tag == STR_TAG else self.convert(value_node, depth + 1)
        return result

    def _key(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:merge":
                raise self._fail(node, "merge keys ('<<') are not allowed",
                                 "write the fields out in full so reviewers can see them")
            return str(self._scalar(node))
        raise self._fail(node, "a key must be a plain word", "write the key as a single word followed by ':'")

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == STR_TAG:
            return node.value
        if node.tag not in _SAFE_SCALAR_TAGS:
            raise self._unsafe_tag(node)
        construct: Callable[[Any, yaml.Node], Any] = _SCALARS[node.tag]
        try:
            return construct(_CONSTRUCTOR, node)
        except ValueError:  # e.g. 2026-13-01: keep the text and let validation explain it
            return node.value

    def _unsafe_tag(self, node: yaml.Node) -> LoadError:
        return self._fail(node, f"unsupported YAML tag '{node.tag}'",
                          "remove the '!' tag; plain text, numbers, dates, lists and mappings are enough")

    def _fail(self, node: yaml.Node, message: str, hint: str) -> LoadError:
        mark = node.start_mark
        return _error(self.path, mark.line + 1, mark.column + 1, message, hint)


def node_at(root: yaml.Node, path: tuple[str | int, ...], key: bool = False) -> yaml.Node:
    """The node at ``path`` (keys and indexes), or the deepest ancestor that exists.

    With ``key`` set, the key node of the last step is returned instead of its value,
    which is where an 'unknown field' finding should point.
    """
    node = root
    for index, step in enumerate(path):
        child = _child(node, step, key and index == len(path) - 1)
        if child is None:
            continue  # a step pydantic adds (e.g. a union member's name) that is not in the YAML
        node = child
    return node


def _child(node: yaml.Node, step: str | int, want_key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return key_node if want_key else value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        child: yaml.Node = node.value[step]
        return child
    return None


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1
