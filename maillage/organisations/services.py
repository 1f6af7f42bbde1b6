from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from maillage.core.text import fold

from .models import Organisation


@transaction.atomic
def create_organisation(*, actor, name, sector, region, website="") -> Organisation:
    """Add an organisation; a name already used in its region is refused.

    Names are compared ignoring case and accents.
    """
    if Organisation.objects.filter(normalized_name=fold(name), region=region).exists():
        raise ValidationError(
            {"name": _("An organisation with this name already exists in this region.")}
        )
    try:
        with transaction.atomic():
            return Organisation.objects.create(
                name=" ".join(name.split()),
                sector=sector,
                region=region,
                website=website,
                created_by=actor if actor.is_authenticated else None,
            )
    except IntegrityError as error:  # a concurrent insert of the same name
        raise ValidationError(
            {"name": _("An organisation with this name already exists in this region.")}
        ) from error
