import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maillage.accounts.models import User
from maillage.core.htmx import HtmxHttpRequest
from maillage.core.http import posted_choice, report
from maillage.core.submissions import earlier_result

from . import permissions, sections, selectors, services
from .access import Hidden, LoginNeeded, Refused, community_for
from .export import write_community_export
from .forms import (
    DECISIONS,
    INVITATION_ANSWERS,
    CommunityFilterForm,
    CommunityForm,
    CommunityUpdateForm,
    InvitationForm,
    MemberFilterForm,
    MembershipRequestForm,
    RoleForm,
)
from .models import Community, Membership

MEMBERS_PER_PAGE = 20
REQUESTS_PER_PAGE = 20


@require_GET
def home(request: HtmxHttpRequest):
    filters = CommunityFilterForm(request.GET or None)
    region = sector = None
    if filters.is_valid():
        region = filters.cleaned_data["region"]
        sector = filters.cleaned_data["sector"]
    cards = selectors.community_cards(user=request.user, region=region, sector=sector)
    context = {
        "filters": filters,
        "filtered": region is not None or sector is not None,
        "cards": cards,
        "community_count": len(cards),
        "my_memberships": selectors.my_memberships(request.user),
        "can_launch": permissions.can_launch_community(request.user),
    }
    template = "communities/home.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def community_create(request):
    if not permissions.can_launch_community(request.user):
        raise Refused
    form = CommunityForm(request.POST if request.method == "POST" else None)
    # Sent twice: the first sending's community (its address is taken now).
    if created := earlier_result(request.user, request.POST.get("submission", "")):
        return redirect(created)
    if request.method == "POST" and form.is_valid():
        try:
            community = services.create_community(
                actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The community is created. You are its facilitator.")
            )
            return redirect(community)
    return render(request, "communities/community_form.html", {"form": form})


@require_GET
def community_detail(request, slug):
    community, membership = community_for(
        request, slug, queryset=sections.annotate_page(Community.objects.all())
    )
    user = request.user
    context = {
        "community": community,
        "membership": membership,
        "facilitators": selectors.facilitators(community),
        "member_count": selectors.member_count(community),
        "can_join": permissions.can_join(user, community, membership),
        "can_request": permissions.can_request(user, community, membership),
        "can_leave": permissions.can_leave(membership, community),
        "can_steer": permissions.can_steer(user, community, membership),
        "can_view_members": permissions.can_view_members(user, community, membership),
        "can_view_content": permissions.can_view_content(user, community, membership),
        # What the other parts add: the method's closing summary, the links of
        # the "Facilitation" card.
        "summaries": sections.summaries_for(user, community, membership),
        "tools": sections.tools_for(user, community, membership),
    }
    return render(request, "communities/community_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def community_update(request, slug):
    community, _membership = community_for(request, slug, need="steer")
    form = CommunityUpdateForm(
        request.POST if request.method == "POST" else None, instance=community
    )
    if request.method == "POST" and form.is_valid():
        services.update_community(
            actor=request.user, community=community, **form.cleaned_data
        )
        messages.success(request, _("The presentation is saved."))
        return redirect(community)
    return render(
        request,
        "communities/community_form.html",
        {"form": form, "community": community},
    )


@require_GET
def member_list(request: HtmxHttpRequest, slug):
    community, membership = community_for(request, slug, need="members")
    filters = MemberFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    members = selectors.member_directory(
        community=community,
        q=criteria.get("q", ""),
        region=criteria.get("region"),
        sector=criteria.get("sector"),
        role=criteria.get("role", ""),
        expertise=criteria.get("expertise", ""),
    )
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "community": community,
        "membership": membership,
        "filters": filters,
        "page": page,
        "can_manage": permissions.can_steer(request.user, community, membership),
        "role_choices": Membership.Role.choices,
    }
    template = "communities/member_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


@login_required
@require_POST
def community_join(request, slug):
    community, _membership = community_for(request, slug, need="write")
    try:
        services.join_community(user=request.user, community=community)
    except PermissionDenied:
        messages.error(request, _("You cannot join this community yourself."))
    else:
        messages.success(request, _("Welcome to %(name)s!") % {"name": community.name})
    return redirect(community)


@login_required
@require_http_methods(["GET", "POST"])
def membership_request(request, slug):
    community, membership = community_for(request, slug, need="write")
    if not permissions.can_request(request.user, community, membership):
        messages.info(request, _("You cannot send a request to this community."))
        return redirect(community)
    form = MembershipRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.request_membership(
            user=request.user, community=community, message=form.cleaned_data["message"]
        )
        messages.success(
            request,
            _("Your request is sent. The facilitators will answer you by e-mail."),
        )
        return redirect(community)
    return render(
        request,
        "communities/membership_request.html",
        {"community": community, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def community_leave(request, slug):
    community, membership = community_for(request, slug, need="write")
    if not permissions.can_leave(membership, community):
        return redirect(community)
    if request.method == "POST":
        try:
            services.leave_community(user=request.user, community=community)
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(
                request, _("You left %(name)s.") % {"name": community.name}
            )
        return redirect(community)
    return render(request, "communities/community_leave.html", {"community": community})


@login_required
@require_GET
def request_list(request, slug):
    community, membership = community_for(request, slug, need="manage")
    requests = selectors.pending_requests(community)
    page = Paginator(requests, REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "communities/request_list.html",
        {"community": community, "membership": membership, "page": page},
    )


@login_required
@require_POST
def request_decide(request, slug, pk):
    community, _membership = community_for(request, slug, need="steer")
    pending = get_object_or_404(Membership, pk=pk, community=community)
    decision = posted_choice(
        request.POST, "decision", DECISIONS, what=_("the decision")
    )
    approve = decision == "approve"
    decide = services.approve_request if approve else services.decline_request
    try:
        decide(actor=request.user, membership=pending)
    except ValidationError as error:
        report(request, error)
    else:
        name = pending.user.public_name
        if approve:
            messages.success(request, _("%(name)s is now a member.") % {"name": name})
        else:
            messages.success(
                request, _("The request of %(name)s is declined.") % {"name": name}
            )
    done = reverse("communities:request_list", args=[slug])
    page = request.POST.get("page", "")
    if page.isascii() and page.isdigit():
        # Back to the page of the decision (if now past the last, the last).
        done += f"?page={page}"
    return redirect(done)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_list(request, slug):
    need = "steer" if request.method == "POST" else "manage"
    community, membership = community_for(request, slug, need=need)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_member(
                actor=request.user, community=community, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The invitation is sent to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("communities:invitation_list", slug=slug)
    return render(
        request,
        "communities/invitation_list.html",
        {
            "community": community,
            "membership": membership,
            "form": form,
            "invitations": selectors.pending_invitations(community),
        },
    )


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    community, _membership = community_for(request, slug, need="steer")
    invitation = get_object_or_404(community.invitations, pk=pk)
    try:
        services.revoke_invitation(actor=request.user, invitation=invitation)
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("The invitation is withdrawn."))
    return redirect("communities:invitation_list", slug=slug)


@require_http_methods(["GET", "POST"])
def invitation_detail(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None:
        raise Hidden
    if not request.user.is_authenticated:
        # Signing up or logging in brings the person back here (see the adapter).
        request.session["pending_invitation_url"] = request.path
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise LoginNeeded
        answer = posted_choice(
            request.POST, "action", INVITATION_ANSWERS, what=_("the answer")
        )
        request.session.pop("pending_invitation_url", None)
        try:
            if answer == "accept":
                services.accept_invitation(user=request.user, invitation=invitation)
                messages.success(
                    request,
                    _("Welcome to %(name)s!") % {"name": invitation.community.name},
                )
                return redirect(invitation.community)
            services.decline_invitation(user=request.user, invitation=invitation)
            messages.success(request, _("You declined the invitation."))
            return redirect("communities:home")
        except ValidationError as error:
            report(request, error)
    return render(
        request,
        "communities/invitation_detail.html",
        {"invitation": invitation, "community": invitation.community},
    )


@login_required
@require_POST
def invitation_respond(request, slug):
    """Answer an invitation from the community page, without the e-mailed link."""
    community, _membership = community_for(request, slug, need="write")
    answer = posted_choice(
        request.POST, "action", INVITATION_ANSWERS, what=_("the answer")
    )
    invitation = selectors.pending_invitation_for(community, request.user)
    if invitation is None:
        messages.error(request, _("There is no pending invitation for you here."))
        return redirect(community)
    if answer == "accept":
        services.accept_invitation(user=request.user, invitation=invitation)
        messages.success(request, _("Welcome to %(name)s!") % {"name": community.name})
        return redirect(community)
    services.decline_invitation(user=request.user, invitation=invitation)
    messages.success(request, _("You declined the invitation."))
    return redirect("communities:home")


@login_required
@require_POST
def membership_role(request, slug, pk):
    community, _membership = community_for(request, slug, need="steer")
    target = get_object_or_404(Membership, pk=pk, community=community)
    # An unknown role is a 400 saying so; a wrong date, an error message.
    posted_choice(request.POST, "role", Membership.Role.choices, what=_("the role"))
    form = RoleForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    else:
        try:
            services.change_role(
                actor=request.user, membership=target, **form.cleaned_data
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": target.user.public_name, "role": target.shown_role},
            )
    return redirect("communities:member_list", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def membership_remove(request, slug, pk):
    community, _membership = community_for(request, slug, need="steer")
    target = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, community=community
    )
    if request.method == "POST":
        try:
            services.remove_member(actor=request.user, membership=target)
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(
                request,
                _("%(name)s no longer belongs to the community.")
                % {"name": target.user.public_name},
            )
        return redirect("communities:member_list", slug=slug)
    return render(
        request,
        "communities/membership_remove.html",
        {"community": community, "target": target},
    )


@login_required
@require_GET
def profile_detail(request, pk):
    person = get_object_or_404(
        User.objects.active().select_related("organisation__sector", "region"), pk=pk
    )
    viewer = request.user
    if not permissions.can_view_profile(viewer, person):
        raise Hidden
    return render(
        request,
        "communities/profile_detail.html",
        {
            "person": person,
            "expertise": list(person.expertise.all()),
            "communities": selectors.active_communities_of(person, viewer),
        },
    )


@login_required
@require_GET
def community_export(request, slug):
    """The full export ZIP, for facilitators and staff (archived or not)."""
    community, _membership = community_for(request, slug, need="export")
    # Spooled: a small export stays in memory, a large one goes to disk.
    # FileResponse closes the file once the response is sent.
    archive = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)  # noqa: SIM115
    write_community_export(actor=request.user, community=community, fileobj=archive)
    archive.seek(0)
    stamp = timezone.localdate().isoformat()
    return FileResponse(
        archive,
        as_attachment=True,
        filename=f"maillage-{community.slug}-{stamp}.zip",
        content_type="application/zip",
    )
