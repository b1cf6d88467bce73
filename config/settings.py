"""Settings for the agenda platform.

Everything that differs between a laptop and production comes from the environment.
With nothing set the product runs on SQLite with eager Celery, as `make run` needs; in
production set DATABASE_URL (PostgreSQL), CELERY_BROKER_URL (Redis), SECRET_KEY,
ALLOWED_HOSTS and leave DEBUG off.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

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
    # The product's apps, each depending only on those above it:
    # languages <- agendas <- resolutions, scheduling <- publishing <- public.
    "agendas",
    "resolutions",
    "scheduling",
    "publishing",
    "public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
    )
}
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.postgresql",
    "django.db.backends.sqlite3",
):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL or SQLite.")

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
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
}
