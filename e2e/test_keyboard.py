"""Keyboard only: Tab, Shift+Tab, Enter and Space complete sign-up, joining,
posting a thread and replying."""

from maillage.accounts.models import User
from maillage.communities.models import Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations import services
from maillage.conversations.models import Reply, Thread

from .conftest import link_path, wait_for_mail

MAX_TABS = 40


def focused(page) -> dict:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          return {tag: el.tagName.toLowerCase(), name: el.getAttribute('name'),
                  id: el.id, cls: el.className, type: el.getAttribute('type'),
                  href: el.getAttribute('href') || '',
                  label: el.labels?.length ? el.labels[0].innerText.trim() : '',
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


def link_to(suffix):
    return lambda stop: stop["tag"] == "a" and stop["href"].endswith(suffix)


def assert_focus_ring(page):
    """The focused control shows the site's focus ring (:focus-visible)."""
    ring = page.evaluate(
        """() => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          return {visible: el.matches(':focus-visible'), style: style.outlineStyle,
                  width: parseFloat(style.outlineWidth)};
        }"""
    )
    assert ring["visible"] and ring["style"] != "none" and ring["width"] >= 2, ring


def focusable_in(page, form_selector: str) -> list[str]:
    """The ids of the form's controls that Tab stops at, in reading order."""
    return page.eval_on_selector_all(
        f"{form_selector} :is(input:not([type=hidden]), textarea, select, button)",
        "els => els.map(e => e.id || e.name || e.tagName.toLowerCase())",
    )


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


def test_post_a_thread_and_reply_with_the_keyboard_only(new_context, live_server):
    """From the community's page, a member reaches the challenge form, fills it
    and publishes it, then replies to another thread, with Tab, Shift+Tab,
    typing, Space and Enter only; focus is always shown and follows the reading
    order, and stays on the reply button once the reply is added in place."""
    community = CommunityFactory(name="Gaspésie mange local", slug="gaspesie")
    member = MembershipFactory(community=community).user
    other = MembershipFactory(community=community).user
    question = services.create_thread(
        author=other,
        community=community,
        kind="tip",
        title="Conserver les petits fruits",
        sections={"body": "Congelez-les à plat sur une plaque."},
    )
    page = new_context(user=member).new_page()
    page.goto(community.get_absolute_url())
    skip_to_content(page)
    tab_to(page, link_to("/echanges/"), what="the exchanges link")
    assert_focus_ring(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    skip_to_content(page)
    tab_to(page, link_to("/echanges/nouveau/defi/"), what="the new challenge link")
    assert_focus_ring(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    form_order = focusable_in(page, "main form")
    skip_to_content(page)
    tab_to(page, field("title"), what="the title")
    values = {
        "title": "Des légumineuses que les enfants aiment",
        "problem": "Les plats de lentilles reviennent presque pleins.",
        "context": "Un CPE de 80 places, deux repas par jour.",
        "tried": "Des lentilles en sauce tomate.",
    }
    reached = []
    while True:
        stop = focused(page)
        reached.append(stop["id"] or stop["name"] or stop["tag"])
        assert_focus_ring(page)
        if stop["name"] in values:
            page.keyboard.type(values[stop["name"]])
        elif stop["label"] == "Recettes":
            page.keyboard.press("Space")
        if stop["tag"] == "button":
            break
        page.keyboard.press("Tab")
    assert reached == form_order[: len(reached)], "Tab order differs from reading"
    assert page.locator("main form input[name=tags]:checked").count() == 1
    # Shift+Tab goes back through the form, then Tab returns to the button.
    page.keyboard.press("Shift+Tab")
    assert focused(page)["id"] == reached[-2]
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    thread = Thread.objects.get(author=member)
    # (The skip link's #contenu stays in the address across the redirect.)
    assert page.url.split("#")[0].endswith(thread.get_absolute_url())
    assert thread.kind == Thread.Kind.CHALLENGE
    assert thread.tried == values["tried"]
    assert [tag.name for tag in thread.tags.all()] == ["Recettes"]

    page.goto(question.get_absolute_url())
    skip_to_content(page)
    tab_to(page, field("body"), what="the reply box")
    assert_focus_ring(page)
    page.keyboard.type("Merci! Et pour les bleuets, la même chose?")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Publier ma réponse"
    page.keyboard.press("Enter")
    page.locator("#replies", has_text="pour les bleuets").wait_for()
    assert Reply.objects.get(author=member).thread == question
    # The form is replaced by an empty one: focus stays on its button.
    assert focused(page)["text"] == "Publier ma réponse"
    page.keyboard.press("Shift+Tab")
    assert focused(page)["name"] == "body"
