"""Project-wide middleware."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class RejectNulMiddleware:
    """Refuse requests whose parameters contain a NUL character, with a 400.

    No text the product stores or searches contains NUL, and PostgreSQL cannot even
    compare text with it: a search, an admin filter or a form given one would fail
    with a server error deep in the database. Refused here, the person is told why.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request.GET) or (request.method == "POST" and self._has_nul(request.POST)):
            return HttpResponseBadRequest(
                _("The request contains a NUL character, which no text here can hold."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)

    @staticmethod
    def _has_nul(params):
        return any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in params.lists()
        )
