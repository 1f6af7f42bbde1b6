"""The method's pages of a community: setup path, charter, objectives, stages,
dashboard and closing (the guide and proposals are in ``proposal_views.py``).
Thin: fetch and authorise, validate, call one service or read, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import replace_url

from maillage.communities import permissions as community_permissions
from maillage.communities.access import community_for
from maillage.core.htmx import HtmxHttpRequest

from . import permissions, selectors, services
from .forms import (
    CharterForm,
    DissolveForm,
    ObjectiveForm,
    ProgressForm,
    ReopenForm,
    ReorientForm,
    SetupStepForm,
    StageChangeForm,
)
from .models import CommunitySetupStep, Objective
from .stages import guide_for


def _method_context(user, community, membership) -> dict:
    return {
        "community": community,
        "membership": membership,
        "can_manage": community_permissions.can_manage(user, community, membership),
        "can_steer": community_permissions.can_steer(user, community, membership),
        "can_view_content": community_permissions.can_view_content(
            user, community, membership
        ),
        "can_view_setup_path": permissions.can_view_setup_path(
            user, community, membership
        ),
        "can_view_dashboard": permissions.can_view_dashboard(
            user, community, membership
        ),
    }


# Setup path -----------------------------------------------------------------------


# One step is open at a time (``?etape=<n>``, 1 for the first): the others are a
# line each, so that the page stays short on a phone. Links and the back button
# work without JavaScript; with htmx, opening a step swaps the list and saving
# swaps the step in place.
STEP_PARAMETER = "etape"


def _step_number(request) -> int | None:
    value = request.GET.get(STEP_PARAMETER, "")
    return int(value) if value.isdigit() else None


def _setup_url(community, step=None, *, anchor=None) -> str:
    url = reverse("method:setup_path", args=[community.slug])
    if step is not None:
        url += f"?{STEP_PARAMETER}={step.number}"
    if anchor is not None:
        url += f"#step-{anchor.pk}"
    return url


def _setup_context(request, community, membership, path, open_step, bound=None):
    """The page's context with ``open_step`` open (its form bound when given)."""
    context = _method_context(request.user, community, membership)
    for step in path.steps:
        step.is_open = open_step is not None and step.pk == open_step.pk
        step.form = None
    if open_step is not None and context["can_steer"]:
        open_step.form = bound or SetupStepForm(instance=open_step)
    context.update(path=path, open_step=open_step, setup_url=_setup_url(community))
    return context


@require_GET
# The same address answers the list alone to htmx: caches must tell them apart.
@vary_on_headers("HX-Request")
def setup_path(request: HtmxHttpRequest, slug):
    community, membership = community_for(
        request, slug, need=permissions.can_view_setup_path
    )
    path = selectors.setup_path(community)
    open_step = path.numbered(_step_number(request)) or path.next_left()
    context = _setup_context(request, community, membership, path, open_step)
    template = "method/setup_path.html"
    if request.htmx and not request.htmx.history_restore_request:
        # A step opened from the list: the list comes back, focus on that step.
        context["focus"] = True
        template += "#steps"
    return render(request, template, context)


@require_POST
def setup_step_update(request: HtmxHttpRequest, slug, pk):
    community, membership = community_for(request, slug, need="steer")
    step = get_object_or_404(CommunitySetupStep, pk=pk, community=community)
    form = SetupStepForm(request.POST, instance=step)
    if form.is_valid():
        try:
            step = services.update_setup_step(
                actor=request.user,
                step=step,
                status=form.cleaned_data["status"],
                notes=form.cleaned_data["notes"],
                skip_reason=form.cleaned_data["skip_reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _step_saved(request, community, membership, step)
    path = selectors.setup_path(community)
    open_step = path.with_pk(step.pk)
    context = _setup_context(request, community, membership, path, open_step, form)
    if request.htmx:
        # The step comes back open with its errors; focus on the first field to fix.
        first_error = next((name for name in form.errors if name in form.fields), None)
        if first_error:
            form.fields[first_error].widget.attrs["autofocus"] = True
        context["step"] = open_step
        return render(request, "method/setup_path.html#step", context)
    return render(request, "method/setup_path.html", context)


def _step_saved(request, community, membership, step):
    """After a save: the step closed with its new status, and the next step not
    done opened (swapped in place with htmx; else the page, at the saved step)."""
    path = selectors.setup_path(community)
    saved = path.with_pk(step.pk)
    next_step = path.next_left(after=saved)
    saved_message = _("The step “%(title)s” is saved.") % {"title": step.title}
    if not request.htmx:
        messages.success(request, saved_message)
        return redirect(_setup_url(community, next_step, anchor=saved))
    context = _setup_context(request, community, membership, path, next_step)
    context.update(
        saved=saved,
        # The saved step stays open when it is the only one not done.
        next_step=next_step if next_step is not None and next_step != saved else None,
        focus=True,
        saved_message=saved_message,
    )
    response = render(request, "method/setup_path.html#step_saved", context)
    return replace_url(response, _setup_url(community, next_step))


# Charter --------------------------------------------------------------------------


@require_GET
def charter_detail(request, slug):
    community, membership = community_for(request, slug, need="content")
    context = _method_context(request.user, community, membership)
    context["charter"] = selectors.charter_of(community)
    context["revision_count"] = selectors.charter_revision_count(community)
    return render(request, "method/charter_detail.html", context)


@require_http_methods(["GET", "POST"])
def charter_update(request, slug):
    community, membership = community_for(request, slug, need="steer")
    charter = selectors.charter_of(community)
    form = CharterForm(
        request.POST if request.method == "POST" else None, instance=charter
    )
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.save_charter(
                actor=request.user, community=community, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if revision is None:
                messages.info(request, _("Nothing changed in the charter."))
            else:
                messages.success(
                    request,
                    _("The charter is saved (revision %(number)s).")
                    % {"number": revision.number},
                )
            return redirect("method:charter_detail", slug=slug)
    context = _method_context(request.user, community, membership)
    context.update(form=form, charter=charter)
    return render(request, "method/charter_form.html", context)


@require_GET
def charter_history(request, slug):
    community, membership = community_for(request, slug, need="content")
    context = _method_context(request.user, community, membership)
    context["entries"] = selectors.charter_history(community)
    return render(request, "method/charter_history.html", context)


# Objectives -----------------------------------------------------------------------


@require_GET
def objective_list(request, slug):
    community, membership = community_for(request, slug, need="content")
    context = _method_context(request.user, community, membership)
    objectives = selectors.objectives_of(community)
    context.update(
        open_objectives=[o for o in objectives if o.is_open],
        closed_objectives=[o for o in objectives if not o.is_open],
        review_due=selectors.review_is_due(objectives),
    )
    return render(request, "method/objective_list.html", context)


def _objective(community, pk):
    return get_object_or_404(Objective, pk=pk, community=community)


def _objective_page(request, community, membership, objective, progress_form=None):
    context = _method_context(request.user, community, membership)
    history = selectors.objective_history(objective)
    latest = history[0] if history else None
    objective.latest_value = latest.value if latest else None
    objective.percent = objective.percent_of(objective.latest_value)
    if context["can_steer"] and progress_form is None:
        progress_form = ProgressForm(initial={"measured_on": timezone.localdate()})
    context.update(objective=objective, history=history, progress_form=progress_form)
    return render(request, "method/objective_detail.html", context)


@require_GET
def objective_detail(request, slug, pk):
    community, membership = community_for(request, slug, need="content")
    return _objective_page(request, community, membership, _objective(community, pk))


@require_http_methods(["GET", "POST"])
def objective_create(request, slug):
    community, membership = community_for(request, slug, need="steer")
    form = ObjectiveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            objective = services.create_objective(
                actor=request.user, community=community, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The objective is added."))
            return redirect(objective)
    context = _method_context(request.user, community, membership)
    context["form"] = form
    return render(request, "method/objective_form.html", context)


@require_http_methods(["GET", "POST"])
def objective_update(request, slug, pk):
    community, membership = community_for(request, slug, need="steer")
    objective = _objective(community, pk)
    form = ObjectiveForm(
        request.POST if request.method == "POST" else None, instance=objective
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_objective(
                actor=request.user,
                objective=_objective(community, pk),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The objective is saved."))
            return redirect(objective)
    context = _method_context(request.user, community, membership)
    context.update(form=form, objective=_objective(community, pk))
    return render(request, "method/objective_form.html", context)


@require_POST
def objective_progress(request, slug, pk):
    community, membership = community_for(request, slug, need="steer")
    objective = _objective(community, pk)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.record_progress(
                actor=request.user, objective=objective, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The progress is recorded."))
            return redirect(objective)
    return _objective_page(request, community, membership, objective, form)


# Stages ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def stage_timeline(request, slug):
    """The stages with their suggested activities, the timeline, and (for
    facilitators) the form to move to another stage."""
    if request.method == "GET":
        community, membership = community_for(request, slug, need="content")
        return _stage_page(request, community, membership)
    community, membership = community_for(request, slug, need="steer")
    form = StageChangeForm(request.POST, community=community)
    if form.is_valid():
        try:
            services.change_stage(
                actor=request.user, community=community, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The community is now at the stage “%(stage)s”.")
                % {"stage": community.get_stage_display()},
            )
            return redirect("method:stage_timeline", slug=slug)
    return _stage_page(request, community, membership, form)


def _stage_page(request, community, membership, form=None):
    context = _method_context(request.user, community, membership)
    if context["can_steer"] and form is None:
        form = StageChangeForm(community=community)
    context.update(
        form=form,
        events=selectors.stage_timeline(community),
        stage_guides=selectors.stage_guides(),
        current_guide=guide_for(community.stage),
    )
    return render(request, "method/stage_timeline.html", context)


# Dashboard ------------------------------------------------------------------------


@login_required
@require_GET
def dashboard(request, slug):
    community, membership = community_for(
        request, slug, need=permissions.can_view_dashboard
    )
    context = _method_context(request.user, community, membership)
    # Requests and invitations are the facilitators' work, not the sponsors'.
    context["board"] = selectors.dashboard(
        community, with_membership_work=context["can_manage"]
    )
    context["can_export"] = community_permissions.can_export(
        request.user, community, membership
    )
    context["can_reopen"] = permissions.can_reopen(request.user, community)
    return render(request, "method/dashboard.html", context)


# Closing --------------------------------------------------------------------------


@require_GET
def closing(request, slug):
    """Review the community's future: dissolve, or reorient."""
    community, membership = community_for(request, slug, need="steer")
    context = _method_context(request.user, community, membership)
    objectives = selectors.objectives_of(community)
    context.update(objectives=objectives)
    return render(request, "method/closing.html", context)


@require_http_methods(["GET", "POST"])
def community_dissolve(request, slug):
    community, membership = community_for(request, slug, need="steer")
    form = DissolveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.dissolve_community(
                actor=request.user, community=community, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s is dissolved and archived. Thank you to its members.")
                % {"name": community.name},
            )
            return redirect(community)
    context = _method_context(request.user, community, membership)
    context["form"] = form
    return render(request, "method/community_dissolve.html", context)


@require_http_methods(["GET", "POST"])
def community_reorient(request, slug):
    community, membership = community_for(request, slug, need="steer")
    form = ReorientForm(
        request.POST if request.method == "POST" else None,
        initial={"domain": community.domain, "stage": community.stage},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reorient_community(
                actor=request.user, community=community, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The community is reoriented. Now set its new objectives."),
            )
            return redirect("method:objective_list", slug=slug)
    context = _method_context(request.user, community, membership)
    context["form"] = form
    return render(request, "method/community_reorient.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def community_reopen(request, slug):
    community, membership = community_for(
        request, slug, need=lambda user, _c, _m: community_permissions.is_staff(user)
    )
    if not community.is_archived:
        messages.info(request, _("This community is not archived."))
        return redirect(community)
    form = ReopenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reopen_community(
                actor=request.user, community=community, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The community is reopened."))
            return redirect(community)
    context = _method_context(request.user, community, membership)
    context.update(form=form, dissolution=selectors.current_dissolution(community))
    return render(request, "method/community_reopen.html", context)
