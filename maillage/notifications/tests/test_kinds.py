"""Kinds of notification are declared by the apps: a new one is listed, shown
with its icon and sentence, and e-mailed as it says, with no change to this app;
a kind no app declares any longer still shows."""

import gettext
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from maillage.accounts.tests.factories import UserFactory
from maillage.core.templatetags.maillage import icon
from maillage.notifications import kinds, services
from maillage.notifications.kinds import Category, Email, Kind
from maillage.notifications.models import Notification

from .factories import NotificationFactory, consent_to_email

ROOT = Path(__file__).resolve().parents[3]
LIST = reverse("notifications:notification_list")


def _visit_sentence(notification) -> str:
    """A sentence composed by a function, as a kind may need more than the actor
    and the subject."""
    return f"Visite de ferme proposée par {notification.actor.public_name} : " + (
        notification.subject.upper()
    )


@pytest.fixture
def farm_visit():
    """A kind declared by an app the notifications app knows nothing about."""
    kind = kinds.register(
        Kind(
            key="farm_visit",
            label="Visite de ferme",
            icon="truck",
            describe=_visit_sentence,
        )
    )
    yield kind
    kinds.unregister(kind.key)


@pytest.fixture
def declared():
    """Declare kinds for one test only."""
    added = []

    def declare(**fields):
        added.append(kinds.register(Kind(label=fields["key"], **fields)))
        return added[-1]

    yield declare
    for kind in added:
        kinds.unregister(kind.key)


def _item(html: str, notification) -> str:
    """The list item of ``notification`` in the page."""
    start = html.index(f'id="notification-{notification.pk}"')
    return html[start : html.index("</li>", start)]


def _tell(recipient, community, actor, kind, capture, **fields):
    with capture(execute=True):
        return services.notify(
            recipients=[recipient],
            community=community,
            kind=kind,
            actor=actor,
            subject=fields.pop("subject", "Ferme Les Jardins du Haut"),
            url="/c/monteregie/",
            **fields,
        )


def test_a_kind_declared_by_another_app_is_listed_and_emailed(
    farm_visit, community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """An app registers a kind: notify() takes it, the list shows its sentence
    beside its icon, and the immediate e-mail reads the same sentence."""
    consent_to_email(member)
    (stored,) = _tell(
        member, community, actor, farm_visit, django_capture_on_commit_callbacks
    )
    assert stored.kind == "farm_visit"
    sentence = "Visite de ferme proposée par Alice Autrice : FERME LES JARDINS DU HAUT"

    client = Client()
    client.force_login(member)
    item = _item(client.get(LIST).content.decode(), stored)
    assert sentence in item
    assert str(icon("truck")) in item

    (message,) = mailoutbox
    assert message.subject == f"[Maillage] {sentence}"
    assert sentence in message.body
    assert sentence in message.alternatives[0][0]


def test_a_kind_is_accepted_by_its_key(
    farm_visit, community, actor, member, django_capture_on_commit_callbacks
):
    """notify() takes a registered kind or its key."""
    (stored,) = _tell(
        member, community, actor, "farm_visit", django_capture_on_commit_callbacks
    )
    assert stored.kind_info is farm_visit


def test_notify_refuses_a_kind_nobody_declared(community, actor, member):
    """A kind that is not registered is a programming error, not a new row."""
    with pytest.raises(ValueError, match="farm_visit"):
        services.notify(
            recipients=[member],
            community=community,
            kind="farm_visit",
            actor=actor,
            subject="Ferme",
            url="/",
        )
    assert not Notification.objects.exists()


def test_a_kind_no_app_declares_any_longer_still_shows(member, client):
    """A row whose app was removed shows a neutral sentence with the bell icon,
    in the reader's language, and the page does not fail."""
    orphan = NotificationFactory(
        recipient=member, kind="removed_app", subject="Vieux fil"
    )
    client.force_login(member)
    response = client.get(LIST)
    assert response.status_code == 200
    item = _item(response.content.decode(), orphan)
    assert "Du nouveau concernant «\xa0Vieux fil\xa0»" in item
    assert str(icon("bell")) in item


def test_a_kind_no_app_declares_any_longer_is_not_emailed(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    """Digests leave out what no app declares any longer."""
    consent_to_email(member)
    NotificationFactory(recipient=member, kind="removed_app")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(frequency="daily") == 0
    assert mailoutbox == []


def test_a_kind_never_emailed_stays_in_the_site(
    declared, community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """A kind declared ``Email.NEVER`` is listed but neither e-mailed at once
    nor put in a digest."""
    quiet = declared(key="quiet", describe="%(actor)s: %(subject)s", email=Email.NEVER)
    consent_to_email(member)
    (stored,) = _tell(
        member, community, actor, quiet, django_capture_on_commit_callbacks
    )
    assert stored.emailed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(frequency="daily") == 0
    assert mailoutbox == []


def test_a_digest_only_kind_waits_for_the_daily_digest(
    declared, community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """A kind declared ``Email.DIGEST`` is not e-mailed at once to someone who
    chose "immediately", but goes in their daily digest."""
    gathered = declared(
        key="gathered", describe="%(actor)s: %(subject)s", email=Email.DIGEST
    )
    consent_to_email(member)
    (stored,) = _tell(
        member,
        community,
        actor,
        gathered,
        django_capture_on_commit_callbacks,
        subject="Récolte du jour",
    )
    assert stored.emailed_at is None
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(frequency="weekly") == 0
        assert services.send_digests(frequency="daily") == 1
    assert "Récolte du jour" in mailoutbox[0].body


def test_a_followed_kind_follows_the_followed_choice(
    declared, community, actor, member, mailoutbox, django_capture_on_commit_callbacks
):
    """A kind of the "activity I follow" category is never e-mailed at once,
    and goes in the weekly digest of someone who chose it for that category."""
    followed = declared(
        key="followed_thing",
        describe="%(actor)s: %(subject)s",
        category=Category.FOLLOWED,
    )
    consent_to_email(member)
    services.set_preferences(user=member, about_me="immediate", followed="weekly")
    _tell(member, community, actor, followed, django_capture_on_commit_callbacks)
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_digests(frequency="daily") == 0
        assert services.send_digests(frequency="weekly") == 1


def test_a_key_is_declared_once(farm_visit):
    """Two apps cannot claim the same key; registering the same kind again is
    harmless (``ready()`` may run twice)."""
    assert kinds.register(farm_visit) is farm_visit
    with pytest.raises(ValueError, match="already registered"):
        kinds.register(Kind(key="farm_visit", label="Autre", describe="%(subject)s"))
    assert kinds.get("farm_visit") is farm_visit


@pytest.mark.parametrize("key", ["", "x" * 41])
def test_a_key_fits_the_column(key):
    """A key is stored in a 40-character column."""
    with pytest.raises(ValueError):
        kinds.register(Kind(key=key, label="x", describe="%(subject)s"))


def test_the_apps_declare_the_kinds_they_send():
    """The exchanges declare their seven kinds and the proposals theirs, with an
    icon each and the category each was in before kinds were declared."""
    declared = {kind.key: kind.category for kind in kinds.registered()}
    assert declared == {
        "mention": Category.ABOUT_ME,
        "reply": Category.ABOUT_ME,
        "solution": Category.ABOUT_ME,
        "new_reply": Category.FOLLOWED,
        "new_thread": Category.FOLLOWED,
        "help_request": Category.ABOUT_ME,
        "flag": Category.ABOUT_ME,
        "proposal": Category.ABOUT_ME,
    }
    for kind in kinds.registered():
        assert 'class="icon"' in str(icon(kind.icon)), kind.key


def _msgid(lazy) -> str:
    with translation.override("en"):
        return str(lazy)


def test_each_declared_kind_has_a_french_label_and_sentence():
    """Every registered kind's label and sentence are in the French catalogue
    (a function's sentence is compared in both languages)."""
    french = gettext.GNUTranslations(
        (ROOT / "locale/fr/LC_MESSAGES/django.mo").open("rb")
    )
    actor = UserFactory.build(display_name="Alice Autrice")
    for kind in kinds.registered():
        assert french._catalog.get(_msgid(kind.label)), kind.key
        if callable(kind.describe):
            sample = Notification(kind=kind.key, actor=actor, subject="Menus")
            with translation.override("fr"):
                in_french = kind.sentence(sample)
            with translation.override("en"):
                assert kind.sentence(sample) != in_french, kind.key
        else:
            assert french._catalog.get(_msgid(kind.describe)), kind.key


def test_preferences_list_the_kinds_of_each_category(member, client, declared):
    """The e-mail choices page names, under each category, the kinds it covers,
    by their labels in the reader's language; a kind never e-mailed is left out."""
    declared(key="quiet_kind", describe="%(subject)s", email=Email.NEVER)
    client.force_login(member)
    html = client.get(reverse("notifications:preferences")).content.decode()
    about_me = html.index("Me concernant")
    followed = html.index("Activité que je suis")
    assert about_me < html.index("Demande d'aide") < followed
    assert about_me < html.index("Nouvelle proposition de communauté") < followed
    assert followed < html.index("Nouvel échange dans une communauté que vous suivez")
    assert "quiet_kind" not in html


def test_admin_shows_and_filters_by_kind_label(client, member):
    """The administration names each row's kind by its label and filters by it."""
    admin = UserFactory(is_staff=True, is_superuser=True)
    NotificationFactory(recipient=member, kind="mention", subject="Mentionnée")
    NotificationFactory(recipient=member, kind="flag", subject="Signalée")
    client.force_login(admin)
    url = reverse("admin:notifications_notification_changelist")
    html = client.get(url).content.decode()
    assert "Contenu signalé" in html
    filtered = client.get(url, {"kind": "mention"}).content.decode()
    assert "Mentionnée" in filtered
    assert "Signalée" not in filtered
