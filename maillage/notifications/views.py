from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maillage.accounts.models import User
from maillage.core.htmx import HtmxHttpRequest

from . import emails, selectors, services
from .forms import PreferenceForm
from .models import Category, Notification


def _list_url(request) -> str:
    """Back to the page of the list the action came from."""
    page = request.POST.get("page", "")
    url = reverse("notifications:notification_list")
    return f"{url}?page={page}" if page.isdigit() else url


def _mark(request, pk) -> Notification:
    try:
        return services.mark_read(user=request.user, notification_id=pk)
    except Notification.DoesNotExist:
        raise Http404 from None


@login_required
@require_GET
def notification_list(request: HtmxHttpRequest):
    page = selectors.notification_page(
        user=request.user, page_number=request.GET.get("page")
    )
    template = "notifications/notification_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, {"page": page, "page_number": page.number})


@login_required
@require_POST
def notification_mark_read(request: HtmxHttpRequest, pk):
    notification = _mark(request, pk)
    if request.htmx:
        return render(
            request,
            "notifications/notification_list.html#marked",
            {"notification": notification, "page_number": request.POST.get("page")},
        )
    return redirect(_list_url(request))


@login_required
@require_POST
def notification_mark_all_read(request: HtmxHttpRequest):
    count = services.mark_all_read(user=request.user)
    if request.htmx:
        page = selectors.notification_page(
            user=request.user, page_number=request.POST.get("page")
        )
        return render(
            request,
            "notifications/notification_list.html#all_marked",
            {"page": page, "page_number": page.number},
        )
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect(_list_url(request))


@login_required
@require_POST
def notification_open(request, pk):
    """Mark read, then go where the notification points (reading never writes)."""
    notification = _mark(request, pk)
    if url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.url)
    return redirect("notifications:notification_list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    user = request.user
    current = selectors.preferences_of(user)
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        initial={"about_me": current.about_me, "followed": current.followed},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_preferences(user=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your choices are saved."))
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_email_consent": selectors.has_email_consent(user)},
    )


# The signed token is the authority, and RFC 8058's one-click POST comes from a
# mail client that holds no CSRF cookie.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm; POST (the button, or a mail client's one-click)
    stops the e-mails of the token's categories. No sign-in is needed."""
    try:
        user_id, categories = emails.read_unsubscribe_token(token)
        user = User.objects.active().get(pk=user_id)
    except (signing.BadSignature, User.DoesNotExist):
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    labels = [Category(c).label for c in categories]
    if request.method == "POST":
        services.unsubscribe(user=user, categories=categories)
        return render(
            request, "notifications/unsubscribe_done.html", {"labels": labels}
        )
    return render(
        request,
        "notifications/unsubscribe_confirm.html",
        {"labels": labels, "token": token},
    )
