"""Atomic builds: build into a fresh folder and swap it in only when the build succeeded (ADR 4)."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import uuid
from pathlib import Path


class AtomicSiteDir:
    """Build into a fresh folder beside ``site_dir`` and swap it in only when the build succeeded.

    MkDocs empties ``site_dir`` before it builds, so a failed build would otherwise
    leave no site at all. See docs/adr/0004-atomic-site-builds.md.
    """

    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.staging: Path | None = None

    def start(self) -> Path:
        """Make the staging folder, readable like any folder the user would make."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-building-", dir=self.target.parent))
        umask = os.umask(0)
        os.umask(umask)
        self.staging.chmod(0o777 & ~umask)
        return self.staging

    def finish(self) -> Path:
        """Move the old site aside, the new one in, then delete the old one."""
        assert self.staging is not None
        old = self.target.with_name(f".{self.target.name}-old-{uuid.uuid4().hex}")
        if self.target.exists():
            self.target.rename(old)
        self.staging.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)
        self.staging = None
        return self.target

    def abandon(self) -> None:
        """Delete the staging folder; the previous site is untouched."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


class WarningCounter(logging.Handler):
    """Counts warnings, so we know before MkDocs does whether a strict build will be aborted."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    @classmethod
    def install(cls) -> WarningCounter:
        counter = cls()
        logging.getLogger("mkdocs").addHandler(counter)
        return counter

    def uninstall(self) -> int:
        """Stop counting; returns the number of warnings seen."""
        logging.getLogger("mkdocs").removeHandler(self)
        return self.count
