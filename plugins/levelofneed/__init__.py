"""Level of Need knowledge base: guidance as validated data, published as a site, helper, search and PDF."""

from .guidance import Guidance, Origin
from .pipeline import GuidanceError, Result, check, load_guidance

__all__ = ["Guidance", "GuidanceError", "Origin", "Result", "check", "load_guidance"]
