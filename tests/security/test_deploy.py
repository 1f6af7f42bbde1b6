"""Production settings: Django's deployment checks, secure cookies, HSTS, and a
Content-Security-Policy that allows no inline script."""

import importlib
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import global_settings, settings
from django.test import Client

BASE_DIR = Path(settings.BASE_DIR)


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        # The browser tests allow async-unsafe calls in this process; a deployment
        # never does (Django's check says so).
        if key
        not in (
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.prod", **env)
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def real_secret_key() -> str:
    return secrets.token_urlsafe(64)


def test_production_settings_pass_the_deployment_checks():
    """`manage.py check --deploy` finds nothing to warn about in production."""
    result = run_manage(
        "check", "--deploy", SECRET_KEY=real_secret_key(), ALLOWED_HOSTS="maillage.ca"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "secret_key",
    ["", "dev-only-insecure-key-change-me", "short"],
    ids=["missing", "development", "short"],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    """Without a random secret key of 50+ characters, nothing starts."""
    result = run_manage("check", SECRET_KEY=secret_key)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.fixture
def prod_settings(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", real_secret_key())
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    sys.modules.pop("config.settings.prod", None)
    yield importlib.import_module("config.settings.prod")
    sys.modules.pop("config.settings.prod", None)


def test_production_cookies_are_secure_and_https_is_enforced(prod_settings):
    """Cookies travel over HTTPS only; browsers are told to keep to HTTPS."""
    assert prod_settings.DEBUG is False
    assert prod_settings.SESSION_COOKIE_SECURE is True
    assert prod_settings.CSRF_COOKIE_SECURE is True
    assert prod_settings.LANGUAGE_COOKIE_SECURE is True
    assert prod_settings.SECURE_SSL_REDIRECT is True
    assert prod_settings.SECURE_HSTS_SECONDS >= 31536000
    assert prod_settings.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert prod_settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    httponly = getattr(
        prod_settings,
        "SESSION_COOKIE_HTTPONLY",
        global_settings.SESSION_COOKIE_HTTPONLY,
    )
    assert httponly is True


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        # nginx alone (the default): the address nginx saw.
        (None, "203.0.113.7", "203.0.113.7"),
        # A client's own X-Forwarded-For is not believed: nginx appends the
        # address it saw, and that one counts.
        (None, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        # A load balancer, then nginx.
        ("2", "203.0.113.7, 10.0.0.2", "203.0.113.7"),
    ],
)
def test_production_rate_limits_count_the_client_behind_the_proxy(
    monkeypatch, rf, settings, proxies, forwarded, client
):
    """Behind the proxy, allauth's per-address limits (failed logins, sign-ups,
    password resets) count each client's address, not everyone as the proxy's
    one address (REMOTE_ADDR); TRUSTED_PROXY_COUNT says how many proxies add
    to X-Forwarded-For."""
    from allauth.account.adapter import get_adapter

    monkeypatch.setenv("SECRET_KEY", real_secret_key())
    if proxies is None:
        monkeypatch.delenv("TRUSTED_PROXY_COUNT", raising=False)
    else:
        monkeypatch.setenv("TRUSTED_PROXY_COUNT", proxies)
    sys.modules.pop("config.settings.prod", None)
    try:
        prod = importlib.import_module("config.settings.prod")
    finally:
        sys.modules.pop("config.settings.prod", None)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = prod.ALLAUTH_TRUSTED_PROXY_COUNT
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")
    assert get_adapter().get_client_ip(request) == client


def test_production_logs_are_json_lines(prod_settings):
    """The root and request loggers write through the JSON formatter."""
    logging = prod_settings.LOGGING
    formatter = logging["formatters"]["json"]["()"]
    assert formatter == "maillage.core.logging.JsonFormatter"
    assert logging["handlers"]["console"]["formatter"] == "json"
    assert logging["root"]["handlers"] == ["console"]
    assert logging["loggers"]["django.request"]["propagate"] is True


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_pages_send_a_content_security_policy_without_inline_scripts(db):
    """Scripts only from our own origin: no 'unsafe-inline', no 'unsafe-eval'."""
    response = Client().get("/")
    policy = directives(response.headers["Content-Security-Policy"])
    scripts = policy.get("script-src", policy["default-src"])
    assert scripts == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
STYLE = re.compile(r"<style|<[a-z][^>]*\sstyle\s*=", re.IGNORECASE)


def page_templates():
    roots = [BASE_DIR / "maillage"]
    for root in roots:
        for path in root.rglob("templates/**/*.html"):
            # E-mails are not served under the policy (and mail clients need
            # inline styles).
            if "/email/" not in path.as_posix():
                yield path


def test_page_templates_hold_no_inline_script_style_or_event_handler():
    """What the policy would block is not in any template of ours."""
    problems = []
    for path in page_templates():
        text = path.read_text(encoding="utf-8")
        patterns = (INLINE_SCRIPT, HANDLER, STYLE)
        if "/export/" in path.as_posix():
            # A downloaded document, not a page served under the policy: the
            # export's LISEZMOI.html carries its small stylesheet, to read offline.
            patterns = (INLINE_SCRIPT, HANDLER)
        for pattern in patterns:
            for match in pattern.finditer(text):
                problems.append(f"{path.relative_to(BASE_DIR)}: {match.group(0)}")
    assert not problems, "\n".join(problems)


def test_htmx_is_told_not_to_inject_its_indicator_style():
    """htmx adds an inline <style> unless its configuration says not to."""
    base = (BASE_DIR / "maillage" / "templates" / "base.html").read_text()
    assert '<meta name="htmx-config"' in base
    assert '"includeIndicatorStyles": false' in base
