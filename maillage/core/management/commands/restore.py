from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.core.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`. Stop the app servers and "
        "task workers first: every table is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="The backup's folder.")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--database-url",
            default=None,
            help="Restore into this database instead (e.g. a fresh one to check "
            "the backup): sqlite:////path/file.sqlite3 or postgres://...",
        )
        parser.add_argument(
            "--no-media", action="store_true", help="Leave the uploaded files alone."
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, backup, database, database_url, no_media, **options):
        try:
            manifest = read_manifest(backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        target = database_url or f"the '{database}' database"
        if options["interactive"]:
            answer = input(
                f"Replace everything in {target} with the backup of "
                f"{manifest['created_at']}? Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore_backup(
                backup,
                alias=database,
                database_url=database_url,
                media=not no_media,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"Restored {rows} rows from {backup} into {target}.")
