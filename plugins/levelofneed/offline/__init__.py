"""The site offline (ADR 20): what the service worker keeps, and writing it into a built site."""

from .plan import PLAN_FILE, VERSION_FILE, WORKER_FILE, OfflinePlan, SiteFile, group_of, plan, site_file
from .site import BUILD_META, OfflineSummary, add_offline, worker_script

__all__ = ["BUILD_META", "PLAN_FILE", "VERSION_FILE", "WORKER_FILE", "OfflinePlan", "OfflineSummary", "SiteFile",
           "add_offline", "group_of", "plan", "site_file", "worker_script"]
