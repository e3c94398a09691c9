"""The "which level?" helper: the reference rule engine, and the data the browser engine reads (ADR 8)."""

from .data import DATA_FILE, HELPER_PAGE, helper_data
from .rules import Answers, Reason, Suggestion, suggest

__all__ = ["DATA_FILE", "HELPER_PAGE", "Answers", "Reason", "Suggestion", "helper_data", "suggest"]
