from django.core.management.base import BaseCommand

from maillage.core.markdown import MAX_NESTING
from maillage.core.repair import repair_stored_texts


class Command(BaseCommand):
    help = (
        "Find stored Markdown texts (every MarkdownField of every app) that do "
        f"not render, or nest lists and quotes deeper than {MAX_NESTING} levels, "
        "and repair them: the excess nesting is flattened, and a text that still "
        "does not render has its Markdown escaped so that it shows as written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list the texts that would be repaired; change nothing.",
        )

    def handle(self, *args, dry_run, **options):
        count = 0
        for repair in repair_stored_texts(dry_run=dry_run):
            count += 1
            self.stdout.write(str(repair))
        if dry_run:
            self.stdout.write(f"{count} text(s) to repair; nothing was changed.")
        else:
            self.stdout.write(f"{count} text(s) repaired.")
