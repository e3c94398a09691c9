"""``levelofneed export``: the open-data JSON, or every site page and file for other site builders.

Both come from :func:`levelofneed.publish.publish`, the path the MkDocs plugin uses too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..publish import open_data, publish, site_options, write_project
from .common import EXIT_INVALID, EXIT_OK, add_root, load

NAME = "export"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="export the validated guidance")
    formats = parser.add_subparsers(dest="export_format", required=True)
    json_cmd = formats.add_parser("json", help="the whole guidance as one JSON document (open data)")
    json_cmd.add_argument("out", type=Path, help="file to write, or - for standard output")
    add_root(json_cmd, option=True)
    markdown_cmd = formats.add_parser("markdown", help="the whole site as a project for another site builder: "
                                                       "docs/ (every page, with the emergency banner) and mkdocs.yml")
    markdown_cmd.add_argument("out", type=Path, help="folder to write the project into")
    add_root(markdown_cmd, option=True)


def run(args: argparse.Namespace) -> int:
    guidance = load(args.root)
    if guidance is None:
        return EXIT_INVALID
    if args.export_format == "markdown":
        docs = args.root / "docs"
        count = write_project(publish(guidance, site_options(docs)), args.out, docs)
        print(f"wrote {count} files to {args.out}")
        return EXIT_OK
    data = open_data(guidance)
    if str(args.out) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
        print(f"wrote {args.out}")
    return EXIT_OK
