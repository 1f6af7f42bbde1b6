"""The parts of a community that ``communities`` itself provides (see
``sections.py``); registered from ``CommunitiesConfig.ready()``."""

from django.db.models import F, OuterRef, Subquery
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions
from .models import Community, Objective
from .sections import Highlight, Section, register

# Navigation order. The exchanges come at 20; the gaps leave room for the parts
# still to come: library (30), meetings (40) and evaluation (90).
PRESENTATION = 10
MEMBERS = 50
CHARTER = 60
OBJECTIVES = 70
STAGES = 80
SETUP = 85
DASHBOARD = 100


def _anyone(user, community, membership) -> bool:
    """Whoever sees a community's page sees its presentation."""
    return True


def annotate_next_objective(queryset, viewer):
    """The open objective due first, for communities whose content ``viewer``
    may read (NULL elsewhere): ``next_objective_title``, ``_due`` and ``_pk``."""
    readable = Community.objects.content_visible_to(viewer).values("pk")
    upcoming = Objective.objects.filter(
        community=OuterRef("pk"),
        community__in=readable,
        status__in=Objective.OPEN,
    ).order_by(F("due_date").asc(nulls_last=True), "pk")
    return queryset.annotate(
        next_objective_title=Subquery(upcoming.values("title")[:1]),
        next_objective_due=Subquery(upcoming.values("due_date")[:1]),
    )


def next_objective(community) -> list[Highlight]:
    title = getattr(community, "next_objective_title", None)
    if not title or community.is_archived:
        return []
    due = community.next_objective_due
    if due is None:
        text = _("Next objective: %(title)s") % {"title": title}
    else:
        text = _("Next objective: %(title)s, by %(date)s") % {
            "title": title,
            "date": date_format(due, "j F Y"),
        }
    return [Highlight(icon="flag", text=text)]


def register_sections() -> None:
    register(
        Section(
            key="presentation",
            label=gettext_lazy("Presentation"),
            url_name="communities:community_detail",
            order=PRESENTATION,
            is_visible=_anyone,
            icon="home",
        )
    )
    register(
        Section(
            key="members",
            label=gettext_lazy("Members"),
            url_name="communities:member_list",
            order=MEMBERS,
            is_visible=permissions.can_view_members,
            icon="users",
        )
    )
    register(
        Section(
            key="charter",
            label=gettext_lazy("Charter"),
            url_name="communities:charter_detail",
            order=CHARTER,
            is_visible=permissions.can_view_content,
            icon="document-text",
        )
    )
    register(
        Section(
            key="objectives",
            label=gettext_lazy("Objectives"),
            url_name="communities:objective_list",
            order=OBJECTIVES,
            is_visible=permissions.can_view_content,
            icon="flag",
            annotate_listing=annotate_next_objective,
            highlights=next_objective,
        )
    )
    register(
        Section(
            key="stages",
            label=gettext_lazy("Lifecycle"),
            url_name="communities:stage_timeline",
            order=STAGES,
            is_visible=permissions.can_view_content,
            icon="arrow-path",
        )
    )
    register(
        Section(
            key="setup",
            label=gettext_lazy("Setup path"),
            url_name="communities:setup_path",
            order=SETUP,
            is_visible=permissions.can_view_setup_path,
            icon="map",
        )
    )
    register(
        Section(
            key="dashboard",
            label=gettext_lazy("Dashboard"),
            url_name="communities:dashboard",
            order=DASHBOARD,
            is_visible=permissions.can_view_dashboard,
            icon="chart-bar",
        )
    )
