"""Notification e-mails: language, both parts, links and the unsubscribe headers."""

import pytest
from django.core import signing
from django.urls import reverse

from maillage.notifications import emails, services

from .factories import consent_to_email

SITE = "https://maillage.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.MAILLAGE_SITE_URL = SITE


def _mention(community, actor, recipient, capture):
    with capture(execute=True):
        services.notify(
            recipients=[recipient],
            community=community,
            kind="mention",
            actor=actor,
            subject="Collations locales en CPE",
            excerpt="Tu as déjà essayé les pois chiches grillés?",
            url="/c/monteregie/fils/7/#reponse-12",
        )


def test_immediate_email_has_text_and_html_parts(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """The e-mail carries a plain-text body and an HTML alternative."""
    consent_to_email(member)
    _mention(community, actor, member, django_capture_on_commit_callbacks)
    (message,) = mailoutbox
    assert "Collations locales en CPE" in message.body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "Collations locales en CPE" in html


def test_immediate_email_links_are_absolute(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """Links point to the site's absolute address, anchor included."""
    consent_to_email(member)
    _mention(community, actor, member, django_capture_on_commit_callbacks)
    (message,) = mailoutbox
    link = f"{SITE}/c/monteregie/fils/7/#reponse-12"
    assert link in message.body
    assert f'href="{link}"' in message.alternatives[0][0]
    assert f"{SITE}{reverse('notifications:preferences')}" in message.body


def test_immediate_email_subject_has_the_site_prefix(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks, settings
):
    """The subject starts with the usual [Maillage] prefix."""
    consent_to_email(member)
    _mention(community, actor, member, django_capture_on_commit_callbacks)
    assert mailoutbox[0].subject.startswith(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
    assert "Collations locales en CPE" in mailoutbox[0].subject


def test_immediate_email_is_in_the_recipients_language(
    community, actor, make_member, mailoutbox, django_capture_on_commit_callbacks
):
    """A person whose language is English gets the e-mail in English, whatever
    the language of the request that caused it."""
    english = consent_to_email(make_member(community, language="en"))
    _mention(community, actor, english, django_capture_on_commit_callbacks)
    (message,) = mailoutbox
    assert message.subject == (
        "[Maillage] Alice Autrice mentioned you in “Collations locales en CPE”"
    )
    assert "Hello " in message.body
    assert 'lang="en"' in message.alternatives[0][0]


def test_french_reader_gets_a_french_html_part(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """A French-speaking person's e-mail is marked as French."""
    consent_to_email(member)
    _mention(community, actor, member, django_capture_on_commit_callbacks)
    assert 'lang="fr"' in mailoutbox[0].alternatives[0][0]


def test_immediate_email_has_one_click_unsubscribe_headers(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """List-Unsubscribe points to the signed link; List-Unsubscribe-Post says
    one click (RFC 8058)."""
    consent_to_email(member)
    _mention(community, actor, member, django_capture_on_commit_callbacks)
    message = mailoutbox[0].message()
    header = message["List-Unsubscribe"]
    assert header.startswith(f"<{SITE}/notifications/desabonnement/")
    assert header.endswith(">")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header[1:-1] in mailoutbox[0].body


def test_unsubscribe_token_names_the_person_and_category(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """The link in a mention e-mail stops "about me" e-mails of that person."""
    consent_to_email(member)
    _mention(community, actor, member, django_capture_on_commit_callbacks)
    url = mailoutbox[0].message()["List-Unsubscribe"][1:-1]
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert emails.read_unsubscribe_token(token) == (member.pk, ["about_me"])


def test_tampered_unsubscribe_token_is_rejected(member):
    """Changing the person in a token breaks its signature."""
    token = emails.unsubscribe_token(member.pk, ["about_me"])
    forged = emails.unsubscribe_token(member.pk + 1, ["about_me"])
    tampered = forged.split(":")[0] + ":" + token.split(":", 1)[1]
    with pytest.raises(signing.BadSignature):
        emails.read_unsubscribe_token(tampered)


def test_token_signed_for_another_purpose_is_rejected(member):
    """A value signed with another salt opens nothing here."""
    other = signing.dumps({"u": member.pk, "c": ["about_me"]}, salt="other")
    with pytest.raises(signing.BadSignature):
        emails.read_unsubscribe_token(other)


def test_token_with_an_unknown_category_is_rejected(member):
    """A well-signed token must still name known categories."""
    token = signing.dumps(
        {"u": member.pk, "c": ["everything"]}, salt=emails.UNSUBSCRIBE_SALT
    )
    with pytest.raises(signing.BadSignature):
        emails.read_unsubscribe_token(token)


def test_a_listed_excerpt_stays_a_list_in_both_parts(
    community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """Each line of the excerpt is quoted in the text part and broken in the HTML."""
    consent_to_email(member)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipients=[member],
            community=community,
            kind="mention",
            actor=actor,
            subject="Conditions de la ferme",
            excerpt="• Commande minimale : 5 caisses\n• Livraison le mardi",
            url="/c/monteregie/fils/7/",
        )
    (message,) = mailoutbox
    assert "> • Commande minimale : 5 caisses\n> • Livraison le mardi" in message.body
    assert "5 caisses<br>• Livraison le mardi" in message.alternatives[0][0]
