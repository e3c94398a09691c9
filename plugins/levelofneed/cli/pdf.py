"""``levelofneed pdf``: print the whole guidance, a card per level and every 7-minute briefing as PDFs.

The same PDFs as the site's ``pdf/`` folder, from the same publishing path. Bad content
stops with the findings ``check`` prints (exit 1); an output folder that cannot be
written is a usage error (exit 2), found before any printing starts. A briefing or card
longer than its page limit is a warning: the PDF is still written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..labels import counted, file_size
from ..pdf.progress import terminal_progress
from ..publish import pdf_outputs, print_pdfs, write_outputs
from .common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_root, load

NAME = "pdf"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="print the guidance, level cards and briefings as PDFs")
    parser.add_argument("--out", type=Path, default=Path("pdf"), metavar="DIR",
                        help="folder to write the PDFs into (default: pdf)")
    add_root(parser, option=True)


def writable(folder: Path) -> str | None:
    """None when PDFs can be written into ``folder`` (made if missing); otherwise why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return error.strerror or str(error)
    return None


def run(args: argparse.Namespace) -> int:
    problem = writable(args.out)
    if problem is not None:
        print(f"levelofneed: error: cannot write PDFs to '{args.out}': {problem} — choose another folder with "
              "--out", file=sys.stderr)
        return EXIT_USAGE
    guidance = load(args.root)
    if guidance is None:
        return EXIT_INVALID
    printed = print_pdfs(guidance, terminal_progress(sys.stderr))
    for finding in printed.findings:
        print(finding.as_text(), file=sys.stderr)
    write_outputs(pdf_outputs(printed, folder=""), args.out)
    for item in printed.files:
        print(f"wrote {args.out / item.path} ({counted(item.pages, 'page')}, {file_size(len(item.data))})")
    return EXIT_OK
