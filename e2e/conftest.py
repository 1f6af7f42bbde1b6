"""Browser tests: Debian's Chromium, driven by Playwright, against a live server.

The browser is started once for these tests; each test gets a fresh browser
context (cookies, viewport) on pytest-django's ``live_server``. A test that cannot
start Chromium fails: browser tests never skip silently.
"""

import asyncio
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connections
from django.test import Client

CHROMIUM = os.environ.get("MAILLAGE_CHROMIUM", "/usr/bin/chromium")
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
# Without the networking switches Chromium calls home, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}
PASSWORD = "motdepasse-123"  # UserFactory's
TIMEOUT_MS = 10_000


# Package scope: Chromium and Playwright's event loop stop after the last browser
# test, so that the tests pytest runs afterwards see no running loop.
@pytest.fixture(scope="package")
def browser(django_db_setup, live_server):
    """One headless Chromium for the browser tests; failing to start fails them."""
    from playwright.sync_api import sync_playwright

    # The test database and the live server exist before Playwright starts, so
    # that the connections they hold are the ones the tests keep using.
    shared = {alias: connections[alias] for alias in connections}
    # Playwright's sync API runs an event loop in this thread; Django would take
    # the test's own database calls for async code without this switch.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    playwright = sync_playwright().start()
    _keep_connections(shared)
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
    except Exception as error:
        playwright.stop()
        _restore(previous)
        pytest.fail(
            f"Chromium could not start from {CHROMIUM}: {error}\n"
            "Browser tests need it: `make test` installs it (apt-get install "
            "chromium), or set MAILLAGE_CHROMIUM to its path.",
            pytrace=False,
        )
    yield browser
    browser.close()
    playwright.stop()
    _restore(previous)


def _restore(previous):
    if previous is None:
        os.environ.pop(ASYNC_UNSAFE, None)
    else:
        os.environ[ASYNC_UNSAFE] = previous


def _keep_connections(shared):
    """Keep Django's database connections once Playwright's event loop is marked
    running in this thread.

    Django keeps connections per thread, and per asyncio context when a loop runs
    (asgiref's thread-critical Local). Playwright's sync API marks its loop as
    running between calls, so without this the test code would open second
    connections: a second handle on the in-memory SQLite database (locks) that
    lacks the serialized reference data restored between tests.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    for alias, connection in shared.items():
        setattr(connections._connections, alias, connection)


# First, before pytest filters the items by ``-m``.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test under e2e/ is a ``browser`` test: `make test-fast` leaves them
    out (``-m "not browser"``) and `make test` runs them in a second pytest call."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts sign-ups and logins per address in the cache: start clean."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Console:
    """Errors the page printed: JavaScript errors and refused resources (CSP)."""

    errors: list = field(default_factory=list)
    # Substrings of messages a test expects (a 404 page logs its own status).
    expected: list = field(default_factory=list)

    def unexpected(self):
        return [e for e in self.errors if not any(x in e for x in self.expected)]


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def console():
    return Console()


@pytest.fixture
def new_context(browser, live_server, console):
    """Open browser contexts (separate people) that are closed after the test."""
    contexts = []

    def open_context(viewport="desktop", *, user=None, language=None):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=VIEWPORTS[viewport],
            locale="fr-CA",
            accept_downloads=True,
        )
        context.set_default_timeout(TIMEOUT_MS)
        # The browser asks for a favicon on every page; answer without Django so
        # that the shared in-memory test database sees one request at a time.
        context.route(
            "**/favicon.ico", lambda route: route.fulfill(status=204, body="")
        )
        context.on("page", lambda page: _watch(page, console))
        if user is not None:
            log_in(context, user, live_server)
        if language is not None:
            set_language_cookie(context, language, live_server)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()
    problems = console.unexpected()
    assert not problems, "The browser reported errors:\n" + "\n".join(problems)


@pytest.fixture
def page(new_context, viewport):
    """A page in a fresh context at the test's viewport (desktop, then phone)."""
    return new_context(viewport).new_page()


def _watch(page, console):
    page.on(
        "console",
        lambda message: (
            console.errors.append(f"{page.url}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: console.errors.append(f"{page.url}: {error}"))


def log_in(context, user, live_server):
    """Sign ``user`` in by handing the browser a session cookie (no form, fast)."""
    from django.conf import settings

    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def set_language_cookie(context, language, live_server):
    from django.conf import settings

    context.add_cookies(
        [
            {
                "name": settings.LANGUAGE_COOKIE_NAME,
                "value": language,
                "url": live_server.url,
            }
        ]
    )


def wait_for_mail(to: str, *, subject_contains: str = "", timeout: float = 5.0):
    """The latest e-mail sent to ``to`` by the server thread, waiting for it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in reversed(mail.outbox):
            if to in message.to and subject_contains in message.subject:
                return message
        time.sleep(0.05)
    sent = [(m.to, m.subject) for m in mail.outbox]
    raise AssertionError(f"No e-mail to {to} ({subject_contains!r}); sent: {sent}")


def link_path(message, pattern: str) -> str:
    """The path of the first link in ``message`` whose path matches ``pattern``."""
    for url in re.findall(r"https?://[^\s\"'<>]+", message.body):
        path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
        if re.search(pattern, path):
            return path
    raise AssertionError(f"No link matching {pattern!r} in:\n{message.body}")


def open_menu(page):
    """Open the header's menu when it is folded (a phone): its links show."""
    button = page.locator(".site-menu > summary")
    if button.is_visible() and page.locator(".site-menu[open]").count() == 0:
        button.click()


def open_filters(page):
    """Unfold a list's filters when they are folded (a phone)."""
    summary = page.locator(".filter-box > summary")
    if summary.is_visible() and page.locator(".filter-box[open]").count() == 0:
        summary.click()


def submit(page, form_selector: str = "main form"):
    """Press the first submit button of the main form and wait for the next page."""
    with page.expect_navigation():
        page.locator(form_selector).locator("button[type=submit]").first.click()


@pytest.fixture(autouse=True)
def _reference_data(django_db_serialized_rollback):
    """Live-server tests empty the database afterwards; regions and sectors (data
    migrations) are put back before each test."""
