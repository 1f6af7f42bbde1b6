"""One e-mail pipeline: every e-mail of the site (invitations, allauth's,
notifications, digests) is rendered by ``core.mail`` and sent by one task, once
the transaction commits."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django_tasks.signals import task_enqueued

from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.core import mail
from maillage.notifications import services as notification_services
from maillage.notifications.tests.factories import (
    NotificationFactory,
    consent_to_email,
)

SEND = "maillage.core.tasks.send_email"


@pytest.fixture
def enqueued():
    """The module paths of the tasks enqueued during the test."""
    paths = []

    def record(sender, task_result, **kwargs):
        paths.append(task_result.task.module_path)

    task_enqueued.connect(record)
    yield paths
    task_enqueued.disconnect(record)


def _invitation(community, facilitator, **kwargs):
    community_services.invite_member(
        actor=facilitator, community=community, email="nouvelle@exemple.qc.ca"
    )


def _password_reset(community, facilitator, **kwargs):
    Client().post(reverse("account_reset_password"), {"email": facilitator.email})


def _notification(community, facilitator, member, **kwargs):
    consent_to_email(member)
    notification_services.notify(
        recipients=[member],
        community=community,
        kind="mention",
        actor=facilitator,
        subject="Collations locales",
        url="/c/monteregie/",
    )


def _digest(community, facilitator, member, **kwargs):
    consent_to_email(member)
    NotificationFactory(recipient=member, community=community)
    notification_services.send_digests(frequency="daily")


@pytest.mark.parametrize(
    ("send", "parts"),
    [
        (_invitation, 1),
        (_password_reset, 1),
        (_notification, 2),
        (_digest, 2),
    ],
    ids=["invitation", "allauth", "notification", "digest"],
)
def test_every_email_goes_through_the_one_task_after_the_commit(
    send,
    parts,
    community,
    facilitator,
    member,
    mailoutbox,
    enqueued,
    django_capture_on_commit_callbacks,
):
    """Nothing leaves before the commit; then one message, sent by
    ``core.tasks.send_email``, with its HTML part where there is a template."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(community=community, facilitator=facilitator, member=member)
    assert mailoutbox == []
    assert enqueued == []

    for callback in callbacks:
        callback()

    assert enqueued == [SEND]
    (message,) = mailoutbox
    assert message.subject.startswith("[Maillage] ")
    assert 1 + len(message.alternatives) == parts


def test_nothing_is_sent_when_the_transaction_rolls_back(
    community, facilitator, mailoutbox, enqueued
):
    """An e-mail decided in a transaction that fails is never sent."""
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_templated_mail_on_commit(
            template_prefix="communities/email/request_declined",
            to="personne@exemple.qc.ca",
            language="fr",
            context={"community": community, "person": facilitator},
        )
        raise RuntimeError
    assert mailoutbox == []
    assert enqueued == []


def test_text_is_not_escaped_and_follows_the_language(community, facilitator):
    """The text parts read "l'Estrie", not "l&#x27;Estrie", in the language
    asked for, whatever the active one; the subject is one line."""
    community.name = "Cuisines de l'Estrie"
    english = UserFactory(display_name="Emma Anglo")
    message = mail.render_message(
        "communities/email/request_declined",
        {"community": community, "person": english},
        language="en",
        to=[english.email],
    )
    assert "Cuisines de l'Estrie" in message["subject"]
    assert "\n" not in message["subject"]
    assert "Cuisines de l'Estrie" in message["text_body"]
    assert message["html_body"] == ""
    assert message["to"] == [english.email]
    french = mail.render_message(
        "communities/email/request_declined",
        {"community": community, "person": english},
        language="fr",
        to=[english.email],
    )
    assert french["subject"] != message["subject"]
