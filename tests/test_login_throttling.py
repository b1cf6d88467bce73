"""Failed admin logins are throttled (django-axes), and the lockout says so on the page."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from .factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def secretariat():
    return UserFactory(username="secretariat", is_staff=True, is_superuser=True)


def attempt(client, username, password, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def fail(client, times, username="secretariat"):
    for _ in range(times):
        response = attempt(client, username, "wrong password")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.text


def lock_out(client, username="secretariat"):
    """Four failures show the login form's error; the fifth is refused with the lockout."""
    fail(client, 4, username)
    assert attempt(client, username, "wrong password").status_code == 429


def test_the_fifth_failure_locks_the_username_out_with_a_page_that_explains(secretariat):
    client = Client()
    lock_out(client)

    # Even the right password is refused now.
    response = attempt(client, "secretariat", PASSWORD)

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<h1>Logging in is paused</h1>" in response.text
    assert (
        "Too many failed attempts have been made to log in as “secretariat” from your address."
        in response.text
    )
    assert "To protect the account, logging in is paused for 15 minutes." in response.text
    assert '<a href="/admin/login/">Back to the login page</a>' in response.text
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_speaks_the_visitors_language(secretariat):
    client = Client()
    lock_out(client)

    response = attempt(client, "secretariat", PASSWORD, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 429
    assert "La connexion est suspendue" in response.text
    assert "la connexion est suspendue pendant 15 minutes." in response.text


def test_another_username_from_the_same_address_still_logs_in(secretariat):
    UserFactory(username="translator_zh", is_staff=True)
    client = Client()
    lock_out(client)

    response = attempt(client, "translator_zh", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_success_before_the_limit_starts_the_count_again(secretariat):
    client = Client()
    fail(client, 4)
    assert attempt(client, "secretariat", PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)

    assert attempt(client, "secretariat", PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(secretariat):
    client = Client()
    lock_out(client)

    # Sixteen minutes pass.
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    response = attempt(client, "secretariat", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
