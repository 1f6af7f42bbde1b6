from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """One of Québec's 17 administrative regions, identified by its official code."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return (
            self.name_en if (get_language() or "fr").startswith("en") else self.name_fr
        )
