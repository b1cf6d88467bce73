"""Settings for the agenda platform.

Everything that differs between a laptop and production comes from the environment.
With nothing set the product runs on SQLite with eager Celery, as `make run` needs; in
production set DATABASE_URL (PostgreSQL), CELERY_BROKER_URL (Redis), SECRET_KEY,
ALLOWED_HOSTS and leave DEBUG off.
"""

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from .env import envbool, envcache, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)

SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 for local work."
        )
    # Local development only: a key nobody can use in production because DEBUG is on.
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that its admin classes patch in.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Full-text search fields and lookups (used on PostgreSQL; harmless on SQLite).
    "django.contrib.postgres",
    # The rich text editor's scripts and styles, served from our own static files.
    "django_prose_editor",
    "axes",
    # The history of the content: a revision per change, restorable (agendas.history).
    "reversion",
    # The product's apps, each depending only on those above it:
    # languages <- agendas <- resolutions, scheduling <- interchange, drafting <- publishing
    # <- public.
    "agendas",
    "resolutions",
    "scheduling",
    "interchange",
    "drafting",
    "publishing",
    "public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Second, so that every response carries the policy, error pages included.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Right after static files and before sessions, locale and CSRF: a published page
    # stored for anonymous readers is answered from the cache without running them.
    "public.pagecache.PublishedPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware, so that its refusal is in the visitor's language.
    "config.middleware.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes counts failed logins before the password is checked; ModelBackend then
# authenticates as usual.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        # A kept connection is tested before a request reuses it, so that after the
        # database restarts the next request reconnects instead of failing on a dead one.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.postgresql",
    "django.db.backends.sqlite3",
):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL or SQLite.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer must become a 503 within seconds, not a
    # worker stuck for the operating system's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# The cache holds whole published pages (public.pagecache) and sitemaps. Without
# CACHE_URL it is this process's memory (LocMem), enough for `make run`; with several
# processes (gunicorn workers) use Redis, so that a publish reaches every worker at once:
# CACHE_URL=redis://127.0.0.1:6379/1.
CACHES = {"default": envcache("CACHE_URL", "locmem://")}
# How long a browser or CDN may reuse a public page without asking again; afterwards it
# revalidates with If-None-Match and gets a 304 while nothing was published.
PUBLIC_PAGE_MAX_AGE = envint("PUBLIC_PAGE_MAX_AGE", 60)
# How long a stored page is kept at most (a publish drops it sooner).
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 24 * 3600)
# Each worker also keeps its latest pages in memory (this many bytes at most) and trusts
# the publish stamps it read for this many seconds: other workers see a publish at most
# that late, and a page served again costs no trip to the shared cache. 0: always ask.
PAGE_CACHE_LOCAL_BYTES = envint("PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024)
PAGE_CACHE_LOCAL_SECONDS = envint("PAGE_CACHE_LOCAL_SECONDS", 1)
# The release of the site's code: part of every cached page's key, so a deploy never
# serves pages drawn by the previous code. Computed from the source files when unset.
RELEASE = envstr("RELEASE")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The six official languages of the United Nations, in the UN's own (alphabetical in
# English) order. Names are each language's own name for itself.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# The module that writes each language (languages/<code>.py unless named here).
LANGUAGE_MODULES = {}
# Public pages handle missing translations themselves (original text, marked as such);
# the fallback only keeps the admin's object names readable.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Celery: eager (in-process) when no broker is configured, so a laptop needs no Redis.
CELERY_BROKER_URL = envstr("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = envstr("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None) or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: scripts, styles, images and fonts from this site only, and
# no inline script or style attribute anywhere (the admin, the preview and the public
# pages load theirs from static files). tests/browser/test_content_security_policy.py
# fails on any violation the browser reports.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed attempts for one
# username from one address, logging in as that username from there is refused for
# LOGIN_LOCKOUT_MINUTES, with a page that says so (config.views.login_locked_out).
# Behind a proxy every address is the proxy's, so the lockout is then per username.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
_lockout_minutes = envint("LOGIN_LOCKOUT_MINUTES", 15)
if AXES_FAILURE_LIMIT < 1 or _lockout_minutes < 1:
    raise ImproperlyConfigured("LOGIN_FAILURE_LIMIT and LOGIN_LOCKOUT_MINUTES must be positive.")
AXES_COOLOFF_TIME = datetime.timedelta(minutes=_lockout_minutes)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# No start-up banner; failed logins and lockouts are still logged (logger "axes").
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "config.views.login_locked_out"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
}
