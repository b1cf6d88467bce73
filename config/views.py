"""Project-wide pages that belong to no app: the database unavailable (503) and the
login lockout (429)."""

import sys

from django.conf import settings
from django.contrib import admin
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import defaults

# How long a client is asked to wait before trying again while the database is away:
# a restart or a failover is usually over within this.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """handler500: a 503 with Retry-After when the database failed, else Django's 500.

    Django calls this inside its ``except`` block, so ``sys.exc_info()`` is the error
    that stopped the request, wherever it was raised (a view, a middleware, a template).
    An OperationalError or InterfaceError is the database not doing its part (stopped,
    restarting, unreachable, out of connections), not a mistake in the request or the
    code: the visitor is told to come back shortly, and proxies and crawlers are told
    when. It is still logged as a server error, with its traceback.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable(request)
    return defaults.server_error(request)


def database_unavailable(request):
    """The 503 page. Rendered without the request, so that no context processor runs:
    nothing here reads the session, the user or any other table."""
    content = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # The page must not outlive the outage in a cache.
    response["Cache-Control"] = "no-store"
    return response


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response: the admin's login page, explaining the pause.

    Drawn without reading the database (``each_context`` of an anonymous visitor reads
    no table): it answers a flood of attempts and should cost as little as possible.
    """
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {
        **admin.site.each_context(request),
        "title": _("Logging in is paused"),
        "username": username,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": minutes,
    }
    # Returned from a middleware, after the point where Django renders responses.
    response = TemplateResponse(request, "lockout.html", context, status=429).render()
    response["Retry-After"] = str(minutes * 60)
    return response
