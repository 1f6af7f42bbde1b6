"""Settings for one benchmark run: the project's, on a database of its own.

BENCH_SCALE picks the size (1 = 30 communities and 10,000 people). The database
is a SQLite file var/bench/bench-x<scale>.sqlite3, or, when BENCH_DATABASE_URL is
set, that PostgreSQL database with ``_x<scale>`` appended to its name.
"""

import os

from config.settings.base import *  # noqa: F403

SCALE = os.environ.get("BENCH_SCALE", "1")
SUFFIX = f"x{SCALE}".replace(".", "_")

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# No collectstatic for a benchmark; whitenoise finds the files where they are.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
LOGGING = {"version": 1, "disable_existing_loggers": False}

if os.environ.get("BENCH_DATABASE_URL"):
    DATABASES = {"default": postgres_database(os.environ["BENCH_DATABASE_URL"])}  # noqa: F405
    DATABASES["default"]["NAME"] += f"_{SUFFIX}"
else:
    DATABASES["default"]["NAME"] = VAR_DIR / "bench" / f"bench-{SUFFIX}.sqlite3"  # noqa: F405
