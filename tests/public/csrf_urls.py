"""A published page that holds a CSRF token, for tests/public/test_page_cache.py only."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from public.pagecache import published_page


@published_page
def form(request):
    return HttpResponse(f"token:{get_token(request)}")


urlpatterns = [path("form/", form)]
