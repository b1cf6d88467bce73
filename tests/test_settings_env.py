"""The settings read the environment and refuse to start on values they cannot use.

Each case starts a fresh interpreter, as a server process would, so that the settings
module runs from the top with exactly the environment given.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

SETUP = "import django; django.setup()"
SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], "
    "s.CELERY_TASK_ALWAYS_EAGER, s.SECRET_KEY)"
)

# Variables the settings read; the developer's or CI's own values must not leak in.
READ_BY_SETTINGS = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DB_CONN_MAX_AGE",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_LOCKOUT_MINUTES",
    "LOG_LEVEL",
    "CACHE_URL",
    "PUBLIC_PAGE_MAX_AGE",
    "PAGE_CACHE_SECONDS",
    "RELEASE",
)


def start(code, **env):
    clean = {k: v for k, v in os.environ.items() if k not in READ_BY_SETTINGS}
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings"
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def refusal(completed):
    """The last line of the traceback: the exception and its message."""
    assert completed.returncode == 1, completed.stderr
    return completed.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"DEBUG": "maybe", "SECRET_KEY": "k"},
            "DEBUG='maybe' is not a boolean; use one of 1/0, true/false, yes/no.",
        ),
        (
            {"DEBUG": "1", "SECURE_COOKIES": "sometimes"},
            "SECURE_COOKIES='sometimes' is not a boolean; use one of 1/0, true/false, yes/no.",
        ),
        (
            {"DEBUG": "1", "DB_CONN_MAX_AGE": "a minute"},
            "DB_CONN_MAX_AGE='a minute' is not an integer.",
        ),
        (
            {"DEBUG": "1", "SECURE_HSTS_SECONDS": "1.5"},
            "SECURE_HSTS_SECONDS='1.5' is not an integer.",
        ),
        (
            {"DEBUG": "1", "SECURE_HSTS_PRELOAD": "please"},
            "SECURE_HSTS_PRELOAD='please' is not a boolean; use one of 1/0, true/false, yes/no.",
        ),
        (
            {"DEBUG": "1", "LOGIN_FAILURE_LIMIT": "0"},
            "LOGIN_FAILURE_LIMIT and LOGIN_LOCKOUT_MINUTES must be positive.",
        ),
        (
            {"DEBUG": "1", "LOGIN_LOCKOUT_MINUTES": "a while"},
            "LOGIN_LOCKOUT_MINUTES='a while' is not an integer.",
        ),
        (
            {"DEBUG": "1", "DATABASE_URL": "mysql://root@127.0.0.1:3306/agendas"},
            "DATABASE_URL must point at PostgreSQL or SQLite.",
        ),
        (
            {"DEBUG": "1", "CACHE_URL": "memcached://127.0.0.1:11211"},
            "CACHE_URL='memcached://127.0.0.1:11211' is not a cache URL; use "
            "redis://host:6379/1, locmem://, file:///absolute/path or dummy://.",
        ),
        (
            {"DEBUG": "0"},
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 for local work.",
        ),
        (
            {"SECRET_KEY": ""},
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 for local work.",
        ),
    ],
    ids=[
        "debug-not-boolean",
        "secure-cookies-not-boolean",
        "conn-max-age-not-integer",
        "hsts-seconds-not-integer",
        "hsts-preload-not-boolean",
        "login-failure-limit-zero",
        "lockout-minutes-not-integer",
        "mysql-database",
        "unknown-cache",
        "no-secret-key-debug-off",
        "empty-secret-key-debug-unset",
    ],
)
def test_settings_refuse_to_start_on_bad_environment(env, message):
    assert refusal(start(SETUP, **env)) == (
        "django.core.exceptions.ImproperlyConfigured: " + message
    )


def test_production_environment_is_read_as_given():
    completed = start(
        SHOW,
        DEBUG="off",
        SECRET_KEY="production-secret",
        ALLOWED_HOSTS="agendas.example.org, www.agendas.example.org",
        DATABASE_URL="postgres://agendas@db.example.org:5432/agendas",
        CELERY_BROKER_URL="redis://cache.example.org:6379/0",
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == (
        "False ['agendas.example.org', 'www.agendas.example.org'] "
        "django.db.backends.postgresql False production-secret\n"
    )


def test_debug_runs_without_secret_on_sqlite_and_eager_celery():
    completed = start(SHOW, DEBUG="1")

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == (
        "True ['127.0.0.1', 'localhost'] django.db.backends.sqlite3 True "
        "insecure-local-development-key-do-not-use-in-production\n"
    )


def production_settings_from_readme():
    """The variables of README.md's "Production settings" block, with a real secret."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### Production settings\n.*?```sh\n(.*?)```", readme, re.DOTALL)
    assert block, "README.md has no ### Production settings block"
    env = {}
    for line in block.group(1).splitlines():
        name, _, value = line.strip().partition("=")
        env[name] = value
    assert env["SECRET_KEY"] == "<at least 50 random characters>"
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def test_check_deploy_reports_nothing_with_the_readme_production_settings():
    env = production_settings_from_readme()

    completed = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env={
            # Not the test session's own DJANGO_ALLOW_ASYNC_UNSAFE (tests/browser sets it),
            # which check --deploy rightly refuses.
            **{
                k: v
                for k, v in os.environ.items()
                if k not in READ_BY_SETTINGS and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
            },
            "DJANGO_SETTINGS_MODULE": "config.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "System check identified no issues (0 silenced).\n"
    assert (env["SECURE_HSTS_INCLUDE_SUBDOMAINS"], env["SECURE_HSTS_PRELOAD"]) == ("1", "1")


def test_hsts_reads_include_subdomains_and_preload_from_the_environment():
    show = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    on = start(
        show,
        DEBUG="0",
        SECRET_KEY="k",
        SECURE_HSTS_SECONDS="63072000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="yes",
        SECURE_HSTS_PRELOAD="true",
    )
    off = start(show, DEBUG="1")

    assert (on.stdout, off.stdout) == ("63072000 True True\n", "0 False False\n")


CACHE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "c = s.CACHES['default']; print(c['BACKEND'], c.get('LOCATION'))"
)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (None, "django.core.cache.backends.locmem.LocMemCache pages"),
        (
            "redis://127.0.0.1:6379/1",
            "django.core.cache.backends.redis.RedisCache redis://127.0.0.1:6379/1",
        ),
        (
            "file:///var/cache/agendas",
            "django.core.cache.backends.filebased.FileBasedCache /var/cache/agendas",
        ),
        ("dummy://", "django.core.cache.backends.dummy.DummyCache None"),
    ],
    ids=["default-locmem", "redis", "file", "dummy"],
)
def test_the_page_cache_is_chosen_by_url(url, shown):
    completed = start(CACHE, DEBUG="1", **({"CACHE_URL": url} if url else {}))

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == shown + "\n"
