"""Settings for the test suite: the real settings, with test-only defaults.

DATABASE_URL and CELERY_BROKER_URL still come from the environment, so `.ci/run`
runs the same suite against PostgreSQL and Redis.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_COOKIES", "0")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# The suite runs tasks in-process unless a test starts a real worker itself.
CELERY_TASK_ALWAYS_EAGER = True  # noqa: F405
