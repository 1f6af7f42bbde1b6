"""What the URL walker needs to know about each URL pattern.

For every named pattern, ``ROUTES`` says how to fill its path parameters for a
community kind, what a valid POST sends (so that a refusal is a real refusal,
not a form error), and who may write with it: ``writers(role, kind)``. The rule
is exact: the walker fails when a role it names writes nothing, as well as when
another role writes. Views that take no POST keep the default ``nobody``.

A pattern the walker meets that is neither in ``ROUTES`` nor allow-listed fails
``test_every_url_pattern_is_known_to_the_walker`` with its name: add its entry
here, with its real rules, in the same change as the pattern.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from maillage.organisations.models import Sector
from maillage.territories.models import Region

from .world import World, pending_invitation

ANYONE_SIGNED_IN = ("outsider", "member", "sponsor", "facilitator", "staff")
# The walked community's own members (its sponsor is one), and staff.
INSIDERS = ("member", "sponsor", "facilitator", "staff")
# Communities whose content anyone may read, signed in or not.
OPEN_CONTENT = ("public", "archived")


def nobody(role: str, kind: str) -> bool:
    return False


def managers_of_live(role: str, kind: str) -> bool:
    """Facilitators and staff, while the community is not archived."""
    return role in ("facilitator", "staff") and kind != "archived"


def signed_in(role: str, kind: str) -> bool:
    return role in ANYONE_SIGNED_IN


def staff_only(role: str, kind: str) -> bool:
    return role == "staff"


def anyone(role: str, kind: str) -> bool:
    return True


def contributors_of_live(role: str, kind: str) -> bool:
    """Active members (sponsors too), facilitators and staff, while the community
    is not archived (``can_post``: post, reply, follow, flag)."""
    return role in INSIDERS and kind != "archived"


def signed_in_readers(role: str, kind: str) -> bool:
    """Whoever signed in may read the community's content, archived or not."""
    return role in INSIDERS or (role == "outsider" and kind in OPEN_CONTENT)


def no_params(world: World, kind: str) -> dict:
    return {}


def community_slug(world: World, kind: str) -> dict:
    return {"slug": world.communities[kind].slug}


def _extra(world: World, app: str, kind: str, name: str):
    return world.extra[app, kind][name]


def _in_community(app: str, name: str) -> Callable[[World, str], dict]:
    """The community's ``slug`` and the ``pk`` of one of ``app``'s seeded objects."""

    def params(world: World, kind: str) -> dict:
        return {
            "slug": world.communities[kind].slug,
            "pk": _extra(world, app, kind, name).pk,
        }

    return params


def _pk_of(app: str, name: str) -> Callable[[World, str], dict]:
    def params(world: World, kind: str) -> dict:
        return {"pk": _extra(world, app, kind, name).pk}

    return params


@dataclass(frozen=True)
class Route:
    params: Callable[[World, str], dict] = no_params
    # The form data of a valid POST; None when the view accepts no POST.
    post: Callable[[World, str], dict] | None = None
    writers: Callable[[str, str], bool] = nobody
    # Markers (by what they were put into) of the walked community that the URL
    # itself shows to whoever opens it, whatever their role: a token is a key.
    grants: tuple = ()
    # A query string added to the URL, e.g. "q=mathis".
    query: str = ""


def _region(world, kind):
    return Region.objects.order_by("pk").first().pk


def _community_form(world, kind):
    return {
        "name": "Nom changé",
        "slug": f"nouvelle-{kind}",
        "domain": "Domaine changé",
        "description": "Texte changé",
        "regions": [_region(world, kind)],
        "visibility": "public",
        "join_policy": "open",
    }


def _profile_form(world, kind):
    return {
        "display_name": "Nom changé",
        "job_title": "Poste changé",
        "bio": "Bio changée",
        "expertise_names": "achats locaux",
    }


def _organisation_form(world, kind):
    return {
        "name": f"Organisation nouvelle {kind}",
        "sector": Sector.objects.order_by("pk").first().pk,
        "region": _region(world, kind),
    }


# The method -------------------------------------------------------------------


def _proposal_form(world, kind):
    return {
        "role": "Cuisinière",
        "organisation": "École des Berges",
        "name": "Cantines du Bas-Saint-Laurent",
        "domain": "Repas scolaires",
        "regions": [_region(world, kind)],
        "needs": "Trouver des producteurs près de chez nous.",
    }


def _accept_form(world, kind):
    return {
        "accept-name": "Laurentides à table",
        "accept-slug": f"acceptee-{kind}",
        "accept-domain": "Menus de CPE",
        "accept-description": "",
        "accept-regions": [_region(world, kind)],
        "accept-visibility": "private",
        "accept-join_policy": "invitation",
        "accept-message": "Bienvenue",
    }


def _step_form(world, kind):
    prefix = f"step-{_extra(world, 'method', kind, 'step').pk}"
    return {
        f"{prefix}-status": "done",
        f"{prefix}-notes": "Rencontre tenue.",
        f"{prefix}-skip_reason": "",
    }


def _charter_form(world, kind):
    return {
        "mandate": "Mandat revu ensemble",
        "domain": "Achats locaux",
        "who_may_join": "",
        "rhythm": "",
        "meeting_formats": "",
        "rules_of_engagement": "",
        "lifespan": "",
        "review_date": "",
        "adopted_on": "",
        "note": "Relecture",
    }


def _objective_form(world, kind):
    return {
        "title": "Objectif revu",
        "description": "",
        "indicator": "",
        "baseline": "",
        "target": "",
        "unit": "",
        "due_date": "",
        "status": "in_progress",
    }


def _progress_form(world, kind):
    return {
        "value": "30",
        "measured_on": timezone.localdate().isoformat(),
        "comment": "Nouveau relevé",
    }


def _staff_and_archived(role: str, kind: str) -> bool:
    """Only staff reopen, and only an archived community."""
    return role == "staff" and kind == "archived"


# The exchanges ----------------------------------------------------------------

_challenge = _pk_of("conversations", "challenge")
_reply = _pk_of("conversations", "reply")


def _thread_author_or_moderators(role: str, kind: str) -> bool:
    """The challenge's author is the facilitator, a moderator too, with staff."""
    return managers_of_live(role, kind)


def _not_the_challenge_author(role: str, kind: str) -> bool:
    """Reacting to the facilitator's challenge: not its author (the facilitator)."""
    return role in ("member", "sponsor", "staff") and kind != "archived"


def _not_the_reply_author(role: str, kind: str) -> bool:
    """Reacting to the member's reply: not its author (the member)."""
    return role in ("facilitator", "sponsor", "staff") and kind != "archived"


def _reply_author_or_moderators(role: str, kind: str) -> bool:
    """Deleting the member's reply: its author (the member), the facilitator and
    staff; not the sponsor, who moderates nothing."""
    return role in ("member", "facilitator", "staff") and kind != "archived"


def _reply_author_of_live(role: str, kind: str) -> bool:
    """Only the reply's author (the member) edits its words; moderators hide or
    delete it instead."""
    return role == "member" and kind != "archived"


# Notifications ----------------------------------------------------------------

_notification = _pk_of("notifications", "notification")


def _recipient(role: str, kind: str) -> bool:
    """The member's notification: only the member, archived community or not."""
    return role == "member"


def _with_unread_notifications(role: str, kind: str) -> bool:
    """The member (seeded notification), the facilitator (told of the reply and
    the flag) and staff (told of the outsider's community proposals); nobody else
    has unread notifications to mark."""
    return role in ("member", "facilitator", "staff")


ROUTES = {
    "core:health": Route(),
    "communities:home": Route(),
    "communities:community_create": Route(
        post=_community_form,
        writers=lambda role, kind: role == "staff",
    ),
    "communities:community_detail": Route(community_slug),
    "communities:community_update": Route(
        community_slug, post=_community_form, writers=managers_of_live
    ),
    "communities:member_list": Route(community_slug),
    "communities:community_join": Route(
        community_slug,
        post=lambda w, k: {},
        writers=lambda role, kind: role in ("outsider", "staff") and kind == "public",
    ),
    "communities:membership_request": Route(
        community_slug,
        post=lambda w, k: {"message": "Je voudrais me joindre à vous."},
        writers=lambda role, kind: (
            role in ("outsider", "staff") and kind == "restricted"
        ),
    ),
    "communities:community_leave": Route(
        community_slug,
        post=lambda w, k: {},
        # The facilitator is the only one: a community always keeps one.
        writers=lambda role, kind: role in ("member", "sponsor") and kind != "archived",
    ),
    "communities:request_list": Route(community_slug),
    "communities:request_decide": Route(
        lambda w, k: {"slug": w.communities[k].slug, "pk": w.requests[k].pk},
        post=lambda w, k: {"decision": "approve"},
        writers=managers_of_live,
    ),
    "communities:invitation_list": Route(
        community_slug,
        post=lambda w, k: {
            "email": "nouvelle@exemple.qc.ca",
            "role": "member",
            "message": "Bienvenue",
        },
        writers=managers_of_live,
    ),
    "communities:invitation_revoke": Route(
        lambda w, k: {
            "slug": w.communities[k].slug,
            "pk": pending_invitation(w, k).pk,
        },
        post=lambda w, k: {},
        writers=managers_of_live,
    ),
    "communities:membership_role": Route(
        lambda w, k: {
            "slug": w.communities[k].slug,
            "pk": w.people[k, "member"].memberships.get().pk,
        },
        post=lambda w, k: {"role": "facilitator"},
        writers=managers_of_live,
    ),
    "communities:membership_remove": Route(
        lambda w, k: {
            "slug": w.communities[k].slug,
            "pk": w.people[k, "member"].memberships.get().pk,
        },
        post=lambda w, k: {},
        writers=managers_of_live,
    ),
    "communities:invitation_respond": Route(
        community_slug,
        # None of the walking roles holds a pending invitation.
        post=lambda w, k: {"action": "accept"},
    ),
    "communities:invitation_detail": Route(
        lambda w, k: {"token": w.invitations[k][1]},
        post=lambda w, k: {"action": "accept"},
        # The link is the key: whoever holds it may use it (a forwarded e-mail).
        writers=lambda role, kind: role in ANYONE_SIGNED_IN and kind != "archived",
        grants=("name", "domain", "desc", "facil", "invitee", "invmsg"),
    ),
    "communities:profile_detail": Route(lambda w, k: {"pk": w.people[k, "member"].pk}),
    "accounts:account_settings": Route(),
    "accounts:profile_update": Route(post=_profile_form, writers=signed_in),
    # The newcomer's welcome: the same profile form.
    "accounts:welcome": Route(post=_profile_form, writers=signed_in),
    "accounts:privacy_settings": Route(
        post=lambda w, k: {"directory": "on", "email_notifications": "on"},
        writers=signed_in,
    ),
    # The export answers a POST with a file and writes nothing.
    "accounts:data_export": Route(post=lambda w, k: {}),
    "accounts:account_delete": Route(
        post=lambda w, k: {"password": "motdepasse-123", "confirm": "on"},
        # The last facilitator of a live community must hand over first; an
        # archived community needs no facilitator any more.
        writers=lambda role, kind: (
            role in ("outsider", "member", "sponsor", "staff")
            or (role == "facilitator" and kind == "archived")
        ),
    ),
    "accounts:directory": Route(),
    "accounts:privacy_policy": Route(),
    "accounts:set_language": Route(
        post=lambda w, k: {"language": "en", "next": "/"}, writers=signed_in
    ),
    "organisations:organisation_create": Route(
        post=_organisation_form, writers=signed_in
    ),
    # The method: guide and proposals (no community; staff review them).
    "method:guide": Route(post=_proposal_form, writers=signed_in),
    "method:proposal_list": Route(),
    "method:proposal_detail": Route(_pk_of("method", "proposal")),
    "method:proposal_accept": Route(
        _pk_of("method", "proposal"), post=_accept_form, writers=staff_only
    ),
    "method:proposal_decline": Route(
        _pk_of("method", "proposal"),
        post=lambda w, k: {"decline-message": "Pas sur ce territoire."},
        writers=staff_only,
    ),
    # The method: facilitators and staff steer a live community.
    "method:setup_path": Route(community_slug),
    "method:setup_step_update": Route(
        _in_community("method", "step"), post=_step_form, writers=managers_of_live
    ),
    "method:charter_detail": Route(community_slug),
    "method:charter_update": Route(
        community_slug, post=_charter_form, writers=managers_of_live
    ),
    "method:charter_history": Route(community_slug),
    "method:objective_list": Route(community_slug),
    "method:objective_create": Route(
        community_slug,
        post=lambda w, k: {**_objective_form(w, k), "title": "Nouvel objectif"},
        writers=managers_of_live,
    ),
    "method:objective_detail": Route(_in_community("method", "objective")),
    "method:objective_update": Route(
        _in_community("method", "objective"),
        post=_objective_form,
        writers=managers_of_live,
    ),
    "method:objective_progress": Route(
        _in_community("method", "objective"),
        post=_progress_form,
        writers=managers_of_live,
    ),
    "method:stage_timeline": Route(
        community_slug,
        post=lambda w, k: {"stage": "maturing", "reason": "Nous avançons."},
        writers=managers_of_live,
    ),
    # Facilitators, staff and (read-only: it takes no POST) the sponsor.
    "method:dashboard": Route(community_slug),
    "method:closing": Route(community_slug),
    "method:community_dissolve": Route(
        community_slug,
        post=lambda w, k: {"achieved": "Des menus locaux.", "learned": "Beaucoup."},
        writers=managers_of_live,
    ),
    "method:community_reorient": Route(
        community_slug,
        post=lambda w, k: {
            "domain": "Gaspillage alimentaire",
            "reason": "Le contexte change.",
            "stage": "maturing",
        },
        writers=managers_of_live,
    ),
    "method:community_reopen": Route(
        community_slug,
        post=lambda w, k: {"reason": "Les membres reprennent."},
        writers=_staff_and_archived,
    ),
    # A GET only (a POST is refused): the ZIP writes nothing.
    "communities:community_export": Route(community_slug),
    # The exchanges of a community.
    "conversations:activity": Route(community_slug),
    "conversations:thread_list": Route(community_slug),
    "conversations:thread_create": Route(
        lambda w, k: {"slug": w.communities[k].slug, "kind_slug": "astuce"},
        post=lambda w, k: {"title": "Une astuce", "body": "Le truc."},
        writers=contributors_of_live,
    ),
    "conversations:community_follow": Route(
        community_slug,
        post=lambda w, k: {"action": "follow"},
        writers=contributors_of_live,
    ),
    "conversations:mention_suggestions": Route(community_slug, query="q=mathis"),
    "conversations:mention_check": Route(community_slug, query="m=%40mathis"),
    "conversations:moderation_queue": Route(community_slug),
    "conversations:moderation_log": Route(community_slug),
    # The facilitator's challenge.
    "conversations:thread_detail": Route(_challenge),
    "conversations:thread_update": Route(
        _challenge,
        post=lambda w, k: {"title": "Titre revu", "problem": "Mieux dit"},
        writers=_thread_author_or_moderators,
    ),
    # The reader's bookmark: whoever reads the thread, archived or not.
    "conversations:thread_visit": Route(
        _challenge, post=lambda w, k: {}, writers=signed_in_readers
    ),
    "conversations:reply_create": Route(
        _challenge,
        post=lambda w, k: {"body": "Nouvelle réponse"},
        writers=contributors_of_live,
    ),
    "conversations:thread_react": Route(
        _challenge,
        post=lambda w, k: {"kind": "useful"},
        writers=_not_the_challenge_author,
    ),
    "conversations:thread_follow": Route(
        _challenge,
        post=lambda w, k: {"action": "follow"},
        writers=contributors_of_live,
    ),
    "conversations:thread_flag": Route(
        _challenge,
        post=lambda w, k: {"reason": "spam"},
        writers=contributors_of_live,
    ),
    "conversations:thread_moderate": Route(
        _challenge,
        post=lambda w, k: {"action": "pin", "reason": "Important"},
        writers=managers_of_live,
    ),
    "conversations:thread_helpers": Route(
        _challenge,
        # The member declares the challenge's tag as expertise.
        post=lambda w, k: {"people": [w.people[k, "member"].pk]},
        writers=_thread_author_or_moderators,
    ),
    # The member's reply to it.
    "conversations:reply_permalink": Route(_reply),
    "conversations:reply_update": Route(
        _reply,
        post=lambda w, k: {"body": "Texte corrigé"},
        writers=_reply_author_of_live,
    ),
    # Its author or a moderator.
    "conversations:reply_delete": Route(
        _reply,
        post=lambda w, k: {"reason": "Doublon"},
        writers=_reply_author_or_moderators,
    ),
    "conversations:reply_history": Route(_reply),
    "conversations:reply_react": Route(
        _reply,
        post=lambda w, k: {"kind": "useful"},
        writers=_not_the_reply_author,
    ),
    "conversations:reply_solution": Route(
        _reply,
        post=lambda w, k: {"action": "mark"},
        writers=_thread_author_or_moderators,
    ),
    "conversations:reply_flag": Route(
        _reply,
        post=lambda w, k: {"reason": "spam"},
        writers=contributors_of_live,
    ),
    "conversations:reply_moderate": Route(
        _reply, post=lambda w, k: {"action": "hide"}, writers=managers_of_live
    ),
    # The member's flag of the facilitator's tip.
    "conversations:flag_dismiss": Route(
        _pk_of("conversations", "flag"),
        post=lambda w, k: {"reason": "Rien à redire"},
        writers=managers_of_live,
    ),
    # Notifications: the member's own.
    "notifications:notification_list": Route(),
    "notifications:notification_mark_all_read": Route(
        post=lambda w, k: {}, writers=_with_unread_notifications
    ),
    "notifications:notification_mark_read": Route(
        _notification, post=lambda w, k: {}, writers=_recipient
    ),
    "notifications:notification_open": Route(
        _notification, post=lambda w, k: {}, writers=_recipient
    ),
    "notifications:preferences": Route(
        post=lambda w, k: {"about_me": "daily", "followed": "weekly"},
        writers=signed_in,
    ),
    # The member's signed link is the key, with no sign-in (RFC 8058 one-click):
    # whoever holds it stops the member's e-mails.
    "notifications:unsubscribe": Route(
        lambda w, k: {"token": _extra(w, "notifications", k, "token")},
        post=lambda w, k: {},
        writers=anyone,
    ),
}


def allow_listed(endpoint) -> bool:
    """Admin and allauth are covered by their own tests (test_admin, test_csrf,
    test_rate_limits, and the browser journeys)."""
    return endpoint.route.startswith("admin/") or endpoint.module.startswith("allauth.")
