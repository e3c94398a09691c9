"""How text names a contact: ``((contact-id))``. The ground floor: it imports nothing of ours.

The number lives only in the contact's record (ADR 5); text names the contact, and
every output writes it out in its own way (:mod:`.labels` in words, the page writer with a
tap-to-call link, the helper's data as parts). The loader's check that every placeholder
names a contact (:mod:`.mentions`) and the outputs read the syntax from here.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\(\(([^()]*)\)\)")


def contact_ids(text: str) -> list[str]:
    """The contacts a text names, in order, each once."""
    return list(dict.fromkeys(found.group(1).strip() for found in PLACEHOLDER.finditer(text)))
