"""The method in Chromium, at a desktop and a phone viewport: a proposal from the
guide becomes a community whose facilitator follows the setup path, writes the
charter, sets an objective and sees it all on the dashboard."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Membership
from maillage.method.models import CommunityProposal, CommunitySetupStep, Objective
from maillage.territories.models import Region

from .conftest import link_path, open_menu, submit, wait_for_mail

Status = CommunitySetupStep.Status


def propose(page):
    """Fill the guide's proposal form (field names, so it holds in any language)."""
    form = page.locator("#proposer form")
    form.locator("input[name=role]").fill("Conseillère en saine alimentation")
    form.locator("input[name=organisation]").fill("CISSS de la Gaspésie")
    form.locator("input[name=name]").fill("Gaspésie mange local")
    form.locator("input[name=domain]").fill("Achats locaux des cuisines publiques")
    gaspesie = Region.objects.get(code="11")  # Gaspésie-Îles-de-la-Madeleine
    form.locator(f"input[name=regions][value='{gaspesie.pk}']").check()
    form.locator("textarea[name=needs]").fill(
        "Les cuisines ne connaissent pas l'offre."
    )
    submit(page, "#proposer form")


def expect_htmx_settled(page):
    """Get ready to wait for htmx's next swap to settle: call before the action,
    then call what it returns after it. A response alone is not enough: htmx
    swaps and settles after it, and an element read in between is detached."""
    page.evaluate(
        """() => {
            window.__maillageSettled = false;
            document.body.addEventListener(
                "htmx:afterSettle",
                () => { window.__maillageSettled = true; },
                {once: true},
            );
        }"""
    )
    return lambda: page.wait_for_function("() => window.__maillageSettled === true")


def open_step(page, step):
    """Open a setup step from its line (htmx swaps the list; the address follows)."""
    card = page.locator(f"#step-{step.pk}")
    if card.locator("form").count() == 0:
        settled = expect_htmx_settled(page)
        with page.expect_response(lambda r: "etape=" in r.url):
            card.locator(f"#step-{step.pk}-link").click()
        settled()
        expect(page.locator(f"#step-{step.pk} form")).to_be_visible()
    return page.locator(f"#step-{step.pk}")


def save_step(page, step, status: str, *, notes: str = "", reason: str = ""):
    """Set a setup step's status (its French label) and texts, then save it: htmx
    swaps the step in place, without leaving the page."""
    card = open_step(page, step)
    card.get_by_label(status, exact=True).check()
    card.locator("textarea[name$='-notes']").fill(notes)
    card.locator("textarea[name$='-skip_reason']").fill(reason)
    settled = expect_htmx_settled(page)
    with page.expect_response(lambda r: r.request.method == "POST"):
        card.locator("button[type=submit]").click()
    settled()
    card = page.locator(f"#step-{step.pk}")
    card.wait_for()
    return card


def test_proposal_becomes_a_community_that_follows_the_method(
    new_context, viewport, live_server
):
    """A person proposes a community from the guide; staff accept it; the
    proposer, now its facilitator, moves setup steps (in progress, done, skipped
    with a reason), writes then edits the charter and reads the change in the
    history, adds an objective with a measure, and the dashboard shows it all."""
    proposer = UserFactory(display_name="Gisèle Proposante")
    staff = UserFactory(is_staff=True, display_name="Sophie Personnel")

    person = new_context(viewport, user=proposer).new_page()
    person.goto("/")
    open_menu(person)
    with person.expect_navigation():
        person.locator("header").get_by_role(
            "link", name="Lancer une communauté"
        ).click()
    propose(person)
    proposal = CommunityProposal.objects.get(proposer=proposer)
    assert proposal.is_pending
    mine = person.locator("#proposer li", has_text="Gaspésie mange local")
    assert mine.get_by_text("En attente d'examen").is_visible()

    reviewer = new_context(viewport, user=staff).new_page()
    reviewer.goto("/lancer-une-communaute/")
    with reviewer.expect_navigation():
        reviewer.get_by_role("link", name="Examiner les propositions").click()
    with reviewer.expect_navigation():
        reviewer.get_by_role("link", name="Gaspésie mange local").click()
    assert reviewer.locator("input[name=accept-slug]").input_value() == (
        "gaspesie-mange-local"
    )
    reviewer.get_by_label("Publique").check()
    submit(reviewer, "form[action$='/accepter/']")
    proposal.refresh_from_db()
    community = proposal.community
    assert reviewer.url.endswith(community.get_absolute_url())
    assert Membership.objects.get(community=community).user == proposer

    # The e-mail leads the new facilitator to the community, then its setup path.
    person.goto(link_path(wait_for_mail(proposer.email), r"^/c/"))
    with person.expect_navigation():
        person.locator("nav.subnav").get_by_role(
            "link", name="Parcours de démarrage"
        ).click()
    first, second, third, *_rest = community.setup_steps.order_by("position")
    # One step is open at a time: the first one not done, the others one line each.
    expect(person.locator(f"#step-{first.pk} form")).to_be_visible()
    expect(person.locator("ol.steps form")).to_have_count(1)
    card = save_step(person, first, "En cours", notes="Portrait du territoire lancé.")
    # Saved in place: the step is a line with its new status and keeps the focus;
    # the next step not done opens; the address says which.
    expect(card.locator(".badge", has_text="En cours")).to_be_visible()
    expect(card.locator("form")).to_have_count(0)
    expect(person.locator(f"#step-{first.pk}-link")).to_be_focused()
    expect(person.locator(f"#step-{second.pk} form")).to_be_visible()
    expect(person.get_by_role("status")).to_contain_text("est enregistrée")
    assert person.url.endswith(f"/c/{community.slug}/demarrage/?etape=2")
    card = open_step(person, first)
    expect(person.locator(f"#step-{first.pk}-title")).to_be_focused()
    assert person.url.endswith("?etape=1")
    assert card.locator("textarea[name$='-notes']").input_value() == (
        "Portrait du territoire lancé."
    )
    # The back button goes back to the step opened before.
    person.go_back()
    expect(person.locator(f"#step-{second.pk} form")).to_be_visible()
    save_step(person, first, "Terminée", notes="Portrait remis au CISSS.")
    # Skipping needs a reason: the step stays open, says so, then takes it.
    card = save_step(person, second, "Omise")
    expect(card.get_by_text("Indiquez pourquoi cette étape est omise.")).to_be_visible()
    expect(card.locator("textarea[name$='-skip_reason']")).to_be_focused()
    card = save_step(person, second, "Omise", reason="Le mandat vient du CISSS.")
    expect(card.locator(".badge", has_text="Omise")).to_be_visible()
    card = open_step(person, second)
    expect(card.locator("p", has_text="Le mandat vient du CISSS.")).to_be_visible()
    save_step(person, third, "En cours")
    statuses = dict(community.setup_steps.values_list("pk", "status"))
    assert (statuses[first.pk], statuses[second.pk], statuses[third.pk]) == (
        Status.DONE,
        Status.SKIPPED,
        Status.IN_PROGRESS,
    )
    total = len(statuses)
    expect(person.locator("progress")).to_have_attribute(
        "value", str(round(200 / total))
    )
    # On a phone as on a desktop, the page holds one form and no more.
    expect(person.locator("ol.steps form")).to_have_count(1)
    assert (
        person.evaluate("document.documentElement.scrollWidth")
        <= (person.viewport_size["width"])
    )

    # The charter: written, then edited; the history shows what changed.
    with person.expect_navigation():
        person.locator("nav.subnav").get_by_role("link", name="Charte").click()
    with person.expect_navigation():
        person.get_by_role("link", name="Rédiger la charte").click()
    person.fill("textarea[name=mandate]", "Faire connaître l'offre des producteurs.")
    person.fill("textarea[name=domain]", "Achats locaux des cuisines publiques.")
    submit(person)
    with person.expect_navigation():
        person.get_by_role("link", name="Modifier la charte").click()
    person.fill("textarea[name=mandate]", "Faire connaître l'offre des pêcheurs.")
    person.fill("input[name=note]", "Les pêcheurs d'abord")
    submit(person)
    assert person.get_by_text("l'offre des pêcheurs.").is_visible()
    with person.expect_navigation():
        person.get_by_role("link", name="Historique des modifications").click()
    latest = person.locator("ol.revisions > li").first
    assert latest.get_by_role("heading", name="Version 2").is_visible()
    assert latest.get_by_text("Les pêcheurs d'abord").is_visible()
    # Screen readers hear the change too, not only its strike-through.
    assert latest.locator("del").text_content() == "[retiré : producteurs.]"
    assert latest.locator("ins").text_content() == "[ajouté : pêcheurs.]"

    # An objective due within a month, and a first measure of it.
    with person.expect_navigation():
        person.locator("nav.subnav").get_by_role("link", name="Objectifs").click()
    with person.expect_navigation():
        person.get_by_role("link", name="Ajouter un objectif").click()
    due = timezone.localdate() + timedelta(days=20)
    person.fill("input[name=title]", "Dix CPE achètent du poisson local")
    person.fill("input[name=indicator]", "CPE clients d'un pêcheur d'ici")
    person.fill("input[name=baseline]", "0")
    person.fill("input[name=target]", "10")
    person.fill("input[name=unit]", "CPE")
    person.fill("input[name=due_date]", due.isoformat())
    person.locator("select[name=status]").select_option(label="En cours")
    submit(person)
    objective = Objective.objects.get(community=community)
    assert person.url.endswith(f"/c/{community.slug}/objectifs/{objective.pk}/")
    person.fill("input[name=value]", "4")
    person.fill("textarea[name=comment]", "Quatre CPE de Gaspé.")
    submit(person, "#progres form")
    assert person.get_by_role("cell", name="Quatre CPE de Gaspé.").is_visible()
    assert person.locator("progress").get_attribute("value") == "40"

    with person.expect_navigation():
        person.locator("nav.subnav").get_by_role("link", name="Tableau de bord").click()
    attention = person.locator("section[aria-labelledby=attention-title]")
    assert attention.get_by_text(
        f"Il reste {total - 2} étapes sur {total}."
    ).is_visible()
    assert attention.get_by_role("link", name=first.title_fr).count() == 0
    assert attention.get_by_role("link", name=second.title_fr).count() == 0
    in_progress = attention.locator("li", has_text=third.title_fr)
    assert in_progress.locator(".badge", has_text="En cours").is_visible()
    due_soon = attention.locator("li", has_text=objective.title)
    assert due_soon.get_by_text("(40 %)").is_visible()
