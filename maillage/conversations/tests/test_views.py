"""Pages and actions through the test client: htmx and plain paths, bad input,
and the whole loop of a challenge."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent
from maillage.communities.models import Community
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations import services
from maillage.conversations.models import Reaction, Reply, Tag, Thread, ThreadVisit
from maillage.conversations.tests.factories import ReplyFactory, ThreadFactory
from maillage.notifications.models import Notification

HTMX = {"HX-Request": "true"}


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def thread(community, member):
    return services.create_thread(
        author=member,
        community=community,
        kind="challenge",
        title="Collations sans sucre ajouté",
        sections={"problem": "Les enfants boudent les collations **maison**."},
        tags=[Tag.objects.get(slug="collations")],
    )


# Starting a thread ------------------------------------------------------------


def test_each_kind_has_its_own_form(community, member):
    """The form of a success asks for what was done and what made it work;
    that of a tip for the tip alone."""
    client = _client(member)

    success = client.get(
        reverse("conversations:thread_create", args=[community.slug, "bon-coup"])
    ).content.decode()
    tip = client.get(
        reverse("conversations:thread_create", args=[community.slug, "astuce"])
    ).content.decode()

    assert 'name="actions"' in success and 'name="success_factors"' in success
    assert 'name="problem"' not in success
    assert 'name="body"' in tip and 'name="actions"' not in tip


def test_unknown_kind_is_a_404(community, member):
    """Only the five kinds have a form."""
    response = _client(member).get(
        reverse("conversations:thread_create", args=[community.slug, "coup-de-gueule"])
    )

    assert response.status_code == 404


def test_bad_thread_input_keeps_what_was_typed(community, member):
    """A missing section is reported next to its field; the rest stays filled."""
    response = _client(member).post(
        reverse(
            "conversations:thread_create", args=[community.slug, "retour-experience"]
        ),
        {"title": "Notre virage local", "planned": "Tout acheter local en un an"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tout acheter local en un an" in html
    assert 'id="id_happened_error"' in html
    assert 'id="id_lessons_error"' in html
    assert not Thread.objects.exists()


def test_posting_a_thread_redirects_to_it(community, member):
    """A valid thread is published and shown."""
    response = _client(member).post(
        reverse("conversations:thread_create", args=[community.slug, "astuce"]),
        {
            "title": "Congeler les fines herbes",
            "body": "Dans des bacs à glaçons avec de l'huile.",
            "tags": [Tag.objects.get(slug="gaspillage-alimentaire").pk],
            "new_tags": "herbes, conservation",
        },
    )

    thread = Thread.objects.get()
    assert response.url == thread.get_absolute_url()
    assert thread.kind == "tip"
    assert {t.slug for t in thread.tags.all()} == {
        "gaspillage-alimentaire",
        "herbes",
        "conservation",
    }


def test_thread_page_shows_each_section_under_its_heading(thread, member):
    """Markdown is rendered, sanitised, under the kind's headings."""
    Thread.objects.filter(pk=thread.pk).update(
        context="<script>alert(1)</script> Un CPE de 80 places."
    )

    html = _client(member).get(thread.get_absolute_url()).content.decode()

    assert "<strong>maison</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "Un CPE de 80 places." in html
    assert "The problem" in html or "Le problème" in html


def test_rate_limited_thread_keeps_the_text_and_says_why(community, member, settings):
    """Beyond the limit, the form comes back filled with a clear message."""
    settings.MAILLAGE_POSTS_PER_MINUTE = 1
    url = reverse("conversations:thread_create", args=[community.slug, "discussion"])
    client = _client(member)
    client.post(url, {"title": "Premier", "body": "Un"})

    response = client.post(url, {"title": "Second", "body": "Texte précieux"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Texte précieux" in html
    assert "errorlist" in html
    assert Thread.objects.count() == 1


# Replies ----------------------------------------------------------------------


def test_reply_without_javascript_redirects_to_its_permalink(thread, facilitator):
    """A plain form post publishes the reply and lands on its anchor."""
    response = _client(facilitator).post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": "Essayez les muffins aux courgettes."},
    )

    reply = Reply.objects.get()
    assert response.status_code == 302
    assert response.url == f"{thread.get_absolute_url()}#reponse-{reply.pk}"


def test_reply_with_htmx_returns_the_reply_and_a_fresh_form(thread, facilitator):
    """With htmx the new reply comes back alone, with an emptied form swapped in."""
    response = _client(facilitator).post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": "Des *muffins* aux courgettes."},
        headers=HTMX,
    )

    reply = Reply.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="{reply.anchor}"' in html
    assert "<em>muffins</em>" in html
    assert 'id="reply-form"' in html and 'hx-swap-oob="true"' in html
    assert "<html" not in html


def test_reply_with_htmx_brings_the_new_count_of_replies(thread, facilitator, member):
    """The replies' heading is swapped in with the new count, as a reload shows."""
    services.create_reply(author=member, thread=thread, body="Première réponse.")

    response = _client(facilitator).post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": "Deuxième réponse."},
        headers=HTMX,
    )

    heading = re.search(r'<h2 id="replies-heading"([^>]*)>([^<]*)</h2>', response.text)
    assert heading is not None
    assert 'hx-swap-oob="true"' in heading.group(1)
    assert heading.group(2).strip() == "2 réponses"


def test_reply_button_keeps_its_id_in_the_swapped_forms(thread, facilitator):
    """htmx gives focus back to an element of the same id after a swap: the
    reply button has one on the page, after a reply and after an error, so that
    a keyboard user's focus is not lost to the top of the page."""
    client = _client(facilitator)
    url = reverse("conversations:reply_create", args=[thread.pk])
    page = client.get(thread.get_absolute_url()).content.decode()
    added = client.post(url, {"body": "Des muffins."}, headers=HTMX)
    error = client.post(url, {"body": ""}, headers=HTMX)

    button = re.compile(r'<button type="submit" id="reply-submit">')
    for html in (page, added.content.decode(), error.content.decode()):
        assert len(button.findall(html)) == 1


def test_empty_reply_without_javascript_shows_the_error_on_the_page(
    thread, facilitator
):
    """A plain empty post shows the thread page with the error next to the field."""
    response = _client(facilitator).post(
        reverse("conversations:reply_create", args=[thread.pk]), {"body": "  "}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert thread.title in html
    assert 'id="id_body_error"' in html
    assert not Reply.objects.exists()


def test_empty_reply_with_htmx_swaps_only_the_form(thread, facilitator):
    """With htmx the form alone comes back, retargeted, with its error."""
    response = _client(facilitator).post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": ""},
        headers=HTMX,
    )

    assert response.headers["HX-Retarget"] == "#reply-form"
    assert response.headers["HX-Reswap"] == "outerHTML"
    assert 'id="id_body_error"' in response.content.decode()


def test_rate_limited_reply_with_htmx_keeps_the_text(thread, facilitator, settings):
    """The limit message comes back in the form, with the text kept."""
    settings.MAILLAGE_POSTS_PER_MINUTE = 1
    url = reverse("conversations:reply_create", args=[thread.pk])
    client = _client(facilitator)
    client.post(url, {"body": "Un"}, headers=HTMX)

    response = client.post(url, {"body": "Mon long texte"}, headers=HTMX)

    html = response.content.decode()
    assert "Mon long texte" in html
    assert "errorlist" in html
    assert Reply.objects.count() == 1


def test_quote_prefills_the_form(thread, member, facilitator):
    """ "Quote" starts the reply with the quoted text and remembers the source."""
    quoted = services.create_reply(
        author=facilitator, thread=thread, body="Ligne un\nLigne deux"
    )

    html = (
        _client(member)
        .get(f"{thread.get_absolute_url()}?citer={quoted.pk}")
        .content.decode()
    )

    assert "&gt; Ligne un\n&gt; Ligne deux" in html
    assert f'name="quoted" value="{quoted.pk}"' in html


def test_quoted_reply_links_back_to_its_source(thread, member, facilitator):
    """A reply that quotes another says so, with a link to it."""
    quoted = services.create_reply(author=facilitator, thread=thread, body="Source")

    _client(member).post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": "> Source\n\nD'accord", "quoted": quoted.pk},
    )

    html = _client(member).get(thread.get_absolute_url()).content.decode()
    assert f'href="#{quoted.anchor}"' in html
    assert Reply.objects.get(body__startswith=">").quoted == quoted


def test_edited_reply_shows_the_mark_and_its_history_to_the_author(thread, member):
    """Edits are marked; the author reads the earlier versions."""
    reply = services.create_reply(author=member, thread=thread, body="Avant")
    client = _client(member)

    response = client.post(
        reverse("conversations:reply_update", args=[reply.pk]), {"body": "Après"}
    )
    history = client.get(reverse("conversations:reply_history", args=[reply.pk]))

    assert response.url == reply.get_absolute_url()
    assert (
        reverse("conversations:reply_history", args=[reply.pk])
        in client.get(thread.get_absolute_url()).content.decode()
    )
    assert "Avant" in history.content.decode()


def test_deleted_reply_shows_a_placeholder(thread, member, outsider):
    """Readers see a placeholder where a deleted reply was, not its text."""
    reply = services.create_reply(author=member, thread=thread, body="Texte retiré")
    _client(member).post(reverse("conversations:reply_delete", args=[reply.pk]))

    html = _client(outsider).get(thread.get_absolute_url()).content.decode()

    assert "Texte retiré" not in html
    assert f'id="{reply.anchor}"' in html


def test_hidden_reply_is_shown_to_moderators_only(thread, member, facilitator):
    """Members see a placeholder; facilitators the text, marked hidden."""
    reply = services.create_reply(author=member, thread=thread, body="Propos vifs")
    services.set_reply_hidden(actor=facilitator, reply=reply, hidden=True)

    seen_by_member = _client(member).get(thread.get_absolute_url()).content.decode()
    seen_by_facilitator = (
        _client(facilitator).get(thread.get_absolute_url()).content.decode()
    )

    assert "Propos vifs" not in seen_by_member
    assert "Propos vifs" in seen_by_facilitator


def test_mention_renders_as_a_link_to_the_profile(thread, member, facilitator):
    """A mention shows as a link to the person's profile."""
    services.create_reply(
        author=member, thread=thread, body="Merci @Françoise Animatrice"
    )

    html = _client(member).get(thread.get_absolute_url()).content.decode()

    assert f'href="/membres/{facilitator.pk}/"' in html
    assert "@Françoise Animatrice</a>" in html


# Reactions --------------------------------------------------------------------


def test_reaction_with_htmx_returns_the_bar_only(thread, member, facilitator):
    """The reaction bar comes back alone, pressed, with its count."""
    reply = services.create_reply(author=facilitator, thread=thread, body="Astuce")

    response = _client(member).post(
        reverse("conversations:reply_react", args=[reply.pk]),
        {"kind": "useful"},
        headers=HTMX,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(
        f'<div class="reactions" id="reactions-{reply.anchor}"'
    )
    assert (
        f'id="reactions-{reply.anchor}-useful" class="reaction" aria-pressed="true"'
        in html
    )
    assert '<span class="reaction-count">1</span>' in html


def test_reaction_without_javascript_redirects_to_the_permalink(
    thread, member, facilitator
):
    """A plain post toggles the reaction and returns to the reply's anchor."""
    reply = services.create_reply(author=facilitator, thread=thread, body="Astuce")
    client = _client(member)
    url = reverse("conversations:reply_react", args=[reply.pk])

    first = client.post(url, {"kind": "thanks"})
    assert first.url == reply.get_absolute_url()
    assert Reaction.objects.filter(reply=reply, user=member).exists()

    client.post(url, {"kind": "thanks"})
    assert not Reaction.objects.exists()


def test_reaction_on_the_thread_without_javascript(thread, facilitator):
    """Reacting to the opening post returns to the thread."""
    response = _client(facilitator).post(
        reverse("conversations:thread_react", args=[thread.pk]),
        {"kind": "same_problem"},
    )

    assert response.url == thread.get_absolute_url()
    assert Reaction.objects.get().thread == thread


def test_unknown_reaction_is_a_400_with_htmx(thread, facilitator):
    """Bad input to the htmx path is a 400, and nothing is saved."""
    response = _client(facilitator).post(
        reverse("conversations:thread_react", args=[thread.pk]),
        {"kind": "love"},
        headers=HTMX,
    )

    assert response.status_code == 400
    assert not Reaction.objects.exists()


def test_unknown_reaction_without_javascript_says_so(thread, facilitator):
    """Bad input to the plain path is a 400 page saying what was wrong."""
    client = _client(facilitator)
    response = client.post(
        reverse("conversations:thread_react", args=[thread.pk]),
        {"kind": "love"},
    )

    assert response.status_code == 400
    assert "love" in response.content.decode()
    assert not Reaction.objects.exists()


# Follow, visits, "new" --------------------------------------------------------


def test_follow_with_htmx_swaps_the_button(thread, facilitator):
    """The follow button comes back pressed."""
    response = _client(facilitator).post(
        reverse("conversations:thread_follow", args=[thread.pk]),
        {"action": "follow"},
        headers=HTMX,
    )

    assert 'aria-pressed="true"' in response.content.decode()
    assert thread.follows.filter(user=facilitator).exists()


def test_reading_a_thread_writes_nothing(thread, outsider):
    """Opening a thread's page does not write: the visit comes by a later POST."""
    client = _client(outsider)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(thread.get_absolute_url())

    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in q["sql"]
    ]
    assert writes == []
    assert (
        reverse("conversations:thread_visit", args=[thread.pk])
        in response.content.decode()
    )
    assert not ThreadVisit.objects.exists()

    assert (
        client.post(reverse("conversations:thread_visit", args=[thread.pk])).status_code
        == 204
    )
    assert ThreadVisit.objects.filter(user=outsider, thread=thread).exists()


def test_lists_show_what_is_new_since_the_last_visit(community, thread, facilitator):
    """Unopened threads are "new"; opened ones count the replies since."""
    other = ThreadFactory(community=community, title="Jamais ouvert")
    client = _client(facilitator)
    client.post(reverse("conversations:thread_visit", args=[thread.pk]))
    ThreadVisit.objects.update(
        last_seen_at=timezone.now() - timezone.timedelta(hours=1)
    )
    ReplyFactory(thread=thread)
    ReplyFactory(thread=thread)

    html = client.get(
        reverse("conversations:thread_list", args=[community.slug])
    ).content.decode()

    assert "2 new replies" in html or "2 nouvelles réponses" in html
    assert other.title in html


def test_solution_box_shows_a_listed_solution_as_lines(thread, member, facilitator):
    """The accepted solution's excerpt keeps its list items on their own lines."""
    reply = ReplyFactory(
        thread=thread, body="- Commande minimale : 5 caisses\n- Livraison le mardi"
    )
    Thread.objects.filter(pk=thread.pk).update(solution=reply)

    html = _client(member).get(thread.get_absolute_url()).content.decode()

    assert "• Commande minimale : 5 caisses<br>• Livraison le mardi" in html


# Lists ------------------------------------------------------------------------


def test_lists_filter_by_kind_tag_and_state(community, member, facilitator):
    """Kind, tag and "unsolved" filters each narrow the list."""
    budget = Tag.objects.get(slug="budget")
    solved = ThreadFactory(community=community, title="Défi résolu", tags=[budget])
    reply = ReplyFactory(thread=solved)
    Thread.objects.filter(pk=solved.pk).update(solution=reply)
    ThreadFactory(community=community, title="Défi ouvert")
    ThreadFactory(community=community, title="Astuce budget", kind="tip", tags=[budget])
    url = reverse("conversations:thread_list", args=[community.slug])
    client = _client(member)

    def titles(query):
        html = client.get(url + query).content.decode()
        return {t for t in ("Défi résolu", "Défi ouvert", "Astuce budget") if t in html}

    assert titles("") == {"Défi résolu", "Défi ouvert", "Astuce budget"}
    assert titles("?type=tip") == {"Astuce budget"}
    assert titles("?tag=budget") == {"Défi résolu", "Astuce budget"}
    assert titles("?etat=non-resolu") == {"Défi ouvert"}
    assert titles("?etat=resolu") == {"Défi résolu"}
    assert titles("?type=nimporte") == {"Défi résolu", "Défi ouvert", "Astuce budget"}


def test_list_results_come_alone_with_htmx(community, member, thread):
    """The filter's htmx request gets the results fragment only."""
    response = _client(member).get(
        reverse("conversations:thread_list", args=[community.slug]), headers=HTMX
    )

    html = response.content.decode()
    assert html.strip().startswith('<div id="results"')
    assert thread.title in html


def test_community_page_links_to_the_exchanges(community, member):
    """The community's page leads to its activity and its thread lists."""
    html = _client(member).get(community.get_absolute_url()).content.decode()

    assert reverse("conversations:activity", args=[community.slug]) in html
    assert reverse("conversations:thread_list", args=[community.slug]) in html


def test_activity_goes_older_page_by_page(community, member):
    """Past 30 items an "older activity" link leads on; the last page has none
    and offers the way back to the latest."""
    url = reverse("conversations:activity", args=[community.slug])
    titles = [f"Fil numéro {n:02d}" for n in range(35)]
    for title in titles:
        ThreadFactory(community=community, title=title)
    client = _client(member)

    with translation.override("fr"):
        first = client.get(url).content.decode()
        assert "Activité plus ancienne" in first
        assert "Fil numéro 34" in first and "Fil numéro 00" not in first
        older = re.search(r'href="\?avant=([^"]+)" rel="next"', first).group(1)

        second = client.get(url, {"avant": older}).content.decode()
    assert "Fil numéro 00" in second and "Fil numéro 34" not in second
    assert sum(title in first + second for title in titles) == 35
    assert 'rel="next"' not in second
    assert f'href="{url}"' in second


def test_activity_with_a_cursor_that_is_not_one_shows_the_latest(community, member):
    ThreadFactory(community=community, title="Le plus récent")
    url = reverse("conversations:activity", args=[community.slug])

    response = _client(member).get(url, {"avant": "<script>"})

    assert response.status_code == 200
    assert "Le plus récent" in response.content.decode()


# Mentions while typing --------------------------------------------------------


def test_mention_suggestions_list_matching_members(community, member):
    """Typing "@fran" suggests Françoise, as buttons inserting her name as
    people read it."""
    facilitator = MembershipFactory(
        community=community, user__display_name="Françoise Tremblay"
    ).user

    html = (
        _client(member)
        .get(
            reverse("conversations:mention_suggestions", args=[community.slug])
            + "?q=fran"
        )
        .content.decode()
    )

    assert 'data-mention="@Françoise Tremblay"' in html
    assert f"({facilitator.pk})" not in html
    assert 'type="button"' in html


def test_mention_suggestions_insert_the_stored_form_for_namesakes(community, member):
    """Two members called Françoise Tremblay: choosing one inserts her stored
    form, since the name alone would name both."""
    first, second = (
        MembershipFactory(
            community=community, user__display_name="Françoise Tremblay"
        ).user
        for _i in range(2)
    )

    html = (
        _client(member)
        .get(
            reverse("conversations:mention_suggestions", args=[community.slug])
            + "?q=fran"
        )
        .content.decode()
    )

    assert f'data-mention="@[Françoise Tremblay]({first.pk})"' in html
    assert f'data-mention="@[Françoise Tremblay]({second.pk})"' in html


def _check(user, community, *typed):
    url = reverse("conversations:mention_check", args=[community.slug])
    return _client(user).get(url, {"m": list(typed)}, headers=HTMX)


def test_mention_check_warns_of_a_name_nobody_carries(community, member):
    """ "@Isab" while typing: a warning says it will stay text; a real name
    gets none."""
    MembershipFactory(community=community, user__display_name="Isabelle Roy")

    html = _check(member, community, "@Isab merci", "@Isabelle Roy merci").content
    text = html.decode()

    assert "Personne ne porte ce nom dans la communauté" in text
    assert "«\u00a0@Isab\u00a0» restera du texte" in text
    assert "Isabelle Roy" not in text


def test_mention_check_asks_to_choose_between_namesakes(community, member):
    """ "@Amélie" with two Amélies: the warning asks to choose from the list."""
    for name in ("Amélie Animatrice", "Amélie Tremblay"):
        MembershipFactory(community=community, user__display_name=name)

    text = _check(member, community, "@Amélie, tu viens ?").content.decode()

    assert "Plusieurs membres portent ce nom" in text
    assert "choisissez la bonne personne dans la liste" in text


def test_mention_check_is_empty_when_all_is_well(community, member):
    """Nothing to say: an empty fragment (and the live region stays silent)."""
    response = _check(member, community, "@Marc Membre")

    assert response.status_code == 200
    assert response.content.decode().strip() == ""


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("outsider", 403), ("member", 200), ("facilitator", 200)],
)
def test_mention_check_is_for_those_who_may_post(
    who, status, community, member, facilitator, outsider
):
    """Like the suggestions, the check answers people who may post there."""
    user = {"anonymous": None, "outsider": outsider, "member": member}.get(
        who, facilitator
    )

    assert _check(user, community, "@Isab").status_code == status


def test_mention_check_keeps_a_private_community_hidden(outsider):
    """A stranger learns nothing of a private community's members: a 404."""
    private = CommunityFactory(visibility=Community.Visibility.PRIVATE)

    assert _check(outsider, private, "@Isab").status_code == 404


def test_reply_naming_nobody_says_so_after_posting(thread, member):
    """Without JavaScript, the page after posting says "@Isab" stayed text."""
    response = _client(member).post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": "Merci @Isab !"},
        follow=True,
    )

    text = response.content.decode()
    assert "Personne ne porte ce nom dans la communauté" in text
    assert "«\u00a0@Isab\u00a0» est resté du texte" in text


def test_reply_naming_namesakes_asks_to_choose_after_posting(thread, member):
    """Without JavaScript, "@Amélie" with two Amélies: the page says to edit
    the message and choose from the list."""
    for name in ("Amélie Animatrice", "Amélie Tremblay"):
        MembershipFactory(community=thread.community, user__display_name=name)

    response = _client(member).post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": "Merci @Amélie !"},
        follow=True,
    )

    text = response.content.decode()
    assert "Plusieurs membres portent ce nom" in text
    assert "Modifiez votre message et choisissez la bonne personne" in text


def test_htmx_reply_leaves_the_warning_to_the_page(thread, member):
    """With htmx the script warned while typing: no message waits for later."""
    client = _client(member)
    client.post(
        reverse("conversations:reply_create", args=[thread.pk]),
        {"body": "Merci @Isab !"},
        headers=HTMX,
    )

    page = client.get(thread.get_absolute_url()).content.decode()
    assert "est resté du texte" not in page


def test_thread_naming_nobody_says_so_after_posting(community, member):
    """A new thread's sections are checked too."""
    response = _client(member).post(
        reverse("conversations:thread_create", args=[community.slug, "astuce"]),
        {"title": "Une astuce", "body": "Demandez à @Isab"},
        follow=True,
    )

    assert "«\u00a0@Isab\u00a0» est resté du texte" in response.content.decode()


def test_editing_a_reply_shows_readable_names(thread, member):
    """The edit box shows "@Amélie Animatrice", not the stored form; saving it
    unchanged keeps the mention and writes no revision."""
    amelie = MembershipFactory(
        community=thread.community, user__display_name="Amélie Animatrice"
    ).user
    reply = services.create_reply(
        author=member, thread=thread, body="Merci @Amélie Animatrice"
    )
    url = reverse("conversations:reply_update", args=[reply.pk])
    client = _client(member)

    form = client.get(url).context["form"]
    assert form.initial["body"] == "Merci @Amélie Animatrice"

    client.post(url, {"body": form.initial["body"]})
    reply.refresh_from_db()
    assert reply.body == f"Merci @[Amélie Animatrice]({amelie.pk})"
    assert not reply.revisions.exists()


def test_editing_a_thread_shows_readable_names(community, member):
    """A thread's sections show readable names in the edit form too."""
    MembershipFactory(community=community, user__display_name="Amélie Animatrice")
    thread = services.create_thread(
        author=member,
        community=community,
        kind="tip",
        title="Une astuce",
        sections={"body": "Merci @Amélie Animatrice"},
    )

    form = (
        _client(member)
        .get(reverse("conversations:thread_update", args=[thread.pk]))
        .context["form"]
    )

    assert form.initial["body"] == "Merci @Amélie Animatrice"


def test_mention_suggestions_never_offer_outsiders(community, member, outsider):
    """Only members of the community are suggested."""
    html = (
        _client(member)
        .get(
            reverse("conversations:mention_suggestions", args=[community.slug])
            + "?q=olivier"
        )
        .content.decode()
    )

    assert outsider.display_name not in html


# Moderation -------------------------------------------------------------------


def test_flag_then_hide_from_the_queue(thread, member, facilitator):
    """A flagged reply shows in the queue; hiding it there empties the queue."""
    reply = services.create_reply(author=member, thread=thread, body="Hors sujet total")
    other = MembershipFactory(community=thread.community).user
    _client(other).post(
        reverse("conversations:reply_flag", args=[reply.pk]),
        {"reason": "off_topic", "details": "Rien à voir"},
    )
    client = _client(facilitator)
    queue = reverse("conversations:moderation_queue", args=[thread.community.slug])

    assert "Rien à voir" in client.get(queue).content.decode()
    response = client.post(
        reverse("conversations:reply_moderate", args=[reply.pk]),
        {"action": "hide", "next": "queue", "reason": "Hors sujet"},
    )

    assert response.url == queue
    assert "Rien à voir" not in client.get(queue).content.decode()
    log = client.get(
        reverse("conversations:moderation_log", args=[thread.community.slug])
    ).content.decode()
    assert "Hors sujet" in log


def test_flag_form_errors_stay_on_the_page(thread, facilitator):
    """ "Other" without details is an error next to the field."""
    response = _client(facilitator).post(
        reverse("conversations:thread_flag", args=[thread.pk]), {"reason": "other"}
    )

    assert response.status_code == 200
    assert 'id="id_details_error"' in response.content.decode()


def test_unknown_moderation_action_changes_nothing(thread, facilitator):
    """A forged action is refused with a message."""
    _client(facilitator).post(
        reverse("conversations:thread_moderate", args=[thread.pk]), {"action": "burn"}
    )

    thread.refresh_from_db()
    assert not (thread.is_hidden or thread.is_locked or thread.is_pinned)


def test_locked_thread_offers_no_reply_form(thread, member, facilitator):
    """A locked thread says so instead of offering a form."""
    services.set_thread_locked(actor=facilitator, thread=thread, locked=True)

    html = _client(member).get(thread.get_absolute_url()).content.decode()

    assert 'id="reply-form"' not in html


def test_archived_thread_page_offers_no_form(thread, member):
    """An archived community's thread is read without any form to write."""
    Community.objects.filter(pk=thread.community_id).update(archived_at=timezone.now())

    html = _client(member).get(thread.get_absolute_url()).content.decode()

    assert 'id="reply-form"' not in html
    assert reverse("conversations:thread_react", args=[thread.pk]) not in html
    assert reverse("conversations:thread_follow", args=[thread.pk]) not in html


# "Who can help me?" -----------------------------------------------------------


def test_who_can_help_lists_reasons_and_sends_requests(thread, member):
    """Suggestions say why; asking the chosen ones notifies them."""
    expert = MembershipFactory(
        community=thread.community, user__display_name="Émile Collations"
    ).user
    expert.expertise.set(account_services.tags_from_names(["Collations"]))
    client = _client(member)
    url = reverse("conversations:thread_helpers", args=[thread.pk])

    page = client.get(url).content.decode()
    response = client.post(url, {"people": [expert.pk]})

    assert "Émile Collations" in page and "Collations" in page
    assert response.url == thread.get_absolute_url()
    assert Notification.objects.filter(recipient=expert, kind="help_request").exists()


def test_who_can_help_refuses_people_not_suggested(thread, member, outsider):
    """Only suggested people can be chosen (the form rejects others)."""
    response = _client(member).post(
        reverse("conversations:thread_helpers", args=[thread.pk]),
        {"people": [outsider.pk]},
    )

    assert response.status_code == 200
    assert not Notification.objects.filter(recipient=outsider).exists()


# The whole loop ---------------------------------------------------------------


def test_full_loop_challenge_reply_solution_solved(
    community, member, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    """Post a challenge, get a reply, mark the solution, see it in "solved", and
    the author is e-mailed about the reply."""
    account_services.give_consent(user=member, purpose=Consent.Purpose.EMAIL)
    author, helper = _client(member), _client(facilitator)
    author.post(
        reverse("conversations:thread_create", args=[community.slug, "defi"]),
        {"title": "Petits producteurs et marchés publics", "problem": "Comment faire?"},
    )
    thread = Thread.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        helper.post(
            reverse("conversations:reply_create", args=[thread.pk]),
            {"body": "Découpez l'appel d'offres en petits lots."},
        )
    reply = Reply.objects.get()
    author.post(
        reverse("conversations:reply_solution", args=[reply.pk]), {"action": "mark"}
    )

    solved = author.get(
        reverse("conversations:thread_list", args=[community.slug]) + "?etat=resolu"
    ).content.decode()
    unsolved = author.get(
        reverse("conversations:thread_list", args=[community.slug]) + "?etat=non-resolu"
    ).content.decode()
    page = author.get(thread.get_absolute_url()).content.decode()
    assert thread.title in solved and thread.title not in unsolved
    assert "solution-box" in page
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert thread.title in mailoutbox[0].subject + mailoutbox[0].body
    assert Notification.objects.filter(recipient=facilitator, kind="solution").exists()


# Leaks through notifications --------------------------------------------------


def test_mentioning_an_outsider_in_a_private_community_tells_nobody(member):
    """A private community's text never reaches someone outside, even by mention."""
    private = CommunityFactory(visibility=Community.Visibility.PRIVATE)
    MembershipFactory(community=private, user=member)
    stranger = MembershipFactory(user__display_name="Paul Dehors").user  # elsewhere
    thread = services.create_thread(
        author=member,
        community=private,
        kind="discussion",
        title="Budget confidentiel",
        sections={
            "body": f"Qu'en pense @Paul Dehors ou @[Paul Dehors]({stranger.pk}) ?"
        },
    )
    services.create_reply(author=member, thread=thread, body="@Paul Dehors ?")

    assert not Notification.objects.filter(recipient=stranger).exists()
    assert "Budget confidentiel" not in str(
        list(Notification.objects.values_list("subject", "excerpt"))
    )


def test_staff_following_nothing_get_nothing(thread, staff, facilitator):
    """Notifications go to those concerned only."""
    services.create_reply(author=facilitator, thread=thread, body="Oui")

    assert not Notification.objects.filter(recipient=staff).exists()


def test_former_member_following_a_private_thread_is_not_told(member):
    """Someone who left a private community no longer hears of its threads."""
    private = CommunityFactory(visibility=Community.Visibility.PRIVATE)
    MembershipFactory(community=private, user=member)
    former = MembershipFactory(community=private).user
    thread = services.create_thread(
        author=member,
        community=private,
        kind="discussion",
        title="Entre nous",
        sections={"body": "Texte"},
    )
    services.follow_thread(user=former, thread=thread)
    services.follow_community(user=former, community=private)
    private.memberships.filter(user=former).update(state="left")

    services.create_reply(author=member, thread=thread, body="Suite")
    services.create_thread(
        author=member,
        community=private,
        kind="tip",
        title="Autre",
        sections={"body": "B"},
    )

    assert not Notification.objects.filter(recipient=former).exists()
