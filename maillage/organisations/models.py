from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from maillage.core.models import TimeStampedModel
from maillage.core.text import fold


class Sector(models.Model):
    """A sector of the food-procurement chain (daycare, school, producer, ...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return (
            self.name_en if (get_language() or "fr").startswith("en") else self.name_fr
        )


class Organisation(TimeStampedModel):
    """A member's employer or body, in a sector and a region."""

    name = models.CharField(_("name"), max_length=200)
    # Folded name (lower case, no accents) so that duplicates are caught.
    normalized_name = models.CharField(max_length=200, editable=False)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("sector"),
    )
    region = models.ForeignKey(
        "territories.Region",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("region"),
    )
    website = models.URLField(_("website"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ["normalized_name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["normalized_name", "region"],
                name="organisation_unique_name_per_region",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized_name = fold(self.name)
        super().save(*args, **kwargs)
