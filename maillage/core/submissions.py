"""Creating forms that are safe to send twice.

A creating form carries a ``core.forms.SubmissionField``; its view passes the
token to the service as ``submission=``; the service is decorated::

    @transaction.atomic
    @submitted_once(by="author")
    def create_reply(*, author, thread, body): ...

The first sending stores a ``Submission`` (person, token) in the service's own
transaction, then what the service returns. A second sending with the same token
finds that row and returns the same object, creating nothing; the returned object
then has ``repeated_submission = True``, for views that answer it differently
(an htmx fragment that must not be added twice). A form whose own checks read
what it creates (a web address that must be free) would refuse the second
sending before the service sees it: its view asks ``earlier_result`` first.

Two sendings at the same moment meet on the unique (person, token) pair:
SQLite's ``IMMEDIATE`` transactions run them one after the other, and on
PostgreSQL the second insert waits for the first transaction and then fails, so
the second finds the first's row.
"""

import functools
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Submission

# How long a token is remembered: a form sent again after that creates anew. Each
# person's older tokens are forgotten when they send a new one, so the table
# holds about a week of creations.
KEPT_FOR = timedelta(days=7)

ALREADY_SENT = _(
    "This form was already sent, and what it created is no longer there. "
    "Reload the page to start again."
)


def submitted_once(*, by: str, keep=None, again=None):
    """Make a creating service return its first result for a repeated token.

    ``by`` names the keyword argument holding the acting person. The service
    gains a keyword argument ``submission`` (the token; empty means no
    protection) and must run inside ``transaction.atomic`` (put the decorator
    under it). A service that returns more than the created row names the row
    with ``keep(result) -> row`` and rebuilds its answer with ``again(row)``.
    """

    def decorate(service):
        @functools.wraps(service)
        def wrapper(*args, submission: str = "", **kwargs):
            if not submission:
                return service(*args, **kwargs)
            if not transaction.get_connection().in_atomic_block:
                raise RuntimeError(f"{service.__name__} must be @transaction.atomic.")
            user = kwargs[by]
            try:
                with transaction.atomic():
                    claim = Submission.objects.create(user=user, token=submission)
            except IntegrityError:
                row = _earlier_result(user, submission)
                return again(row) if again else row
            Submission.objects.filter(
                user=user, created_at__lt=timezone.now() - KEPT_FOR
            ).delete()
            result = service(*args, **kwargs)
            claim.result = keep(result) if keep else result
            claim.save(update_fields=["result_type", "result_id"])
            return result

        return wrapper

    return decorate


def earlier_result(user, token: str):
    """What the form sent with ``token`` by ``user`` created, or None.

    For the view of a form whose own checks read what it creates (a web address
    that must be free): asked before validating, so that the second sending is
    answered as the first rather than refused for the first's result.
    """
    if not token or not user.is_authenticated:
        return None
    earlier = (
        Submission.objects.filter(user=user, token=token)
        .select_related("result_type")
        .first()
    )
    result = earlier.result if earlier is not None else None
    if result is not None:
        result.repeated_submission = True
    return result


def _earlier_result(user, token):
    result = earlier_result(user, token)
    if result is None:
        raise ValidationError(ALREADY_SENT, code="already_sent")
    return result
