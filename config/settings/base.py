"""Settings shared by every environment; the environment modules only override."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("MAILLAGE_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    # allauth's account app, named "E-mail addresses" in the admin.
    "maillage.accounts.apps.EmailAddressesConfig",
    "django_htmx",
    "template_partials",
    "heroicons",
    "django_tasks",
    # django-tasks-db, named "Background tasks" in the admin.
    "maillage.core.apps.TaskResultsConfig",
    "maillage.core",
    "maillage.territories",
    "maillage.organisations",
    "maillage.accounts",
    "maillage.communities",
    "maillage.notifications",
    "maillage.method",
    "maillage.conversations",
    "maillage.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "maillage.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "maillage.core.site.RequestOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "maillage.accounts.middleware.LanguageMiddleware",
    # After the language is chosen, before any view reads the form.
    "maillage.core.middleware.BadInputMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Answers the refusals of communities.access (404, 403, login, read-only).
    "maillage.communities.access.RefusalMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "maillage" / "templates"],
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


# PostgreSQL answers the pages' short queries without parallel workers: starting
# them cost 12 ms on the activity feed's 0.4 ms of work (docs/performance.md).
POSTGRES_OPTIONS = {"options": "-c max_parallel_workers_per_gather=0"}


def postgres_database(url: str, **kwargs) -> dict:
    """A database from ``url``, with ``POSTGRES_OPTIONS`` when it is PostgreSQL."""
    database = dj_database_url.parse(url, **kwargs)
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("OPTIONS", {}).update(POSTGRES_OPTIONS)
    return database


def _database():
    """SQLite in var/ by default, tuned for concurrent writers; PostgreSQL via URL."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return postgres_database(url, conn_max_age=60, conn_health_checks=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "maillage.sqlite3",
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 10,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA busy_timeout=10000;"
                "PRAGMA foreign_keys=ON;"
            ),
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

# django-allauth: e-mail only, verified, rate-limited.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SIGNUP_FORM_CLASS = "maillage.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "maillage.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Maillage] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "communities:home"
# For this many days after signing up, a person whose profile is still empty
# (no organisation, no region, no expertise) is welcomed and asked to complete it
# at each login (accounts/adapter.py); they may skip it.
MAILLAGE_WELCOME_DAYS = 30
ACCOUNT_LOGOUT_REDIRECT_URL = "communities:home"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Québec's way of writing numbers (config/formats/fr): thousands grouped with a
# narrow no-break space.
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "maillage" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Maillage <noreply@maillage.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# How long an invitation link stays valid.
MAILLAGE_INVITATION_DAYS = 14

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Absolute address used in links sent by e-mail. In development (DEBUG) a link
# made while answering a request uses that request's address instead
# (maillage.core.site), so that `make run PORT=8001` sends working links.
MAILLAGE_SITE_URL = os.environ.get("MAILLAGE_SITE_URL", "http://127.0.0.1:8000")

# Modules holding personal data beyond the account itself. Each offers
# ``export_personal_data(user) -> dict``, ``deletion_blockers(user) -> list[str]``
# and ``anonymise_personal_data(user)``; export and deletion call them in order.
MAILLAGE_PERSONAL_DATA_MODULES = ["maillage.communities.privacy"]
# Notifications: what each person received and their e-mail choices.
MAILLAGE_PERSONAL_DATA_MODULES += ["maillage.notifications.privacy"]
# The method: the community proposals a person sent.
MAILLAGE_PERSONAL_DATA_MODULES += ["maillage.method.privacy"]

# Community export (issue 3): modules whose data goes into a community's full
# export ZIP. Each offers ``export_community_data(community) -> dict`` and may
# offer ``community_files(community) -> list[(archive_name, storage_name)]``,
# ``export_readme_sections(community)`` (its part of LISEZMOI.html) and
# ``export_tables(community)`` (its CSV files); see communities/export.py.
# The communities app's own module comes first.
MAILLAGE_COMMUNITY_EXPORT_MODULES = ["maillage.communities.export"]
# The method: charter, objectives, setup path, stages and closing.
MAILLAGE_COMMUNITY_EXPORT_MODULES += ["maillage.method.export"]

# Modules told of each new community, since the communities app may not name the
# apps above it: each offers ``community_started(community)``, called in the
# transaction that creates it (``communities.services.start_community``).
MAILLAGE_COMMUNITY_START_MODULES = []
# The method: the community's own copy of the setup path.
MAILLAGE_COMMUNITY_START_MODULES += ["maillage.method.services"]

# Content-Security-Policy (maillage.core.middleware): scripts and styles only from
# our static files, never inline; htmx's own indicator <style> is switched off in
# base.html (htmx-config) so that no inline style is needed either.
MAILLAGE_CONTENT_SECURITY_POLICY = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]

# Exchanges (conversations): at most this many threads and replies per person
# per minute, counted in the cache; 0 turns the limit off (the demo seed does).
MAILLAGE_POSTS_PER_MINUTE = int(os.environ.get("MAILLAGE_POSTS_PER_MINUTE", "10"))
MAILLAGE_PERSONAL_DATA_MODULES += ["maillage.conversations.privacy"]
MAILLAGE_COMMUNITY_EXPORT_MODULES += ["maillage.conversations.export"]
