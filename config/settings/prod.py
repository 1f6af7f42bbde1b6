import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY.startswith("dev-") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of at least 50 characters."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The proxies in front of gunicorn that append the client's address to
# X-Forwarded-For (nginx alone: 1; a load balancer and nginx: 2). allauth's
# per-address rate limits (login, sign-up, password reset) count by that
# address; 0 would count everyone as the proxy's one address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# A load balancer checks /sante/ over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]

# Outgoing e-mail (SMTP) from the environment.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"

# Uploaded files on S3-compatible object storage when a bucket is named (several
# app servers then share them); needs `pip install "django-storages[s3]"`. The
# credentials and endpoint come from django-storages' own AWS_* variables.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Structured logs: JSON lines on standard error, for the log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "maillage.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Server errors and refused requests, with method, path and status.
        "django.request": {"level": "WARNING", "propagate": True},
        # Host-header attacks are noise for the operator; keep them at WARNING.
        "django.security.DisallowedHost": {"level": "WARNING", "propagate": True},
    },
}
