"""What every check is given: the records read so far, the day to judge dates by, and whether
every file could be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..validate import Collected


@dataclass(frozen=True)
class Context:
    """One run's records and circumstances.

    ``complete`` is false when a file or folder could not be read: a check that needs to see
    every record (an unknown id, a level with no planning response) would then report
    records as missing that are merely unreadable, so it does not run (ADR 1).
    """

    collected: Collected
    today: dt.date
    complete: bool = True
