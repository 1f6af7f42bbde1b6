import os

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Each test has its own (the root conftest's tmp_path); this one is for what is
# written outside a test (a module's world), one per pytest-xdist worker.
MEDIA_ROOT = VAR_DIR / f"test-media-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
