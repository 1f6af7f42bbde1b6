"""The method as parts of each community (see ``communities/sections.py``): the
Charter, Objectives, Lifecycle, Setup path and Dashboard tabs; the next
objective on the community's card of the home page; and, on its presentation
page, the date of its last reorientation, its closing summary once dissolved,
and the method's links of the "Facilitation" card. Registered from
``MethodConfig.ready()``.
"""

from django.db.models import F, OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage.communities import permissions as community_permissions
from maillage.communities.sections import (
    Highlight,
    Section,
    Tool,
    if_readable,
    register,
)

from . import permissions, selectors
from .models import Objective

# Navigation order, after the exchanges (20) and the members (50); evaluation
# will come at 90.
CHARTER = 60
OBJECTIVES = 70
STAGES = 80
SETUP = 85
DASHBOARD = 100

# Places in the "Facilitation" card; the communities app's requests come at 30,
# invitations at 40 and the export at 60.
DASHBOARD_TOOL = 10
SETUP_TOOL = 20
CLOSING_TOOL = 50
REOPEN_TOOL = 70


def annotate_next_objective(queryset, viewer):
    """The open objective due first, for communities whose content ``viewer``
    may read (NULL elsewhere, through ``if_readable``): ``next_objective_title``
    and ``next_objective_due``."""
    upcoming = Objective.objects.filter(
        community=OuterRef("pk"), status__in=Objective.OPEN
    ).order_by(F("due_date").asc(nulls_last=True), "pk")
    return queryset.annotate(
        next_objective_title=if_readable(Subquery(upcoming.values("title")[:1])),
        next_objective_due=if_readable(Subquery(upcoming.values("due_date")[:1])),
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


def closing_summary(user, community, membership):
    """What a dissolved community achieved and learned, for those who may read
    its content; nothing (and no query) for a live community."""
    if not community.is_archived or not community_permissions.can_view_content(
        user, community, membership
    ):
        return ""
    dissolution = selectors.current_dissolution(community)
    if dissolution is None:
        return ""
    return render_to_string(
        "method/includes/closing_summary.html", {"dissolution": dissolution}
    )


def _link(label, url_name, community, order) -> Tool:
    return Tool(label=label, url=reverse(url_name, args=[community.slug]), order=order)


def lifecycle_tools(user, community, membership) -> list[Tool]:
    """Dissolve or reorient a live community; reopen an archived one (staff)."""
    tools = []
    if community_permissions.can_steer(user, community, membership):
        label = gettext_lazy("Dissolve or reorient the community")
        tools.append(_link(label, "method:closing", community, CLOSING_TOOL))
    if permissions.can_reopen(user, community):
        label = gettext_lazy("Reopen the community")
        tools.append(_link(label, "method:community_reopen", community, REOPEN_TOOL))
    return tools


def setup_tools(user, community, membership) -> list[Tool]:
    if not community_permissions.can_manage(user, community, membership):
        return []
    label = gettext_lazy("Setup path")
    return [_link(label, "method:setup_path", community, SETUP_TOOL)]


def dashboard_tools(user, community, membership) -> list[Tool]:
    if not community_permissions.can_manage(user, community, membership):
        return []
    label = gettext_lazy("Facilitator dashboard")
    return [_link(label, "method:dashboard", community, DASHBOARD_TOOL)]


def register_sections() -> None:
    register(
        Section(
            key="charter",
            label=gettext_lazy("Charter"),
            url_name="method:charter_detail",
            order=CHARTER,
            is_visible=community_permissions.can_view_content,
            icon="document-text",
        )
    )
    register(
        Section(
            key="objectives",
            label=gettext_lazy("Objectives"),
            url_name="method:objective_list",
            order=OBJECTIVES,
            is_visible=community_permissions.can_view_content,
            icon="flag",
            annotate_listing=annotate_next_objective,
            highlights=next_objective,
        )
    )
    register(
        Section(
            key="stages",
            label=gettext_lazy("Lifecycle"),
            url_name="method:stage_timeline",
            order=STAGES,
            is_visible=community_permissions.can_view_content,
            icon="arrow-path",
            annotate_page=selectors.with_last_reorientation,
            summary=closing_summary,
            tools=lifecycle_tools,
        )
    )
    register(
        Section(
            key="setup",
            label=gettext_lazy("Setup path"),
            url_name="method:setup_path",
            order=SETUP,
            is_visible=permissions.can_view_setup_path,
            icon="map",
            tools=setup_tools,
        )
    )
    register(
        Section(
            key="dashboard",
            label=gettext_lazy("Dashboard"),
            url_name="method:dashboard",
            order=DASHBOARD,
            is_visible=permissions.can_view_dashboard,
            icon="chart-bar",
            tools=dashboard_tools,
        )
    )
