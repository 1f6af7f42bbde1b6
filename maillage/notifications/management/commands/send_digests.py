from django.core.management.base import BaseCommand

from maillage.notifications import services
from maillage.notifications.models import Frequency


class Command(BaseCommand):
    help = (
        "E-mail the daily or weekly notification digests. Meant for a scheduler "
        "(cron): running it twice sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            required=True,
            choices=[Frequency.DAILY, Frequency.WEEKLY],
            help="Which digest to send.",
        )

    def handle(self, *args, frequency, **options):
        sent = services.send_digests(frequency=frequency)
        if options["verbosity"] > 0:
            self.stdout.write(f"{sent} {frequency} digest(s) queued.")
