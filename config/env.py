"""Tiny readers for environment variables that fail loudly on bad values."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def envbool(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean; use one of 1/0, true/false, yes/no."
    )


def envint(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from None


def envlist(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def envstr(name, default=""):
    return os.environ.get(name, default)


def envcache(name, default):
    """A Django cache from a URL: ``redis://host:port/db`` (or ``rediss://``),
    ``locmem://`` (this process only), ``file:///absolute/directory`` or ``dummy://``."""
    raw = os.environ.get(name, "").strip() or default
    scheme, _sep, rest = raw.partition("://")
    if scheme in ("redis", "rediss") and rest:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": raw}
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": rest or "pages",
            # Whole pages are large: keep a process's share of memory small.
            "OPTIONS": {"MAX_ENTRIES": 200},
        }
    if scheme == "file" and rest.startswith("/"):
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": rest}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a cache URL; use redis://host:6379/1, locmem://, "
        "file:///absolute/path or dummy://."
    )
