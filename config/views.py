"""Project-wide pages that belong to no app: the login lockout (429)."""

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


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
