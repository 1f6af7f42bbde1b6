import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from maillage.core.http import posted_choice
from maillage.core.paging import IdsFirst
from maillage.core.text import fold

from . import services
from .forms import AccountDeletionForm, ConsentForm, DirectoryFilterForm, ProfileForm
from .models import Consent, User

DIRECTORY_PER_PAGE = 50


@login_required
@require_GET
def account_settings(request):
    return render(request, "accounts/account_settings.html")


@login_required
@require_http_methods(["GET", "POST"])
def profile_update(request):
    form = ProfileForm(
        request.POST if request.method == "POST" else None, instance=request.user
    )
    if request.method == "POST" and form.is_valid():
        # The form's fields are the service's arguments, one for one.
        services.update_profile(
            actor=request.user, user=request.user, **form.cleaned_data
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile_update")
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def welcome(request):
    """A newcomer's first step: complete the profile, or skip it for now."""
    form = ProfileForm(
        request.POST if request.method == "POST" else None, instance=request.user
    )
    if request.method == "POST" and form.is_valid():
        # The form's fields are the service's arguments, one for one.
        services.update_profile(
            actor=request.user, user=request.user, **form.cleaned_data
        )
        messages.success(request, _("Your profile is saved. Welcome to Maillage!"))
        return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/welcome.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def privacy_settings(request):
    user = request.user
    current = services.current_consents(user)
    form = ConsentForm(
        request.POST if request.method == "POST" else None,
        initial={
            "email_notifications": Consent.Purpose.EMAIL in current,
            "directory": Consent.Purpose.DIRECTORY in current,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.set_consents(user=user, purposes=form.purposes())
        messages.success(request, _("Your choices are saved."))
        return redirect("accounts:privacy_settings")
    return render(
        request,
        "accounts/privacy_settings.html",
        {"form": form, "history": user.consents.order_by("-given_at")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def data_export(request):
    if request.method == "POST":
        data = services.export_personal_data(user=request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="maillage-mes-donnees-{stamp}.json"'
        )
        return response
    return render(request, "accounts/data_export.html")


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeletionForm(
        request.POST if request.method == "POST" else None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        services.delete_account(user=request.user)
        logout(request)
        messages.success(
            request, _("Your account is deleted. Thank you for taking part.")
        )
        return redirect("communities:home")
    return render(request, "accounts/account_delete.html", {"form": form})


DIRECTORY_ORDER = ("display_name", "id")


def _directory_rows(ids):
    return (
        User.objects.filter(pk__in=ids)
        .select_related("organisation__sector", "region")
        .prefetch_related("expertise")
        .order_by(*DIRECTORY_ORDER)
    )


@login_required
@require_GET
def directory(request):
    filters = DirectoryFilterForm(request.GET or None)
    people = User.objects.in_directory().order_by(*DIRECTORY_ORDER)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["q"]:
            people = people.matching(fold(data["q"]))
        if data["region"]:
            people = people.filter(region=data["region"])
        if slugify(data["expertise"]):
            people = people.with_expertise_like(slugify(data["expertise"]))
    # The page's people are chosen (ids, in order) before they are joined to
    # their organisations and regions.
    people = IdsFirst(people, rows=_directory_rows)
    page = Paginator(people, DIRECTORY_PER_PAGE).get_page(request.GET.get("page"))
    template = "accounts/directory.html"
    if request.htmx:
        template += "#results"
    return render(request, template, {"filters": filters, "page": page})


@require_GET
def privacy_policy(request):
    return render(
        request,
        "accounts/privacy_policy.html",
        {"officer": services.privacy_officer()},
    )


@require_POST
def set_language(request):
    """Django's language switch, also remembered on the account for e-mail."""
    language = posted_choice(
        request.POST, "language", settings.LANGUAGES, what=_("the language")
    )
    response = django_set_language(request)
    if request.user.is_authenticated:
        services.set_language(user=request.user, language=language)
    return response
