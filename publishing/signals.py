"""Signals of publishing, for the apps that show what is published.

``version_published`` is sent inside the publishing transaction, once the version and
its rows are written, with ``version`` and ``addresses``: every public address the
agenda was ever published at, as ``(body_slug, session_key, agenda_slug)`` (the new
version's among them). Caches of public pages listen to it (``public.pagecache``).
"""

from django.dispatch import Signal

version_published = Signal()
