"""Writes to people, their profile, their consents; export and deletion."""

import importlib

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Consent, ExpertiseTag, PrivacyOfficer, User, refresh_listing

Purpose = Consent.Purpose


def _personal_data_modules():
    return [importlib.import_module(m) for m in settings.MAILLAGE_PERSONAL_DATA_MODULES]


def tags_from_names(names) -> list[ExpertiseTag]:
    """Find or create expertise tags for free-text names (one per distinct slug)."""
    tags = {}
    for name in names:
        name = " ".join(name.split())[:60]
        slug = slugify(name)[:60]
        if not slug or slug in tags:
            continue
        tags[slug] = ExpertiseTag.objects.get_or_create(
            slug=slug, defaults={"name": name}
        )[0]
    return list(tags.values())


@transaction.atomic
def update_profile(
    *,
    actor: User,
    user: User,
    display_name: str,
    job_title: str = "",
    organisation=None,
    region=None,
    bio: str = "",
    languages=(),
    expertise_names=(),
    open_to_contact: bool = False,
) -> User:
    """Change a person's profile; only the person (or staff) may."""
    if actor.pk != user.pk and not actor.is_staff:
        raise PermissionDenied
    user.display_name = display_name
    user.job_title = job_title
    user.organisation = organisation
    user.region = region
    user.bio = bio
    user.languages = list(languages)
    user.open_to_contact = open_to_contact
    user.save()
    user.expertise.set(tags_from_names(expertise_names))
    return user


@transaction.atomic
def set_language(*, user: User, language: str) -> None:
    """Remember a person's interface language, also used for their e-mail."""
    if language in User.Language.values and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def give_consent(*, user: User, purpose: str) -> Consent:
    """Record a consent for ``purpose`` now; giving it twice keeps the first date."""
    current = Consent.objects.current().filter(user=user, purpose=purpose).first()
    if current is not None:
        return current
    return Consent.objects.create(user=user, purpose=purpose, given_at=timezone.now())


@transaction.atomic
def withdraw_consent(*, user: User, purpose: str) -> None:
    """Withdraw a consent; its history (given and withdrawn dates) is kept."""
    Consent.objects.current().filter(user=user, purpose=purpose).update(
        withdrawn_at=timezone.now()
    )
    refresh_listing(user)


@transaction.atomic
def set_consents(*, user: User, purposes: dict[str, bool]) -> None:
    """Give or withdraw each optional consent as the person chose."""
    for purpose, given in purposes.items():
        if purpose == Purpose.TERMS:
            continue  # accepted at sign-up; withdrawing it means deleting the account
        if given:
            give_consent(user=user, purpose=purpose)
        else:
            withdraw_consent(user=user, purpose=purpose)


def current_consents(user: User) -> set[str]:
    return set(
        Consent.objects.current().filter(user=user).values_list("purpose", flat=True)
    )


@transaction.atomic
def complete_signup(
    *, user: User, display_name: str, language: str, email_notifications: bool
) -> User:
    """Finish a new account: name, language and the consents given at sign-up."""
    user.display_name = display_name
    if language in User.Language.values:
        user.language = language
    user.save(update_fields=["display_name", "language"])
    give_consent(user=user, purpose=Purpose.TERMS)
    if email_notifications:
        give_consent(user=user, purpose=Purpose.EMAIL)
    return user


def export_personal_data(*, user: User) -> dict:
    """Everything the person provided, as JSON-ready data (self-service export)."""
    data = {
        "format": "maillage-personal-data/1",
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "language": user.language,
        },
        "profile": {
            "display_name": user.display_name,
            "job_title": user.job_title,
            "organisation": user.organisation.name if user.organisation else None,
            "region": user.region.code if user.region else None,
            "bio": user.bio,
            "languages": user.languages,
            "expertise": [t.name for t in user.expertise.all()],
            "open_to_contact": user.open_to_contact,
        },
        "consents": [
            {
                "purpose": c.purpose,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in user.consents.order_by("given_at")
        ],
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
    }
    for module in _personal_data_modules():
        data.update(module.export_personal_data(user))
    return data


def deletion_blockers(*, user: User) -> list[str]:
    """Reasons, to show the person, why their account cannot be deleted yet."""
    reasons = []
    for module in _personal_data_modules():
        reasons += module.deletion_blockers(user)
    return reasons


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Erase a person's identity; contributions stay, shown as 'Former member'.

    Refused (ValidationError) while something depends on the person alone, such
    as being the only facilitator of a community.
    """
    blockers = deletion_blockers(user=user)
    if blockers:
        raise ValidationError(blockers)
    now = timezone.now()
    for module in _personal_data_modules():
        module.anonymise_personal_data(user)
    EmailAddress.objects.filter(user=user).delete()
    user.consents.current().update(withdrawn_at=now)
    refresh_listing(user)
    user.expertise.clear()
    user.email = f"deleted-{user.pk}@invalid.invalid"
    user.display_name = ""
    user.job_title = ""
    user.organisation = None
    user.region = None
    user.bio = ""
    user.languages = []
    user.open_to_contact = False
    user.can_launch_communities = False
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.deleted_at = now
    user.set_unusable_password()
    user.save()


def privacy_officer() -> PrivacyOfficer | None:
    return PrivacyOfficer.objects.order_by("-updated_at").first()
