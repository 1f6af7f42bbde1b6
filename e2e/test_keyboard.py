"""Keyboard only: Tab, Shift+Tab, Enter and Space complete sign-up and joining."""

from maillage.accounts.models import User
from maillage.communities.models import Membership
from maillage.communities.tests.factories import CommunityFactory

from .conftest import link_path, wait_for_mail

MAX_TABS = 40


def focused(page) -> dict:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          return {tag: el.tagName.toLowerCase(), name: el.getAttribute('name'),
                  id: el.id, cls: el.className, type: el.getAttribute('type'),
                  text: (el.innerText || '').trim()};
        }"""
    )


def tab_to(page, matches, *, what: str) -> list[dict]:
    """Press Tab until the focused element ``matches``; the stops on the way."""
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = focused(page)
        stops.append(stop)
        if matches(stop):
            return stops
    raise AssertionError(f"Tab never reached {what}; focus went through {stops}")


def field(name):
    return lambda stop: stop["name"] == name


def skip_to_content(page):
    """The first Tab shows the skip link; Enter moves focus to the main content."""
    page.keyboard.press("Tab")
    assert "skip-link" in focused(page)["cls"]
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "contenu"


def test_sign_up_and_join_with_the_keyboard_only(new_context, live_server):
    """Sign-up and joining need no mouse: the skip link works, every control is
    reached in reading order, and Enter or Space operate them."""
    community = CommunityFactory(name="Gaspésie mange local", slug="gaspesie")
    page = new_context().new_page()
    page.goto("/compte/signup/")
    skip_to_content(page)

    form_order = page.eval_on_selector_all(
        "main form input:not([type=hidden]), main form button",
        "els => els.map(e => e.getAttribute('name') || e.tagName.toLowerCase())",
    )
    first = form_order[0]
    tab_to(page, field(first), what=f"the first field ({first})")
    reached = [first]
    values = {
        "email": "karim@exemple.qc.ca",
        "display_name": "Karim Clavier",
        "password1": "Un-mot-de-passe-solide-42",
        "password2": "Un-mot-de-passe-solide-42",
    }
    while True:
        stop = focused(page)
        if stop["name"] in values:
            page.keyboard.type(values[stop["name"]])
        elif stop["name"] == "accept_terms":
            page.keyboard.press("Space")
        if stop["tag"] == "button":
            break
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop["tag"] == "a":  # the privacy policy link in a help text
            continue
        reached.append(stop["name"] or stop["tag"])
    assert reached == form_order, "Tab order differs from the reading order"
    assert page.locator("input[name=accept_terms]").is_checked()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/compte/confirm-email/" in page.url

    page.goto(link_path(wait_for_mail("karim@exemple.qc.ca"), r"/confirm-email/"))
    skip_to_content(page)
    tab_to(page, lambda s: s["tag"] == "button", what="the Confirm button")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.goto(community.get_absolute_url())
    skip_to_content(page)
    tab_to(
        page,
        lambda s: s["tag"] == "button" and s["type"] == "submit",
        what="the Join button",
    )
    with page.expect_navigation():
        page.keyboard.press("Space")
    user = User.objects.get(email="karim@exemple.qc.ca")
    membership = Membership.objects.get(user=user, community=community)
    assert membership.state == Membership.State.ACTIVE
