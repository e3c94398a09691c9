"""Search: one set of records for the site's search worker, the Whoosh index behind
``levelofneed search``, and similar indicators at other levels (ADR 11)."""
