"""A creating form sent twice creates once, even when both arrive together."""

import threading
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from maillage.conversations import services
from maillage.conversations.models import Reply
from maillage.core.models import Submission
from maillage.core.submissions import earlier_result


@pytest.fixture
def thread(community, facilitator):
    return services.create_thread(
        author=facilitator,
        community=community,
        kind="discussion",
        title="Menus d'hiver",
        sections={"body": "Vos idées ?"},
    )


def test_the_same_token_returns_the_first_result_marked_as_repeated(thread, member):
    first = services.create_reply(
        author=member, thread=thread, body="Soupe", submission="jeton"
    )
    second = services.create_reply(
        author=member, thread=thread, body="Soupe", submission="jeton"
    )

    assert second == first
    assert second.repeated_submission
    assert not getattr(first, "repeated_submission", False)
    assert Reply.objects.count() == 1
    assert Submission.objects.get().result == first


def test_a_persons_week_old_tokens_are_forgotten_when_they_send_a_new_one(
    thread, member, facilitator
):
    """Tokens older than ``KEPT_FOR`` go when their person sends a new form; the
    recent ones, and other people's, stay."""
    from django.utils import timezone

    from maillage.core.submissions import KEPT_FOR

    for author, token in ((member, "ancien"), (member, "récent"), (facilitator, "x")):
        services.create_reply(
            author=author, thread=thread, body=token, submission=token
        )
    Submission.objects.filter(token__in=["ancien", "x"]).update(
        created_at=timezone.now() - KEPT_FOR - timezone.timedelta(minutes=1)
    )

    services.create_reply(author=member, thread=thread, body="neuf", submission="neuf")

    assert set(Submission.objects.values_list("token", flat=True)) == {
        "récent",
        "x",
        "neuf",
    }


def test_no_token_means_no_protection(thread, member):
    """A form sent without its token (an old page) still works, twice."""
    services.create_reply(author=member, thread=thread, body="Un")
    services.create_reply(author=member, thread=thread, body="Un")

    assert Reply.objects.count() == 2
    assert not Submission.objects.exists()


def test_a_refused_creation_leaves_its_token_free(thread, member):
    """The token is written in the creating transaction, so a refusal undoes it."""
    with pytest.raises(ValidationError):
        services.create_reply(author=member, thread=thread, body="", submission="t")

    assert not Submission.objects.exists()
    services.create_reply(author=member, thread=thread, body="Enfin", submission="t")
    assert Reply.objects.get().body == "Enfin"


def test_earlier_result_is_none_for_an_unknown_token_or_a_visitor(member):
    assert earlier_result(member, "inconnu") is None
    assert earlier_result(member, "") is None
    assert earlier_result(AnonymousUser(), "inconnu") is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sendings_at_the_same_moment_store_one_reply(
    community, facilitator, member
):
    """The second waits on the unique (person, token) index until the first
    commits, then returns the first's reply (PostgreSQL; SQLite's test database
    is shared in memory, where a lock fails at once instead of waiting, while
    its IMMEDIATE transactions queue real writers)."""
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent connections need the PostgreSQL test database.")
    thread = services.create_thread(
        author=facilitator,
        community=community,
        kind="discussion",
        title="Menus",
        sections={"body": "Idées"},
    )
    inside, release = threading.Event(), threading.Event()
    results = {}

    def first():
        try:
            with transaction.atomic():
                results["first"] = services.create_reply(
                    author=member, thread=thread, body="Potage", submission="meme"
                )
                inside.set()
                release.wait(10)
        finally:
            connections.close_all()

    def second():
        try:
            inside.wait(10)
            results["second"] = services.create_reply(
                author=member, thread=thread, body="Potage", submission="meme"
            )
        finally:
            connections.close_all()

    workers = [threading.Thread(target=first), threading.Thread(target=second)]
    for worker in workers:
        worker.start()
    inside.wait(10)
    time.sleep(0.5)  # the second is now waiting on the index
    release.set()
    for worker in workers:
        worker.join(20)

    assert Reply.objects.count() == 1
    assert results["second"].pk == results["first"].pk
