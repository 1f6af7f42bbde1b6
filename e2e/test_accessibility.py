"""axe-core in Chromium on every main page, in French and in English.

A page passes when axe reports no violation of impact "serious" or "critical".
axe-core comes from a Python package (axe-playwright-python ships axe.min.js);
it is injected into the page through the browser's DevTools protocol, which the
Content-Security-Policy does not govern.
"""

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from .conftest import set_language_cookie
from .pages import PAGES, build_site

BLOCKING = {"serious", "critical"}
LANGUAGES = ("fr", "en")


def axe_violations(page) -> list[dict]:
    """Violations of impact serious or critical on the page as it is now."""
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    return [v for v in results if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html']}")
    return "\n".join(lines)


VIEWERS = sorted({page.viewer for page in PAGES})


@pytest.mark.parametrize("viewer", VIEWERS)
def test_pages_have_no_serious_accessibility_violation(
    viewer, new_context, console, live_server
):
    """axe finds nothing serious or critical on the pages this viewer sees, in
    French and in English (one browser context per viewer, for speed)."""
    site = build_site()
    user = None if viewer == "anonymous" else site.people[viewer]
    pages = [checked for checked in PAGES if checked.viewer == viewer]
    # The browser logs the error statuses of the pages meant to answer them.
    console.expected.extend(
        {str(checked.status) for checked in pages if checked.status >= 400}
    )
    context = new_context(user=user)
    page = context.new_page()
    problems = []
    for language in LANGUAGES:
        set_language_cookie(context, language, live_server)
        for checked in pages:
            response = page.goto(checked.path(site))
            where = f"{checked.name} in {language}"
            assert response.status == checked.status, where
            assert page.locator("html").get_attribute("lang") == language, where
            if checked.prepare is not None:
                checked.prepare(page)
            if violations := axe_violations(page):
                problems.append(f"{where}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)
