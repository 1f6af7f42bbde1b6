from allauth.account.apps import AccountConfig as AllauthAccountConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    # The app's own config, though this module defines another one.
    default = True
    name = "maillage.accounts"
    label = "accounts"
    # "People", not allauth's "Accounts": the admin index shows both apps.
    verbose_name = _("People")


class EmailAddressesConfig(AllauthAccountConfig):
    """allauth's account app, named after what the admin shows of it: the
    people's e-mail addresses (its own name, "Accounts", is also ours)."""

    verbose_name = _("E-mail addresses")
