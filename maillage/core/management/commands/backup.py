from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from maillage.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (a consistent copy, while the site runs) and the "
        "uploaded files into a timestamped folder."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Folder that receives the backup (default: var/backups/).",
        )
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--no-media", action="store_true", help="Leave the uploaded files out."
        )

    def handle(self, *args, output, database, no_media, **options):
        output = output or Path(settings.VAR_DIR) / "backups"
        try:
            folder = create_backup(output, alias=database, media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
