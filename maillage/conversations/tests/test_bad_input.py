"""What a new user hit (issue 10): bad input to the exchanges is refused with a
message, never a 500, and nothing is stored twice or half."""

import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import User
from maillage.communities.models import Membership
from maillage.conversations import services
from maillage.conversations.models import (
    Reply,
    Thread,
    ThreadFollow,
)
from maillage.conversations.tests.factories import ReplyFactory

HTMX = {"HX-Request": "true"}
HUGE = "99999999999999999999"
DEEP = "- " * 2000 + "x"


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def thread(community, facilitator):
    return services.create_thread(
        author=facilitator,
        community=community,
        kind="discussion",
        title="Menus d'hiver",
        sections={"body": "Vos idées de **soupes** ?"},
    )


def _reply_url(thread):
    return reverse("conversations:reply_create", args=[thread.pk])


def _new_thread_url(community):
    return reverse("conversations:thread_create", args=[community.slug, "discussion"])


# Markdown that cannot be rendered ----------------------------------------------


def test_a_reply_nested_too_deeply_is_refused_next_to_the_field(thread, member):
    """The trial's 4,001-character reply: an error in French, the text kept."""
    response = _client(member).post(_reply_url(thread), {"body": DEEP})

    page = response.content.decode()
    assert response.status_code == 200
    assert "au plus 20 niveaux" in page
    assert "- - - - x" in page
    assert not Reply.objects.exists()


def test_the_htmx_reply_form_shows_the_nesting_error(thread, member):
    response = _client(member).post(_reply_url(thread), {"body": DEEP}, headers=HTMX)

    assert response.status_code == 200
    assert "au plus 20 niveaux" in response.content.decode()
    assert not Reply.objects.exists()


def test_a_thread_section_nested_too_deeply_is_refused(community, member):
    response = _client(member).post(
        _new_thread_url(community), {"title": "Liste", "body": "> " * 50 + "x"}
    )

    assert response.status_code == 200
    assert "au plus 20 niveaux" in response.content.decode()
    assert not Thread.objects.exists()


def test_an_edit_nested_too_deeply_is_refused(thread, member):
    reply = services.create_reply(author=member, thread=thread, body="Bonne idée")

    response = _client(member).post(
        reverse("conversations:reply_update", args=[reply.pk]), {"body": DEEP}
    )

    assert response.status_code == 200
    assert "au plus 20 niveaux" in response.content.decode()
    reply.refresh_from_db()
    assert reply.body == "Bonne idée"


@pytest.fixture
def stored_deep_reply(thread, member):
    """A reply saved before the bound existed (straight into the database)."""
    return ReplyFactory(thread=thread, author=member, body=DEEP)


@pytest.mark.parametrize("who", ["member", "facilitator", "outsider", "anonymous"])
def test_a_stored_deep_reply_leaves_the_thread_page_readable(
    stored_deep_reply, who, request
):
    """Everyone sees the page; the reply shows as plain text."""
    user = None if who == "anonymous" else request.getfixturevalue(who)
    response = _client(user).get(stored_deep_reply.thread.get_absolute_url())

    assert response.status_code == 200
    assert "- - - - x" in response.content.decode()


@pytest.mark.parametrize("page", ["reply_update", "reply_delete", "reply_history"])
def test_the_stored_deep_replys_own_pages_are_readable(stored_deep_reply, member, page):
    stored_deep_reply.edited_at = timezone.now()
    stored_deep_reply.save()
    response = _client(member).get(
        reverse(f"conversations:{page}", args=[stored_deep_reply.pk])
    )

    assert response.status_code == 200


def test_a_reply_form_error_on_that_thread_is_readable(stored_deep_reply, member):
    response = _client(member).post(_reply_url(stored_deep_reply.thread), {"body": ""})

    assert response.status_code == 200


def test_moderators_still_read_the_page_once_it_is_hidden_or_deleted(
    stored_deep_reply, facilitator
):
    """Hidden replies are drawn for facilitators; deleted ones keep their body."""
    services.set_reply_hidden(actor=facilitator, reply=stored_deep_reply, hidden=True)
    hidden = _client(facilitator).get(stored_deep_reply.thread.get_absolute_url())
    services.delete_reply(actor=facilitator, reply=stored_deep_reply)
    deleted = _client(facilitator).get(stored_deep_reply.thread.get_absolute_url())

    assert hidden.status_code == 200
    assert deleted.status_code == 200


# Numbers too large for the database ----------------------------------------------


def test_a_huge_related_thread_id_is_a_form_error(community, member, thread):
    """The trial's related=99999999999999999999: an error, nothing stored."""
    response = _client(member).post(
        _new_thread_url(community),
        {"title": "Soupes", "body": "Aux lentilles", "related": [HUGE]},
    )

    assert response.status_code == 200
    assert HUGE in response.content.decode()
    assert Thread.objects.count() == 1


def test_a_huge_quoted_reply_id_is_a_form_error(thread, member):
    response = _client(member).post(
        _reply_url(thread), {"body": "Je cite", "quoted": HUGE}
    )

    assert response.status_code == 200
    assert not Reply.objects.exists()


@pytest.mark.parametrize("page", [HUGE, "9" * 5000, "-1", "abc"])
def test_a_huge_page_number_shows_a_page(community, member, thread, page):
    """Any page= shows the first or the last page."""
    for name in ("conversations:thread_list", "conversations:moderation_log"):
        url = reverse(name, args=[community.slug])
        assert _client(member).get(url, {"page": page}).status_code in (200, 403)


@pytest.mark.parametrize(
    "cursor",
    [f"{HUGE}.r{HUGE}", "9" * 18 + ".r" + "9" * 18, "1.t" + "9" * 18, "-1.r1"],
)
def test_a_huge_cursor_shows_a_page_of_activity(community, member, thread, cursor):
    url = reverse("conversations:activity", args=[community.slug])

    response = _client(member).get(url, {"avant": cursor})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        f"/echanges/{HUGE}/",
        f"/echanges/{HUGE}/repondre/",
        f"/echanges/reponses/{HUGE}/historique/",
        f"/echanges/signalements/{HUGE}/classer/",
    ],
)
def test_a_huge_id_in_a_path_is_not_found(member, path):
    assert _client(member).get(path).status_code == 404
    assert _client(member).post(path).status_code == 404


# The same form sent twice ------------------------------------------------------------


def _token(client, url):
    page = client.get(url).content.decode()
    return page.split('name="submission" value="', 1)[1].split('"', 1)[0]


def test_a_double_clicked_reply_is_stored_once(thread, member):
    """The same form sent twice: one reply, both answers lead to it."""
    client = _client(member)
    token = _token(client, thread.get_absolute_url())
    data = {"body": "Une soupe aux pois", "submission": token}

    first = client.post(_reply_url(thread), data)
    second = client.post(_reply_url(thread), data)

    reply = Reply.objects.get()
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == reply.get_absolute_url()


def test_a_double_clicked_htmx_reply_is_stored_once_and_added_once(thread, member):
    """The second answer is the same fragment, swapped nowhere but the form."""
    client = _client(member)
    token = _token(client, thread.get_absolute_url())
    data = {"body": "Une soupe aux pois", "submission": token}

    first = client.post(_reply_url(thread), data, headers=HTMX)
    second = client.post(_reply_url(thread), data, headers=HTMX)

    reply = Reply.objects.get()
    assert reply.anchor in first.content.decode()
    assert reply.anchor in second.content.decode()
    assert "HX-Reswap" not in first.headers
    assert second.headers["HX-Reswap"] == "none"


def test_a_form_shown_twice_creates_two_replies(thread, member):
    """Two showings of the form are two replies, even with the same words."""
    client = _client(member)
    for _n in range(2):
        token = _token(client, thread.get_absolute_url())
        client.post(_reply_url(thread), {"body": "Encore", "submission": token})

    assert Reply.objects.count() == 2


def test_the_next_reply_form_has_a_new_token(thread, member):
    """After an htmx reply, the form swapped in is a new form."""
    client = _client(member)
    token = _token(client, thread.get_absolute_url())

    response = client.post(
        _reply_url(thread), {"body": "Oui", "submission": token}, headers=HTMX
    )

    assert 'name="submission"' in response.content.decode()
    assert f'value="{token}"' not in response.content.decode()


def test_a_refused_reply_keeps_its_token_and_stores_nothing(thread, member):
    """An error rolls the token back with the rest: sending again works."""
    client = _client(member)
    token = _token(client, thread.get_absolute_url())

    refused = client.post(_reply_url(thread), {"body": DEEP, "submission": token})
    sent = client.post(_reply_url(thread), {"body": "Corrigé", "submission": token})

    assert f'value="{token}"' in refused.content.decode()
    assert sent.status_code == 302
    assert Reply.objects.get().body == "Corrigé"


def test_a_double_clicked_thread_is_stored_once(community, member):
    client = _client(member)
    token = _token(client, _new_thread_url(community))
    data = {"title": "Soupes", "body": "Aux lentilles", "submission": token}

    first = client.post(_new_thread_url(community), data)
    second = client.post(_new_thread_url(community), data)

    thread = Thread.objects.get()
    assert first.url == second.url == thread.get_absolute_url()


def test_the_same_token_from_another_person_is_another_submission(thread, member):
    """Tokens are per person: someone else's token creates their own reply."""
    other = services.create_reply
    token = "jeton-partage"
    other(author=member, thread=thread, body="Un", submission=token)
    other(author=thread.author, thread=thread, body="Deux", submission=token)

    assert Reply.objects.count() == 2


# Unreadable input and unknown choices ---------------------------------------------


def test_invalid_utf8_in_a_reply_is_refused_in_french(thread, member):
    """Bytes that are not UTF-8 are never stored as replacement characters."""
    response = _client(member).post(
        _reply_url(thread),
        b"body=Caf%E9+au+lait",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()
    assert "rien n&#x27;a été enregistré" in response.content.decode()
    assert not Reply.objects.exists()


def test_invalid_utf8_in_a_multipart_form_is_refused(thread, member):
    boundary = "limite"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\n'
        ).encode()
        + b"Caf\xe9\r\n"
        + f"--{boundary}--\r\n".encode()
    )

    response = _client(member).post(
        _reply_url(thread),
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )

    assert response.status_code == 400
    assert not Reply.objects.exists()


def test_invalid_utf8_in_a_query_string_is_refused(community, member):
    response = _client(member).get(
        reverse("conversations:thread_list", args=[community.slug]) + "?tag=%FF"
    )

    assert response.status_code == 400


def test_valid_accents_pass(thread, member):
    _client(member).post(
        _reply_url(thread),
        "body=Caf%C3%A9+%E2%80%94+%F0%9F%8D%B2",
        content_type="application/x-www-form-urlencoded",
    )

    assert Reply.objects.get().body == "Café — 🍲"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("conversations:thread_follow", {"action": "sabotage"}),
        ("conversations:thread_follow", {}),
        ("conversations:thread_react", {"kind": "love"}),
        ("conversations:thread_moderate", {"action": "delete"}),
    ],
)
def test_an_unknown_choice_on_a_thread_is_a_400_that_says_so(
    thread, facilitator, name, data
):
    """No silent redirect: the page names what was sent and what was expected."""
    ThreadFollow.objects.all().delete()

    response = _client(facilitator).post(reverse(name, args=[thread.pk]), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert "Valeurs possibles" in page
    assert "Rien n'a été modifié" in page
    assert not ThreadFollow.objects.exists()
    thread.refresh_from_db()
    assert not thread.is_pinned and not thread.is_hidden


@pytest.mark.parametrize("name", ["reply_moderate", "reply_solution", "reply_react"])
def test_an_unknown_choice_on_a_reply_changes_nothing(
    thread, facilitator, member, name
):
    """An unknown action no longer hides the reply (it used to)."""
    reply = services.create_reply(author=member, thread=thread, body="Potage")

    response = _client(facilitator).post(
        reverse(f"conversations:{name}", args=[reply.pk]),
        {"action": "overlord", "kind": "overlord"},
    )

    assert response.status_code == 400
    assert "overlord" in response.content.decode()
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.is_published and thread.solution_id is None


def test_an_unknown_choice_with_htmx_is_a_400_text(thread, facilitator):
    response = _client(facilitator).post(
        reverse("conversations:thread_follow", args=[thread.pk]),
        {"action": "sabotage"},
        headers=HTMX,
    )

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "sabotage" in response.content.decode()


def test_an_unknown_community_follow_action_is_a_400(community, member):
    response = _client(member).post(
        reverse("conversations:community_follow", args=[community.slug]),
        {"action": "always"},
    )

    assert response.status_code == 400


def test_a_reply_full_of_at_signs_is_saved_in_bounded_time(
    community, thread, member, facilitator
):
    """Only the first hundred "@" are compared with the members' names (each sign
    was compared with every name: seconds for a text full of them)."""
    people = User.objects.bulk_create(
        User(email=f"p{n}@exemple.qc.ca", display_name=f"Personne Numéro {n}")
        for n in range(150)
    )
    Membership.objects.bulk_create(
        Membership(community=community, user=p, state=Membership.State.ACTIVE)
        for p in people
    )
    started = time.thread_time()

    reply = services.create_reply(
        author=member, thread=thread, body="@Françoise Animatrice " + "@x " * 6000
    )

    assert time.thread_time() - started < 1
    assert reply.body.startswith(f"@[Françoise Animatrice]({facilitator.pk})")
