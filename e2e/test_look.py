"""The look in Chromium, at a 390 x 844 phone and a 1280 x 800 desktop, in French and
English: a header of one line, every part of a community one tap away, no page
wider than the screen; screenshots of the main pages for people to look at
(``var/screenshots/<page>-<viewport>-<lang>.png``)."""

from pathlib import Path

import pytest
from django.conf import settings

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.method import services as method_services

from .conftest import VIEWPORTS, open_menu, set_language_cookie
from .pages import build_site

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
LANGUAGES = ("fr", "en")
PHONE_HEADER_MAX = 120  # px: a quarter of the screen was too much (issue 10)

# What sits on the header's line, whichever of it the viewport shows.
HEADER_ITEMS = (
    ".site-header .brand, .site-header #nav-notifications,"
    " .site-header .menu-button, .site-header .nav-list > li,"
    " .site-header .language-switch button"
)


def _visible_boxes(page, selector):
    """The bounding boxes of the elements of ``selector`` that are shown."""
    boxes = []
    for index in range(page.locator(selector).count()):
        item = page.locator(selector).nth(index)
        if item.is_visible():
            boxes.append(item.bounding_box())
    return boxes


def _on_one_row(boxes) -> bool:
    """All boxes cross the same horizontal line (the first one's middle)."""
    middle = boxes[0]["y"] + boxes[0]["height"] / 2
    return all(box["y"] <= middle <= box["y"] + box["height"] for box in boxes)


def _network():
    """A public community with its setup path, a facilitator and staff."""
    community = CommunityFactory(name="Montérégie mange local", slug="monteregie")
    method_services.copy_setup_path(community)
    facilitator = MembershipFactory(
        community=community,
        role=Membership.Role.FACILITATOR,
        user__display_name="Françoise Animatrice",
    ).user
    staff = UserFactory(is_staff=True, display_name="Sophie Personnel")
    return community, {"anonymous": None, "facilitator": facilitator, "staff": staff}


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_is_one_line_on_a_phone_and_a_desktop(
    new_context, viewport, live_server, language
):
    """Whoever looks, the header's items share one row: on a phone the brand,
    notifications and the Menu button (the header stays under 120 px); on a
    desktop every link, the Menu button gone. The phone's menu opens on the
    other links and the language switch."""
    community, people = _network()
    width = VIEWPORTS[viewport]["width"]
    for viewer, user in people.items():
        context = new_context(viewport, user=user, language=language)
        page = context.new_page()
        for path in ("/", community.get_absolute_url()):
            page.goto(path)
            where = f"{viewer} on {path} ({viewport}, {language})"
            header = page.locator(".site-header").bounding_box()
            boxes = _visible_boxes(page, HEADER_ITEMS)
            assert _on_one_row(boxes), where
            assert all(box["x"] + box["width"] <= width for box in boxes), where
            menu_button = page.locator(".menu-button")
            if viewport == "phone":
                assert header["height"] <= PHONE_HEADER_MAX, where
                assert menu_button.is_visible(), where
                assert not page.locator(".language-switch").is_visible(), where
            else:
                assert not menu_button.is_visible(), where
                links = page.locator(".site-header .nav-list > li")
                assert len(boxes) >= links.count() + 2, where
        if viewport == "phone":
            open_menu(page)
            assert page.locator(".language-switch button").is_visible()
            page.keyboard.press("Escape")
            assert not page.locator(".language-switch button").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_part_of_a_community_is_one_tap_away(
    new_context, viewport, live_server, language
):
    """A facilitator reaches each part of the community straight from its tabs,
    without opening anything first; the page reached marks its own tab."""
    community, people = _network()
    page = new_context(
        viewport, user=people["facilitator"], language=language
    ).new_page()
    page.goto(community.get_absolute_url())
    tabs = page.locator("nav.subnav .tab")
    labels = [tabs.nth(i).inner_text().strip() for i in range(tabs.count())]
    assert len(labels) == 8, labels
    for index, label in enumerate(labels):
        tab = page.locator("nav.subnav .tab").nth(index)
        with page.expect_navigation():
            tab.click()
        current = page.locator("nav.subnav [aria-current=page]")
        assert current.count() == 1, label
        assert current.inner_text().strip() == label
        # The current tab is in view, even at the end of a phone's tab row.
        box = current.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= VIEWPORTS[viewport]["width"]


# Each page to look at: its name, who looks at it, and its address.
SCREENS = [
    ("home-signed-out", "anonymous", lambda s: "/"),
    ("home-signed-in", "member", lambda s: "/"),
    ("community", "facilitator", lambda s: s.public.get_absolute_url()),
    ("exchanges", "member", lambda s: f"/c/{s.public.slug}/echanges/"),
    ("thread", "member", lambda s: s.extra["thread"].get_absolute_url()),
    ("objectives", "member", lambda s: f"/c/{s.public.slug}/objectifs/"),
    ("setup-path", "facilitator", lambda s: f"/c/{s.public.slug}/demarrage/"),
    ("dashboard", "facilitator", lambda s: f"/c/{s.public.slug}/tableau-de-bord/"),
    ("members", "facilitator", lambda s: f"/c/{s.public.slug}/membres/"),
    ("notifications", "member", lambda s: "/notifications/"),
]


def test_main_pages_fit_the_screen_and_are_photographed(
    new_context, viewport, live_server
):
    """No main page is wider than the screen, in either language; each is saved
    as var/screenshots/<page>-<viewport>-<lang>.png for people to look at."""
    site = build_site()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = VIEWPORTS[viewport]["width"]
    contexts = {}
    for name, viewer, path in SCREENS:
        if viewer not in contexts:
            user = None if viewer == "anonymous" else site.people[viewer]
            contexts[viewer] = new_context(viewport, user=user).new_page()
        page = contexts[viewer]
        for language in LANGUAGES:
            set_language_cookie(page.context, language, live_server)
            response = page.goto(path(site))
            where = f"{name} ({viewport}, {language})"
            assert response.status == 200, where
            assert page.locator("html").get_attribute("lang") == language
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{where} is {scroll_width} px wide"
            page.screenshot(
                path=SCREENSHOTS / f"{name}-{viewport}-{language}.png", full_page=True
            )
