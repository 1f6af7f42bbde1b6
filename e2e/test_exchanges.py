"""Exchanges in Chromium: a challenge from its posting to its solution,
reacting and replying without a reload, @mention suggestions while typing, and
the reading mark sent after the page loads."""

from playwright.sync_api import expect

from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations import services
from maillage.conversations.models import Reaction, Reply, Thread, ThreadVisit

from .conftest import open_filters, submit


def _challenge():
    community = CommunityFactory(name="Montérégie mange local", slug="monteregie")
    author = MembershipFactory(
        community=community, user__display_name="Isabelle Gagnon"
    ).user
    helper = MembershipFactory(
        community=community, user__display_name="Françoise Tremblay"
    ).user
    thread = services.create_thread(
        author=author,
        community=community,
        kind="challenge",
        title="Légumes d'hiver aux collations",
        sections={"problem": "Tout vient de loin en février."},
    )
    return community, author, helper, thread


def test_challenge_is_posted_answered_and_solved(new_context, viewport):
    """A member posts a challenge through the form; another member replies; the
    author marks that reply as the solution; the thread shows it solved, and the
    thread list's filters put it under "solved", not "unsolved"."""
    community, author, helper, older = _challenge()

    page = new_context(viewport, user=author).new_page()
    page.goto(community.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("link", name="Activité récente").click()
    with page.expect_navigation():
        page.locator("main a[href$='/echanges/nouveau/defi/']").click()
    page.fill("input[name=title]", "Du poisson local au menu des CPE")
    page.fill(
        "textarea[name=problem]", "Nos fournisseurs n'offrent que du poisson importé."
    )
    page.fill("textarea[name=context]", "Trois CPE, 180 repas par jour, budget serré.")
    page.fill("textarea[name=tried]", "Un appel au poissonnier du village, sans suite.")
    page.get_by_label("Achats locaux").check()
    submit(page)
    thread = Thread.objects.get(title="Du poisson local au menu des CPE")
    assert page.url.endswith(thread.get_absolute_url())
    assert thread.kind == Thread.Kind.CHALLENGE
    assert [tag.name for tag in thread.tags.all()] == ["Achats locaux"]
    header = page.locator(".thread-header")
    assert header.get_by_text("Non résolu", exact=True).is_visible()
    assert header.get_by_role("link", name="Achats locaux").is_visible()
    assert page.get_by_text("sans suite").is_visible()

    other = new_context(viewport, user=helper).new_page()
    other.goto(thread.get_absolute_url())
    other.locator("#id_body").fill("La Poissonnerie du Fleuve livre les CPE.")
    other.get_by_role("button", name="Publier ma réponse").click()
    other.locator("#replies", has_text="Poissonnerie du Fleuve").wait_for()
    reply = Reply.objects.get(thread=thread, author=helper)

    page.reload()
    answer = page.locator(f"#{reply.anchor}")
    with page.expect_navigation():
        answer.get_by_role("button", name="Marquer comme solution").click()
    thread.refresh_from_db()
    assert thread.solution == reply
    solution = page.locator(".solution-box")
    assert solution.get_by_role("heading", name="Solution retenue").is_visible()
    assert solution.get_by_text("Poissonnerie du Fleuve").is_visible()
    assert header.get_by_text("Résolu", exact=True).is_visible()
    assert answer.get_by_text("Solution", exact=True).is_visible()

    # The filters update the list in place (htmx); the page's address follows.
    page.goto(f"/c/{community.slug}/echanges/fils/")
    open_filters(page)
    results = page.locator("#results")
    posted = results.get_by_role("link", name=thread.title)
    unsolved = results.get_by_role("link", name=older.title)
    page.locator("select[name=etat]").select_option(label="Défis résolus")
    expect(unsolved).to_have_count(0)
    expect(posted).to_be_visible()
    page.locator("select[name=etat]").select_option(label="Défis non résolus")
    expect(unsolved).to_be_visible()
    expect(posted).to_have_count(0)
    assert "etat=non-resolu" in page.url


def test_reaction_and_reply_without_reload_then_visit_recorded(new_context, viewport):
    """A reaction toggles in place; a reply appears under the others and the form
    empties; the page has recorded the visit by itself."""
    _community, author, helper, thread = _challenge()
    reply = services.create_reply(
        author=author, thread=thread, body="Des carottes de garde?"
    )
    page = new_context(viewport, user=helper).new_page()
    page.goto(thread.get_absolute_url())
    marker = page.evaluate("window.performance.timeOrigin")  # the page stayed

    button = page.locator(f"#reactions-{reply.anchor}-useful")
    button.click()
    page.locator(f"#reactions-{reply.anchor}-useful[aria-pressed=true]").wait_for()
    assert Reaction.objects.filter(reply=reply, user=helper).exists()
    # Focus stays on the button just pressed, for keyboard users.
    assert page.evaluate("document.activeElement.id") == (
        f"reactions-{reply.anchor}-useful"
    )

    page.locator("#id_body").fill("Oui, et des betteraves **rôties**.")
    page.locator("#reply-form button[type=submit]").click()
    page.locator("#replies strong", has_text="rôties").wait_for()
    assert page.locator("#id_body").input_value() == ""
    assert page.evaluate("window.performance.timeOrigin") == marker
    assert Reply.objects.filter(author=helper).count() == 1
    assert ThreadVisit.objects.filter(user=helper, thread=thread).exists()


def test_mention_suggestion_is_inserted_with_the_keyboard(new_context, viewport):
    """Typing "@fran" lists Françoise; arrow down and Enter insert her name as
    people read it, which the server turns into a link to her profile."""
    _community, author, helper, thread = _challenge()
    page = new_context(viewport, user=author).new_page()
    page.goto(thread.get_absolute_url())

    body = page.locator("#id_body")
    body.click()
    body.press_sequentially("Merci @fran")
    option = page.locator(".mention-option", has_text="Françoise Tremblay")
    option.wait_for()
    body.press("ArrowDown")
    assert page.evaluate("document.activeElement.className") == "mention-option"
    page.keyboard.press("Enter")
    assert body.input_value() == "Merci @Françoise Tremblay "
    assert page.evaluate("document.activeElement.id") == "id_body"

    page.locator("#reply-form button[type=submit]").click()
    page.locator(f"#replies a[href='/membres/{helper.pk}/']").wait_for()
    assert helper.notifications.filter(kind="mention").exists()


def test_a_mention_of_nobody_is_warned_of_before_posting(new_context, viewport):
    """ "@Isab" matches nobody: once typing pauses, a polite live region says
    it will stay text; fixing the name clears the warning."""
    _community, author, _helper, thread = _challenge()
    page = new_context(viewport, user=author).new_page()
    page.goto(thread.get_absolute_url())

    body = page.locator("#id_body")
    body.click()
    body.press_sequentially("Merci @Isab pour tout")
    warnings = page.locator(".mention-warnings")
    expect(warnings).to_contain_text(
        "Personne ne porte ce nom dans la communauté\u00a0: "
        "«\u00a0@Isab\u00a0» restera du texte."
    )
    assert warnings.get_attribute("aria-live") == "polite"

    body.fill("")
    body.press_sequentially("Merci @Françoise pour tout")
    expect(warnings).to_be_empty()


def test_exchange_pages_have_no_serious_accessibility_violation(new_context):
    """axe finds nothing serious on the exchanges' pages, suggestions shown."""
    from django.urls import reverse

    from maillage.accounts import services as account_services

    from .test_accessibility import axe_violations, describe

    community, author, helper, thread = _challenge()
    helper.expertise.set(account_services.tags_from_names(["Collations"]))
    thread.tags.add(*services.tags_for(new_names=["Collations"]))
    reply = services.create_reply(author=helper, thread=thread, body="Essayez ça.")
    services.toggle_reaction(user=author, kind="thanks", thread=thread, reply=reply)
    page = new_context(user=author).new_page()
    problems = []
    for path in [
        reverse("conversations:activity", args=[community.slug]),
        reverse("conversations:thread_list", args=[community.slug]),
        reverse("conversations:thread_create", args=[community.slug, "defi"]),
        reverse("conversations:thread_helpers", args=[thread.pk]),
        thread.get_absolute_url(),
    ]:
        page.goto(path)
        if path == thread.get_absolute_url():
            page.locator("#id_body").press_sequentially("@Isab et @fran")
            page.locator(".mention-option").wait_for()
            page.locator(".mention-warning").wait_for()
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_a_double_clicked_reply_is_published_once(new_context, viewport):
    """While htmx sends the reply the button takes no second click (a courtesy);
    the form's token is the protection: one reply, shown once."""
    _community, _author, helper, thread = _challenge()
    page = new_context(viewport, user=helper).new_page()
    page.goto(thread.get_absolute_url())

    page.locator("#id_body").fill("Les carottes de la Ferme du Ruisseau.")
    page.get_by_role("button", name="Publier ma réponse").dblclick()
    page.locator("#replies", has_text="Ferme du Ruisseau").wait_for()
    page.locator("#reply-status").wait_for()

    assert Reply.objects.filter(thread=thread).count() == 1
    expect(page.locator("#replies article")).to_have_count(1)
    expect(page.locator("#id_body")).to_have_value("")
