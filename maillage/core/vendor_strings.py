"""Our French for strings of our dependencies that the site shows.

Django reads our catalogue (``LOCALE_PATHS``) before the apps' own, so a msgid
listed here is shown with our translation: for packages that have no French
(django-tasks, django-tasks-db), and for Django's and allauth's strings whose
French is not the site's ("e-mail" where the site says "courriel", "Aucun(e)"
where it writes inclusive forms with a middle dot). ``gettext_noop`` only marks
them for ``makemessages``: nothing needs to import this module.

An upgrade that changes one of these msgids brings the package's own French
back; ``tests/test_french.py`` then fails on the words it shows.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

DJANGO_TASKS = [
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("status"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
]

DJANGO_ADMIN = [
    # The admin's "Recent actions" when there are none: "Aucun(e) disponible".
    gettext_noop("None available"),
]

ALLAUTH = [
    # Field labels and placeholders of allauth's forms.
    gettext_noop("Email"),
    gettext_noop("Email address"),
    gettext_noop("Email (again)"),
    gettext_noop("Email address confirmation"),
    gettext_noop("Remember Me"),
    gettext_noop("Forgot your password?"),
    gettext_noop("Password (again)"),
    gettext_noop("New Password (again)"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("You must type the same email each time."),
    # Its model, in the admin.
    gettext_noop("email address"),
    gettext_noop("email addresses"),
    gettext_noop("verified"),
    gettext_noop("primary"),
    gettext_noop("email confirmation"),
    gettext_noop("email confirmations"),
    gettext_noop("Mark selected email addresses as verified"),
]
