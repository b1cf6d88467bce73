"""Published pages served almost like static files.

A published version never changes, so a public page drawn around it stays the same
until something is published again. ``published_page`` marks a view's answer as such a
page: it gets an ETag (a hash of its bytes), the Last-Modified the view gives and a
``Cache-Control`` a CDN can use. ``PublishedPageCacheMiddleware`` stores those answers
and serves them, with 304s to conditional requests, before sessions, locale, CSRF,
URL resolution, queries or templates run.

What keeps a stored page right:

- **Who asked.** Only requests without a session cookie read or store pages; a logged-in
  member of staff always gets a freshly drawn page, marked private, and never leaves one
  behind. A page that set a cookie, or put a CSRF token in its HTML, is never stored.
- **Where.** The key is the scheme, host and full path with its query string: every page
  names its language in its path, so ``/en/`` and ``/fr/`` never share an entry.
- **When.** Each page carries the stamp of what it shows: an agenda page (and its earlier
  versions) the stamp of its address, every other page the site's. Publishing an agenda
  renews the stamps of the site and of every address the agenda was ever published at
  (``invalidate_published``, on commit), which turns the pages drawn before into misses.
- **Which day.** The key includes the date: lists of current and upcoming sessions are
  drawn again each day.
- **Which worker.** Each process keeps the pages it served last in memory
  (``PAGE_CACHE_LOCAL_BYTES``) and trusts the stamps it last read for
  ``PAGE_CACHE_LOCAL_SECONDS``: a page served again within that time costs no round
  trip to the shared cache. The process that publishes renews its own stamps at once;
  the others see a publish at most that many seconds later (0 asks the shared cache on
  every request).
- **Which code.** The key includes the release (``release()``): a deploy of new site code
  never serves pages drawn by the old one.
"""

import functools
import hashlib
import re
import time
import uuid
from collections import OrderedDict
from pathlib import Path

import django
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

# /<language>/bodies/<body>/sessions/<session>/<document>/ and everything below it.
AGENDA_PATH = re.compile(r"^/[^/]+/bodies/([^/]+)/sessions/(special-)?0*([0-9]+)/([^/]+)/")
SITE = "site"
# Headers a page is stored with; the others are added again by the middleware around.
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options")
# Where the site's code lives: what a release fingerprint is computed from.
SOURCE_DIRS = ("config", "languages", "agendas", "resolutions", "scheduling", "publishing")
SOURCE_DIRS += ("public", "locale")
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".mo", ".json"}


def release():
    """The site code's fingerprint: ``settings.RELEASE`` or a hash of the source files."""
    return settings.RELEASE or source_fingerprint()


@functools.cache
def source_fingerprint():
    """A hash of the files that draw pages, computed once per process at its first page:
    templates, code, static files and compiled catalogues all change what a page shows."""
    digest = hashlib.sha256(django.get_version().encode())
    for name in SOURCE_DIRS:
        root = Path(settings.BASE_DIR) / name
        for path in sorted(root.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache():
    return caches["default"]


def address_tag(body_slug, session_key, agenda_slug):
    """The tag of the pages at an agenda address, as ``session_key`` writes the session
    ("11", "special-2")."""
    return f"address:{body_slug}/{session_key}/{agenda_slug}"


def tag_of(path):
    """What a page at ``path`` depends on: its agenda address, or the whole site."""
    match = AGENDA_PATH.match(path)
    if match is None:
        return SITE
    body, special, number, document = match.groups()
    # "011" and "11" are one session to the URL converter: one tag for both.
    return address_tag(body, f"{special or ''}{int(number)}", document)


def stamp_key(tag):
    """The cache key of a tag's stamp. The tag comes from the address asked for, which
    may hold any character, so the key holds its digest: short, and safe for every
    cache backend."""
    return f"pages:stamp:{hashlib.md5(tag.encode()).hexdigest()}"


def _page_key(request):
    where = f"{request.scheme}://{request._get_raw_host()}{request.get_full_path()}"
    # The day is part of the key: what is "current and upcoming" changes at midnight.
    day = timezone.localdate().isoformat()
    return f"pages:{release()}:{day}:{hashlib.md5(where.encode()).hexdigest()}"


class LocalPages:
    """This process's most recent pages (least recently served dropped first, within a
    size in bytes) and the stamps it last read, with when it read them."""

    def __init__(self):
        self.clear()

    def clear(self):
        self.pages = OrderedDict()
        self.size = 0
        self.stamps = {}

    def get(self, key):
        entry = self.pages.get(key)
        if entry is not None:
            self.pages.move_to_end(key)
        return entry

    def put(self, key, entry):
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        if len(entry[1]) > limit:
            return
        old = self.pages.pop(key, None)
        if old is not None:
            self.size -= len(old[1])
        self.pages[key] = entry
        self.size += len(entry[1])
        while self.size > limit:
            _key, dropped = self.pages.popitem(last=False)
            self.size -= len(dropped[1])

    def stamp(self, tag):
        known = self.stamps.get(tag)
        if known is not None and time.monotonic() - known[1] < settings.PAGE_CACHE_LOCAL_SECONDS:
            return known[0]
        return None

    def remember(self, tag, stamp):
        self.stamps[tag] = (stamp, time.monotonic())


local_pages = LocalPages()


def invalidate(tags):
    """Give each tag a new stamp: every page stored under an older one is a miss now."""
    stamps = {tag: uuid.uuid4().hex for tag in tags}
    _cache().set_many({stamp_key(tag): stamp for tag, stamp in stamps.items()}, timeout=None)
    for tag, stamp in stamps.items():
        local_pages.remember(tag, stamp)


def invalidate_published(sender, *, addresses, **kwargs):
    """Receiver of ``publishing.signals.version_published``: the site's lists and the
    pages at every address of the published agenda change.

    Sent inside the publishing transaction: the stamps are renewed now, so that no page
    is stored under the old ones any more, and again after the commit, so that a page
    drawn from the old rows in between (and stored under the new stamps) is dropped too.
    """
    tags = [SITE, *(address_tag(*address) for address in addresses)]
    invalidate(tags)
    transaction.on_commit(lambda: invalidate(tags))


def _current_stamp(cache, tag):
    stamp = local_pages.stamp(tag)
    if stamp is not None:
        return stamp
    stamp = cache.get(stamp_key(tag))
    if stamp is None:
        # First page since the cache was emptied: start a stamp (another process may
        # have started one at the same moment; then that one is the stamp).
        cache.add(stamp_key(tag), uuid.uuid4().hex, timeout=None)
        stamp = cache.get(stamp_key(tag))
    local_pages.remember(tag, stamp)
    return stamp


def _stored(cache, key, stamp):
    """The page stored under ``key`` and ``stamp``, from this process or the shared
    cache, or None."""
    entry = local_pages.get(key)
    if entry is not None and entry[0] == stamp:
        return entry
    entry = cache.get(key)
    if entry is not None and entry[0] == stamp:
        local_pages.put(key, entry)
        return entry
    return None


def published_page(view):
    """Mark a view's successful answers as public pages of published versions.

    The view may set ``response.last_modified`` (a datetime) to the time of the newest
    publication the page shows.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            response["ETag"] = f'"{hashlib.md5(response.content).hexdigest()}"'
            last_modified = getattr(response, "last_modified", None)
            if last_modified is not None:
                response["Last-Modified"] = http_date(last_modified.timestamp())
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
            response.published_page = True
        return response

    return wrapper


def _is_conditional(request):
    return "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META


def _conditional(request, response):
    if not _is_conditional(request):
        return response
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=_parse_last_modified(response.get("Last-Modified")),
        response=response,
    )


def _parse_last_modified(value):
    return parse_http_date_safe(value) if value else None


class PublishedPageCacheMiddleware:
    """Answer stored published pages for anonymous requests; store new ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return self._private(request)
        cache = _cache()
        key = _page_key(request)
        stamp = _current_stamp(cache, tag_of(request.path_info))
        entry = _stored(cache, key, stamp)
        if entry is not None:
            return _conditional(request, _replay(entry))
        response = self.get_response(request)
        if self._storable(request, response):
            entry = _entry(stamp, response)
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            local_pages.put(key, entry)
        if getattr(response, "published_page", False):
            return _conditional(request, response)
        return response

    def _private(self, request):
        # Someone logged in (or once logged in): drawn afresh, never stored, and never
        # kept by a shared cache on the way.
        response = self.get_response(request)
        if getattr(response, "published_page", False):
            del response["Cache-Control"]
            patch_cache_control(response, private=True, no_cache=True)
            return _conditional(request, response)
        return response

    @staticmethod
    def _storable(request, response):
        return (
            request.method == "GET"
            and getattr(response, "published_page", False)
            and response.status_code == 200
            and not response.cookies
            # The page holds a CSRF token: it belongs to this visitor alone.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )


def _entry(stamp, response):
    headers = tuple((name, response[name]) for name in STORED_HEADERS if response.has_header(name))
    extra = (("ETag", response["ETag"]), ("Cache-Control", response["Cache-Control"]))
    if response.has_header("Last-Modified"):
        extra += (("Last-Modified", response["Last-Modified"]),)
    return (stamp, response.content, headers + extra)


def _replay(entry):
    _stamp, content, headers = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(content))
    response.published_page = True
    return response
