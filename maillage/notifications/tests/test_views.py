"""Pages: the list, reading, the header count, e-mail choices and unsubscribing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.communities.models import Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.notifications import emails
from maillage.notifications.models import Notification, NotificationPreference

from .factories import NotificationFactory, consent_to_email

LIST = reverse("notifications:notification_list")
HTMX = {"HX-Request": "true"}


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


# The list.


def test_list_redirects_anonymous_visitors_to_login(client):
    """The list is personal: anonymous visitors are sent to log in."""
    response = client.get(LIST)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_list_shows_own_notifications_newest_first(member_client, member, outsider):
    """A person sees their notifications, newest first, and nobody else's."""
    older = NotificationFactory(recipient=member, subject="Plus ancienne")
    newer = NotificationFactory(recipient=member, subject="Plus récente")
    NotificationFactory(recipient=outsider, subject="Pas pour moi")
    html = member_client.get(LIST).content.decode()
    assert html.index(newer.subject) < html.index(older.subject)
    assert "Pas pour moi" not in html


def test_list_marks_unread_notifications(member_client, member):
    """Unread notifications are marked; read ones are not."""
    NotificationFactory(recipient=member, subject="Lue", read_at=timezone.now())
    unread = NotificationFactory(recipient=member, subject="Non lue")
    html = member_client.get(LIST).content.decode()
    assert (
        f'id="notification-{unread.pk}" class="notification notification-unread"'
        in (html)
    )
    assert html.count("notification-unread") == 1


def test_list_hides_notifications_from_a_community_one_left(client, private_community):
    """After leaving a private community, its notifications disappear from the list."""
    membership = MembershipFactory(community=private_community)
    NotificationFactory(
        recipient=membership.user, community=private_community, subject="Secret"
    )
    client.force_login(membership.user)
    assert "Secret" in client.get(LIST).content.decode()
    Membership.objects.filter(pk=membership.pk).update(state=Membership.State.LEFT)
    assert "Secret" not in client.get(LIST).content.decode()


def test_list_is_paginated(member_client, member):
    """Twenty notifications per page, with a link to the next."""
    NotificationFactory.create_batch(25, recipient=member)
    html = member_client.get(LIST).content.decode()
    assert html.count('<li id="notification-') == 20
    assert "?page=2" in html
    second = member_client.get(LIST, {"page": 2}).content.decode()
    assert second.count('<li id="notification-') == 5


def test_list_htmx_returns_only_the_results(member_client, member):
    """An htmx request gets the results fragment, not the whole page."""
    NotificationFactory(recipient=member)
    html = member_client.get(LIST, headers=HTMX).content.decode()
    assert html.lstrip().startswith('<div id="notification-results">')
    assert "<html" not in html


def test_list_get_does_not_mark_anything_read(member_client, member):
    """Looking at the list changes nothing."""
    notification = NotificationFactory(recipient=member)
    member_client.get(LIST)
    notification.refresh_from_db()
    assert notification.read_at is None


def test_empty_list_says_what_will_appear(member_client):
    """With nothing yet, the page explains what will show up and leads back to
    the person's communities."""
    html = member_client.get(LIST).content.decode()
    assert 'class="empty-state"' in html
    assert "Aucune notification pour l'instant" in html
    assert 'href="/"' in html


# The header count.


def test_header_shows_the_unread_count_with_an_accessible_label(member_client, member):
    """The header link says how many notifications are unread, in words too."""
    NotificationFactory.create_batch(3, recipient=member)
    NotificationFactory(recipient=member, read_at=timezone.now())
    html = member_client.get(reverse("communities:home")).content.decode()
    assert 'id="nav-notifications"' in html
    assert '<span class="badge badge-count" aria-hidden="true">3</span>' in html
    assert '<span class="visually-hidden">, 3 ' in html


def test_header_counts_unread_up_to_99_then_says_more(
    member_client, member, monkeypatch
):
    """Beyond the bound the badge reads "99+" (here 3+) and screen readers hear
    "plus de"; the count stops there, whatever is left unread."""
    from maillage.notifications import selectors

    monkeypatch.setattr(selectors, "UNREAD_SHOWN", 3)
    NotificationFactory.create_batch(5, recipient=member)

    html = member_client.get(reverse("communities:home")).content.decode()

    assert '<span class="badge badge-count" aria-hidden="true">3+</span>' in html
    assert '<span class="visually-hidden">, plus de 3 non lues</span>' in html


def test_header_has_no_badge_without_unread(member_client):
    """With nothing unread the link shows no count."""
    html = member_client.get(reverse("communities:home")).content.decode()
    assert 'id="nav-notifications"' in html
    assert "badge-count" not in html


def test_header_has_no_notifications_link_for_anonymous(client, db):
    """Anonymous visitors see no notifications link."""
    html = client.get(reverse("communities:home")).content.decode()
    assert 'id="nav-notifications"' not in html


def test_header_count_leaves_out_hidden_communities(client, private_community):
    """The count only counts what the list would show."""
    person = MembershipFactory(
        community=private_community, state=Membership.State.REMOVED
    ).user
    NotificationFactory(recipient=person, community=private_community)
    client.force_login(person)
    html = client.get(reverse("communities:home")).content.decode()
    assert "badge-count" not in html


# Marking read.


def _mark_url(notification):
    return reverse("notifications:notification_mark_read", args=[notification.pk])


def test_mark_read_without_javascript_redirects_to_the_same_page(member_client, member):
    """A plain POST marks read and goes back to the page it came from."""
    notification = NotificationFactory(recipient=member)
    response = member_client.post(_mark_url(notification), {"page": "2"})
    assert response.status_code == 302
    assert response.url == f"{LIST}?page=2"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_read_with_htmx_returns_the_item_and_the_new_count(member_client, member):
    """An htmx POST swaps the item in place and refreshes the header count."""
    notification, _other = NotificationFactory.create_batch(2, recipient=member)
    response = member_client.post(_mark_url(notification), headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li id="notification-{notification.pk}"')
    assert "notification-unread" not in html
    assert 'hx-swap-oob="true"' in html
    assert '<span class="badge badge-count" aria-hidden="true">1</span>' in html


def test_mark_read_is_post_only(member_client, member):
    """GET cannot mark anything read."""
    notification = NotificationFactory(recipient=member)
    assert member_client.get(_mark_url(notification)).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_read_of_someone_elses_notification_is_404(member_client, outsider):
    """Another person's notification cannot be touched, nor its existence known."""
    theirs = NotificationFactory(recipient=outsider)
    assert member_client.post(_mark_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_read_redirects_anonymous_visitors(client, member):
    """Anonymous visitors are sent to log in."""
    notification = NotificationFactory(recipient=member)
    response = client.post(_mark_url(notification))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_mark_all_read_without_javascript(member_client, member):
    """A plain POST marks everything read and says so."""
    NotificationFactory.create_batch(3, recipient=member)
    url = reverse("notifications:notification_mark_all_read")
    response = member_client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == LIST
    assert not Notification.objects.unread().exists()
    assert "badge-count" not in response.content.decode()


def test_mark_all_read_with_htmx_returns_the_list_and_the_count(member_client, member):
    """An htmx POST re-renders the list and clears the header badge."""
    NotificationFactory.create_batch(3, recipient=member)
    url = reverse("notifications:notification_mark_all_read")
    html = member_client.post(url, headers=HTMX).content.decode()
    assert html.lstrip().startswith('<div id="notification-results">')
    assert "notification-unread" not in html
    assert 'id="nav-notifications"' in html
    assert "badge-count" not in html


def test_open_marks_read_and_goes_to_the_link(member_client, member):
    """Opening a notification marks it read, then leads to what it is about."""
    notification = NotificationFactory(recipient=member, url="/c/monteregie/#r-3")
    url = reverse("notifications:notification_open", args=[notification.pk])
    response = member_client.post(url)
    assert response.status_code == 302
    assert response.url == "/c/monteregie/#r-3"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_never_leads_off_site(member_client, member):
    """A stored link to another site is not followed."""
    notification = NotificationFactory(recipient=member, url="https://evil.example/")
    url = reverse("notifications:notification_open", args=[notification.pk])
    assert member_client.post(url).url == LIST


def test_open_is_post_only(member_client, member):
    """GET on the open endpoint writes nothing."""
    notification = NotificationFactory(recipient=member)
    url = reverse("notifications:notification_open", args=[notification.pk])
    assert member_client.get(url).status_code == 405


# E-mail choices.

PREFS = reverse("notifications:preferences")


def test_preferences_redirect_anonymous_visitors(client):
    """The settings page needs a signed-in person."""
    assert client.get(PREFS).status_code == 302


def test_preferences_show_defaults_and_the_missing_consent(member_client):
    """Defaults are preselected, and the page says e-mail consent is missing."""
    html = member_client.get(PREFS).content.decode()
    assert 'value="immediate" required id="id_about_me_0" checked' in html
    assert 'value="daily" required id="id_followed_0" checked' in html
    assert reverse("accounts:privacy_settings") in html


def test_preferences_do_not_warn_with_consent(member_client, member):
    """With the consent given, no warning shows."""
    consent_to_email(member)
    html = member_client.get(PREFS).content.decode()
    assert reverse("accounts:privacy_settings") not in html


def test_preferences_are_saved(member_client, member):
    """Posting the form stores the choices."""
    response = member_client.post(PREFS, {"about_me": "daily", "followed": "weekly"})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=member)
    assert (preference.about_me, preference.followed) == ("daily", "weekly")


def test_preferences_refuse_bad_input_next_to_the_field(member_client, member):
    """An impossible choice is refused with an error, keeping the other choice."""
    response = member_client.post(
        PREFS, {"about_me": "weekly", "followed": "immediate"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["followed"]
    assert 'value="weekly" required id="id_about_me_2" checked' in (
        response.content.decode()
    )
    assert not NotificationPreference.objects.exists()


def test_account_settings_link_to_preferences(member_client):
    """The account page has a card leading to the e-mail choices."""
    html = member_client.get(reverse("accounts:account_settings")).content.decode()
    assert PREFS in html


# Unsubscribing.


def _unsubscribe_url(user, categories=("about_me",)):
    return reverse(
        "notifications:unsubscribe",
        args=[emails.unsubscribe_token(user.pk, categories)],
    )


def test_unsubscribe_get_asks_to_confirm_and_changes_nothing(client, member):
    """Opening the link shows a button; nothing changes until it is pressed."""
    response = client.get(_unsubscribe_url(member))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="post"' in html
    assert not NotificationPreference.objects.exists()


def test_unsubscribe_post_works_without_login(client, member):
    """The confirmation button stops the e-mails of that category, signed out."""
    response = client.post(_unsubscribe_url(member, ["followed"]))
    assert response.status_code == 200
    preference = NotificationPreference.objects.get(user=member)
    assert (preference.about_me, preference.followed) == ("immediate", "never")


def test_one_click_unsubscribe_from_a_mail_client(member):
    """RFC 8058: the mail client's POST, without cookies or CSRF token, works."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        _unsubscribe_url(member),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=member).about_me == "never"


def test_tampered_unsubscribe_link_shows_a_clear_error(client, member):
    """A changed token is refused with a 400 page that explains what to do."""
    token = emails.unsubscribe_token(member.pk, ["about_me"])
    url = reverse("notifications:unsubscribe", args=[token[:-2] + "xx"])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert reverse("notifications:preferences") in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_unsubscribe_link_of_a_deleted_account_is_refused(client, member):
    """A token for an account since deleted opens nothing."""
    url = _unsubscribe_url(member)
    member.deleted_at = timezone.now()
    member.save()
    assert client.post(url).status_code == 400
