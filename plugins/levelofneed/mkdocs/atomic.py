"""Atomic builds: build into a fresh folder and swap it in only when the build succeeded (ADR 4).

``site/`` is a symbolic link to the folder of the last good build (``.site-live-*``, beside
it). A finished build is swapped in by pointing a new link at it and renaming that link
over ``site`` with :func:`os.replace`, which is atomic: a server reading ``site/`` sees the
old build or the new one, never neither, never a mix. Folders left by a build that was
killed (``.site-building-*`` of a process that no longer runs, ``.site-live-*`` that
``site`` no longer points at, ``.site-old-*`` from before) are removed when the next build
starts.
"""

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
        self.target = Path(os.path.abspath(target))  # not resolved: the target itself may be the link
        self.staging: Path | None = None

    def _named(self, role: str) -> str:
        return f".{self.target.name}-{role}-"

    def start(self) -> Path:
        """Clear what killed builds left, then make the staging folder, readable like any folder the user makes."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.clean_up()
        prefix = f"{self._named('building')}{os.getpid()}-"
        self.staging = Path(tempfile.mkdtemp(prefix=prefix, dir=self.target.parent))
        umask = os.umask(0)
        os.umask(umask)
        self.staging.chmod(0o777 & ~umask)
        return self.staging

    def finish(self) -> Path:
        """Point ``site`` at the new build in one atomic step, then delete the build it replaced."""
        assert self.staging is not None
        live = self.target.with_name(f"{self._named('live')}{uuid.uuid4().hex}")
        self.staging.rename(live)
        self.staging = None
        before = self._current()
        if self.target.is_dir() and not self.target.is_symlink():
            # A site from before builds were links: the one moment without a site, on the first build only.
            before = self.target.with_name(f"{self._named('old')}{uuid.uuid4().hex}")
            self.target.rename(before)
        link = self.target.with_name(f"{self._named('link')}{uuid.uuid4().hex}")
        link.symlink_to(live.name, target_is_directory=True)
        os.replace(link, self.target)
        if before is not None and before != live:
            shutil.rmtree(before, ignore_errors=True)
        return self.target

    def abandon(self) -> None:
        """Delete the staging folder; the previous site is untouched."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def _current(self) -> Path | None:
        """The build ``site`` points at now, if it is one of ours."""
        if not self.target.is_symlink():
            return None
        return self.target.with_name(os.readlink(self.target))

    def clean_up(self) -> list[str]:
        """Remove what builds that were killed left behind; returns the names removed."""
        current = self._current()
        removed = []
        for path in self.target.parent.glob(f".{self.target.name}-*-*"):
            if path == current or not self._left_behind(path):
                continue
            if path.is_symlink() or path.is_file():
                path.unlink()
            else:
                shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
        return removed

    def _left_behind(self, path: Path) -> bool:
        """A staging folder of a process that is gone, or any old, live or link entry not in use."""
        name, building = path.name, self._named("building")
        if name.startswith(building):
            pid = name[len(building):].split("-", 1)[0]
            return not (pid.isdigit() and _running(int(pid)))
        return name.startswith((self._named("live"), self._named("old"), self._named("link")))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
