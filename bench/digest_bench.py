"""How long a daily digest run takes for 1,000 members, and how many queries.

Builds a throwaway SQLite database (never the real one) with 1,000 members who
consented to e-mail, ~5 notifications each spread over a public, a restricted and
a private community (some members have left the private one, so the run must
filter), then times ``manage.py send_digests --frequency daily``.

    .venv/bin/python bench/digest_bench.py [--members 1000] [--per-member 5]
        [--tasks immediate|database]

``immediate`` (default) renders and sends every e-mail in the run, with the
locmem e-mail backend; ``database`` only enqueues them in django-tasks'
database table, as production does before ``db_worker`` sends them.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--per-member", type=int, default=5)
    parser.add_argument(
        "--tasks", choices=["immediate", "database"], default="immediate"
    )
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="maillage-digest-bench-")
    os.environ["MAILLAGE_VAR_DIR"] = workdir
    os.environ.pop("DATABASE_URL", None)
    # The test settings: locmem e-mail, fast password hashing; the database is
    # SQLite in MAILLAGE_VAR_DIR, i.e. the throwaway folder above.
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

    import django
    from django.conf import settings

    django.setup()
    if args.tasks == "database":
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    if not str(settings.DATABASES["default"]["NAME"]).startswith(workdir):
        raise SystemExit("Refusing to run outside the throwaway database.")

    from django.core import mail
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    build(args.members, args.per_member)

    mail.outbox = []
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        call_command("send_digests", "--frequency", "daily", verbosity=0)
        elapsed = time.perf_counter() - started
    sent = len(mail.outbox)

    with CaptureQueriesContext(connection) as again:
        started = time.perf_counter()
        call_command("send_digests", "--frequency", "daily", verbosity=0)
        second = time.perf_counter() - started

    from maillage.notifications.models import Notification

    print(f"members: {args.members}, notifications: {Notification.objects.count()}")
    print(f"tasks backend: {args.tasks}")
    print(f"send_digests --frequency daily: {elapsed:.2f} s, {len(queries)} queries")
    if args.tasks == "immediate":
        print(f"e-mails sent: {sent}")
    else:
        from django_tasks_db.models import DBTaskResult

        print(f"e-mails enqueued: {DBTaskResult.objects.count()}")
    print(f"second run (nothing new): {second:.2f} s, {len(again)} queries")
    connection.close()
    shutil.rmtree(workdir, ignore_errors=True)


def build(members: int, per_member: int) -> None:
    """Bulk-create the people, memberships, consents and notifications."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from maillage.accounts.models import Consent, User
    from maillage.communities.models import Community, Membership
    from maillage.notifications.models import Notification
    from maillage.territories.models import Region

    now = timezone.now()
    region = Region.objects.order_by("code").first()
    communities = []
    for n, visibility in enumerate(["public", "restricted", "private"]):
        community = Community.objects.create(
            name=f"Communauté {visibility}",
            slug=f"banc-{n}",
            domain="Approvisionnement local",
            visibility=visibility,
        )
        community.regions.set([region])
        communities.append(community)
    password = make_password("banc-d-essai")
    users = User.objects.bulk_create(
        User(
            email=f"membre{n}@banc.example",
            display_name=f"Membre {n}",
            password=password,
            language="en" if n % 4 == 0 else "fr",
        )
        for n in range(members)
    )
    Consent.objects.bulk_create(
        Consent(user=u, purpose=Consent.Purpose.EMAIL, given_at=now) for u in users
    )
    memberships = []
    for n, user in enumerate(users):
        for community in communities:
            # One member in ten has left the private community: its
            # notifications must not reach them.
            state = (
                "left"
                if community.visibility == "private" and n % 10 == 0
                else "active"
            )
            memberships.append(
                Membership(community=community, user=user, state=state, joined_at=now)
            )
    Membership.objects.bulk_create(memberships)
    Community.objects.recount_members()
    kinds = [
        "new_reply",
        "new_thread",
        "new_reply",
    ]
    Notification.objects.bulk_create(
        Notification(
            recipient=user,
            community=communities[k % 3],
            kind=kinds[k % 3],
            actor=users[(n + k + 1) % members],
            subject=f"Menus locaux de saison, fil {n}-{k}",
            excerpt="Nous avons remplacé les pommes importées par des pommes "
            "du Québec, et le coût a baissé grâce à un achat groupé.",
            url=f"/c/{communities[k % 3].slug}/fils/{n}/#reponse-{k}",
        )
        for n, user in enumerate(users)
        for k in range(per_member)
    )


if __name__ == "__main__":
    main()
