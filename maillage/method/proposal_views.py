"""The guide to start a community, which ends with the proposal form, and the
staff's review of proposals: the method's pages that belong to no community."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maillage.communities.access import Refused
from maillage.core.submissions import earlier_result

from . import permissions, selectors, services
from .forms import ProposalAcceptForm, ProposalDeclineForm, ProposalForm
from .models import CommunityProposal


@require_http_methods(["GET", "POST"])
def guide(request):
    """The guide to start a community of practice, ending with a proposal form."""
    form = ProposalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not permissions.can_propose_community(request.user):
            return redirect_to_login(reverse("method:guide") + "#proposer")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.propose_community(proposer=request.user, **data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you! Your proposal is sent. The team will answer "
                        "you by e-mail."
                    ),
                )
                return redirect("method:guide")
    elif request.user.is_authenticated:
        form = ProposalForm(initial=_proposer_initial(request.user))
    return render(
        request,
        "method/guide.html",
        {
            "form": form,
            "steps": selectors.guide_steps(),
            "stage_guides": selectors.stage_guides(),
            "my_proposals": selectors.proposals_of(request.user),
            "can_review": permissions.can_review_proposals(request.user),
            # The guide's prose is written in each language rather than translated
            # sentence by sentence, so that it reads naturally in both.
            "guide_intro": f"method/guide/intro_{_prose_language()}.html",
            "guide_closing": f"method/guide/closing_{_prose_language()}.html",
        },
    )


def _prose_language() -> str:
    return "en" if (get_language() or "fr").startswith("en") else "fr"


def _proposer_initial(user) -> dict:
    organisation = user.organisation
    return {
        "role": user.job_title,
        "organisation": organisation.name if organisation else "",
        "regions": [user.region_id] if user.region_id else [],
    }


def _staff_only(request):
    if not permissions.can_review_proposals(request.user):
        raise Refused


@login_required
@require_GET
def proposal_list(request):
    _staff_only(request)
    return render(
        request,
        "method/proposal_list.html",
        {"proposals": selectors.proposals_for_review()},
    )


def _proposal_page(request, proposal, accept_form=None, decline_form=None):
    return render(
        request,
        "method/proposal_detail.html",
        {
            "proposal": proposal,
            "accept_form": accept_form or ProposalAcceptForm.for_proposal(proposal),
            "decline_form": decline_form or ProposalDeclineForm(),
        },
    )


def _proposal(pk):
    return get_object_or_404(
        CommunityProposal.objects.select_related(
            "proposer__organisation", "community", "decided_by"
        ),
        pk=pk,
    )


@login_required
@require_GET
def proposal_detail(request, pk):
    _staff_only(request)
    return _proposal_page(request, _proposal(pk))


@login_required
@require_POST
def proposal_accept(request, pk):
    _staff_only(request)
    proposal = _proposal(pk)
    # Sent twice: the first sending's community (its address is taken now).
    token = request.POST.get("accept-submission", "")
    if created := earlier_result(request.user, token):
        return redirect(created)
    form = ProposalAcceptForm.for_proposal(proposal, request.POST)
    if form.is_valid():
        try:
            community = services.accept_proposal(
                actor=request.user, proposal=proposal, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The community is created; %(name)s is its facilitator.")
                % {"name": proposal.proposer.public_name},
            )
            return redirect(community)
    return _proposal_page(request, proposal, accept_form=form)


@login_required
@require_POST
def proposal_decline(request, pk):
    _staff_only(request)
    proposal = _proposal(pk)
    form = ProposalDeclineForm(request.POST)
    if form.is_valid():
        try:
            services.decline_proposal(
                actor=request.user, proposal=proposal, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The proposal is declined; its author is told.")
            )
            return redirect("method:proposal_list")
    return _proposal_page(request, proposal, decline_form=form)
