"""`ensure_admin` creates the local superuser once and never changes it afterwards."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command


def run_ensure_admin():
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_creates_superuser_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "officer")
    monkeypatch.setenv("ADMIN_PASSWORD", "a long enough secret")
    output = run_ensure_admin()
    user = get_user_model().objects.get()
    assert (user.username, user.is_staff, user.is_superuser) == ("officer", True, True)
    assert user.check_password("a long enough secret")
    assert "Created the admin account “officer”." in output
    assert "a long enough secret" not in output


def test_without_a_password_generates_one_and_prints_it_once(db, monkeypatch):
    monkeypatch.delenv("ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    output = run_ensure_admin()
    printed = [line for line in output.splitlines() if line.startswith("Password: ")]
    assert len(printed) == 1
    password = printed[0].removeprefix("Password: ")
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert len(password) >= 16
    assert user.check_password(password)


def test_second_run_keeps_the_existing_password(db, monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    monkeypatch.setenv("ADMIN_PASSWORD", "the first password")
    run_ensure_admin()
    monkeypatch.setenv("ADMIN_PASSWORD", "a different password")
    output = run_ensure_admin()
    user = get_user_model().objects.get()
    assert user.check_password("the first password")
    assert output == "The admin account “admin” already exists; its password is unchanged.\n"
    assert get_user_model().objects.count() == 1
