"""What the URL walker needs to know about each URL pattern.

For every named pattern, ``ROUTES`` says how to fill its path parameters for a
community kind, what a valid POST sends (so that a refusal is a real refusal,
not a form error), and who may write with it: ``writers(role, kind)``.

A pattern the walker meets that is in none of ``ROUTES``, ``TODO`` or the
allow-list fails the walk with its name: add its entry here.

``TODO`` lists patterns whose write rules are not written down yet. The walker
still GETs them when it can fill their parameters by itself (none, or only the
community ``slug`` of a ``c/<slug:slug>/...`` route) and checks what they show,
and it checks that anonymous visitors and outsiders of a private community can
write nothing through them. Move each one to ``ROUTES`` with its real rules.
"""

from collections.abc import Callable
from dataclasses import dataclass

from maillage.organisations.models import Sector
from maillage.territories.models import Region

from .world import World, pending_invitation

ANYONE_SIGNED_IN = ("outsider", "member", "facilitator", "staff")


def nobody(role: str, kind: str) -> bool:
    return False


def managers_of_live(role: str, kind: str) -> bool:
    """Facilitators and staff, while the community is not archived."""
    return role in ("facilitator", "staff") and kind != "archived"


def signed_in(role: str, kind: str) -> bool:
    return role in ANYONE_SIGNED_IN


def no_params(world: World, kind: str) -> dict:
    return {}


def community_slug(world: World, kind: str) -> dict:
    return {"slug": world.communities[kind].slug}


@dataclass(frozen=True)
class Route:
    params: Callable[[World, str], dict] = no_params
    # The form data of a valid POST; None when the view accepts no POST.
    post: Callable[[World, str], dict] | None = None
    writers: Callable[[str, str], bool] = nobody
    # Markers (by what they were put into) of the walked community that the URL
    # itself shows to whoever opens it, whatever their role: a token is a key.
    grants: tuple = ()


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
        writers=lambda role, kind: role == "member" and kind != "archived",
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
            role in ("outsider", "member", "staff")
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
}

# Patterns of apps still being built: their write rules are to be written down.
# The walker checks what it can without them (see the module docstring).
TODO = {
    # TODO(issue 3, the method): charter, objectives, setup path, closing.
    "communities:guide",
    "communities:proposal_list",
    "communities:proposal_detail",
    "communities:proposal_accept",
    "communities:proposal_decline",
    "communities:setup_path",
    "communities:setup_step_update",
    "communities:charter_detail",
    "communities:charter_update",
    "communities:charter_history",
    "communities:objective_list",
    "communities:objective_create",
    "communities:objective_detail",
    "communities:objective_update",
    "communities:objective_progress",
    "communities:stage_timeline",
    "communities:dashboard",
    "communities:closing",
    "communities:community_dissolve",
    "communities:community_reorient",
    "communities:community_reopen",
    "communities:community_export",
    # TODO(conversations): threads, replies, reactions, moderation.
    "conversations:activity",
    "conversations:thread_list",
    "conversations:thread_create",
    "conversations:community_follow",
    "conversations:mention_suggestions",
    "conversations:moderation_queue",
    "conversations:moderation_log",
    "conversations:thread_detail",
    "conversations:thread_update",
    "conversations:thread_visit",
    "conversations:reply_create",
    "conversations:thread_react",
    "conversations:thread_follow",
    "conversations:thread_flag",
    "conversations:thread_moderate",
    "conversations:thread_helpers",
    "conversations:reply_permalink",
    "conversations:reply_update",
    "conversations:reply_delete",
    "conversations:reply_history",
    "conversations:reply_react",
    "conversations:reply_solution",
    "conversations:reply_flag",
    "conversations:reply_moderate",
    "conversations:flag_dismiss",
    # TODO(notifications): the list, marking read, preferences, unsubscribing.
    "notifications:notification_list",
    "notifications:notification_mark_all_read",
    "notifications:notification_mark_read",
    "notifications:notification_open",
    "notifications:preferences",
    "notifications:unsubscribe",
}


def allow_listed(endpoint) -> bool:
    """Admin and allauth are covered by their own tests (test_admin, test_csrf,
    test_rate_limits, and the browser journeys)."""
    return endpoint.route.startswith("admin/") or endpoint.module.startswith("allauth.")


def auto_params(endpoint) -> Callable | None:
    """Fill a TODO pattern's parameters when that needs no guessing."""
    if not endpoint.params:
        return no_params
    if endpoint.params == ("slug",) and endpoint.route.startswith("c/<slug:slug>/"):
        return community_slug
    return None
