"""The ``levelofneed`` command. Thin: it parses arguments and calls the pipeline.

Exit codes: 0 valid, 1 invalid content, 2 usage (including a ROOT that does not exist).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .coverage import render_coverage
from .export import export_json
from .findings import format_findings
from .pipeline import check
from .reference import render_reference
from .render import write_site
from .schema import stale_schemas, write_schemas

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="levelofneed", description="Check, export and publish Level of Need guidance."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate guidance/ and briefings/ and report every problem")
    _add_root(check_cmd)
    check_cmd.add_argument("--format", choices=("text", "github", "json"), default="text",
                           help="text (default), github annotations, or json")
    check_cmd.add_argument("--strict", action="store_true",
                           help="fail on warnings too (overdue reviews, unverified contacts), as before publishing")
    check_cmd.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                           help="the date to judge reviews and checks by (default: today)")
    schema_cmd = commands.add_parser("schema", help="write a JSON Schema for every kind of file")
    schema_cmd.add_argument("--out", type=Path, default=Path("schemas"), help="folder to write (default: schemas)")
    schema_cmd.add_argument("--check", action="store_true", help="exit 1 if the schemas in --out are stale")
    reference_cmd = commands.add_parser("reference", help="write the editors' field reference page")
    reference_cmd.add_argument("out", type=Path, nargs="?", default=Path("docs/editors/reference.md"))
    reference_cmd.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    coverage_cmd = commands.add_parser("coverage", help="write the coverage report (indicators per cell)")
    coverage_cmd.add_argument("out", type=Path, nargs="?", default=Path("docs/coverage.md"))
    coverage_cmd.add_argument("--check", action="store_true", help="exit 1 if the report is stale")
    _add_root(coverage_cmd, option=True)
    export_cmd = commands.add_parser("export", help="export the validated guidance")
    formats = export_cmd.add_subparsers(dest="export_format", required=True)
    json_cmd = formats.add_parser("json", help="the whole guidance as one JSON document (open data)")
    json_cmd.add_argument("out", type=Path, help="file to write, or - for standard output")
    _add_root(json_cmd, option=True)
    markdown_cmd = formats.add_parser("markdown", help="every site page as Markdown, for other site builders")
    markdown_cmd.add_argument("out", type=Path, help="folder to write the pages and data files into")
    _add_root(markdown_cmd, option=True)
    return parser


def _add_root(parser: argparse.ArgumentParser, option: bool = False) -> None:
    help_text = "folder holding guidance/ and briefings/ (default: current folder)"
    if option:
        parser.add_argument("--root", type=Path, default=Path("."), help=help_text)
    else:
        parser.add_argument("root", type=Path, nargs="?", default=Path("."), help=help_text)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


def _run_check(args: argparse.Namespace) -> int:
    result = check(args.root, today=args.today)
    print(format_findings(result.findings, args.format))
    return EXIT_INVALID if result.failed(args.strict) else EXIT_OK


def _run_schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = stale_schemas(args.out)
        for name in stale:
            print(f"{args.out / name}:1:1: error: schema is out of date — run 'levelofneed schema'")
        return EXIT_INVALID if stale else EXIT_OK
    for path in write_schemas(args.out):
        print(f"wrote {path}")
    return EXIT_OK


def _write_generated(out: Path, text: str, check_only: bool, command: str) -> int:
    """Write a generated page, or with ``check_only`` report whether the committed one is stale."""
    if check_only:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        if current != text:
            print(f"{out}:1:1: error: generated file is out of date — run 'levelofneed {command}'")
            return EXIT_INVALID
        return EXIT_OK
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return EXIT_OK


def _run_reference(args: argparse.Namespace) -> int:
    return _write_generated(args.out, render_reference(), args.check, "reference")


def _run_coverage(args: argparse.Namespace) -> int:
    result = check(args.root)
    if result.guidance is None:
        print(format_findings(result.findings, "text"), file=sys.stderr)
        return EXIT_INVALID
    return _write_generated(args.out, render_coverage(result.guidance), args.check, "coverage")


def _run_export(args: argparse.Namespace) -> int:
    result = check(args.root)
    if result.guidance is None:
        print(format_findings(result.findings, "text"), file=sys.stderr)
        return EXIT_INVALID
    if args.export_format == "markdown":
        count = write_site(result.guidance, args.out)
        print(f"wrote {count} files to {args.out}")
        return EXIT_OK
    text = json.dumps(export_json(result.guidance), indent=2, ensure_ascii=False) + "\n"
    if str(args.out) == "-":
        sys.stdout.write(text)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": _run_check,
    "schema": _run_schema,
    "reference": _run_reference,
    "coverage": _run_coverage,
    "export": _run_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command and return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    root = getattr(args, "root", None)
    if root is not None and not root.is_dir():
        parser.error(f"ROOT '{root}' is not a folder")
    try:
        return _COMMANDS[args.command](args)
    except OSError as error:  # e.g. an output path that is a folder, or a read-only disk
        print(f"levelofneed: error: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return EXIT_USAGE


def entry_point() -> None:
    """Console-script entry point."""
    sys.exit(main())
