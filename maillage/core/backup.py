"""Backups that can be taken while the site runs, and their restore.

A backup is a folder ``maillage-<UTC time>`` holding:

- ``database.sqlite3`` (SQLite's online backup API: a consistent copy even while
  others write) or ``database.dump`` (``pg_dump --format=custom``, which reads
  one snapshot of PostgreSQL);
- ``media.tar.gz``, the uploaded files (local storage only; object storage keeps
  its own versions);
- ``manifest.json``: format, time, engine, and the row count of every table, so
  that a restore can be checked.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections

FORMAT = "maillage-backup/1"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or a restore cannot be done; the message says why."""


def engine_of(database: dict) -> str:
    engine = database["ENGINE"]
    if "sqlite" in engine:
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def table_counts(alias: str = "default") -> dict[str, int]:
    """The number of rows of every table of the project's models."""
    connection = connections[alias]
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
        & set(connection.introspection.table_names())
    )
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608 - model tables
            counts[table] = cursor.fetchone()[0]
    return counts


def _media_root() -> Path | None:
    if isinstance(default_storage, FileSystemStorage):
        return Path(settings.MEDIA_ROOT)
    return None


def _pg_command(database: dict, program: str) -> tuple[list[str], dict]:
    """The connection arguments for pg_dump/pg_restore, the password in the env."""
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (Debian: postgresql-client).")
    args = [program, "--no-owner", "--no-privileges"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            args.append(f"{option}={database[key]}")
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict) -> None:
    result = subprocess.run(  # noqa: S603 - pg_dump/pg_restore, arguments from settings
        args, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()}")


def create_backup(output: Path, *, alias: str = "default", media: bool = True) -> Path:
    """Write a consistent backup of the database (and media) under ``output``."""
    connection = connections[alias]
    engine = engine_of(connection.settings_dict)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    folder = Path(output) / f"maillage-{stamp}"
    folder.mkdir(parents=True)
    if engine == "sqlite":
        source = _sqlite_source(connection)
        target = sqlite3.connect(folder / SQLITE_FILE)
        try:
            source.backup(target)
        finally:
            target.close()
            if source is not connection.connection:
                source.close()
    else:
        database = connection.settings_dict
        args, env = _pg_command(database, "pg_dump")
        args += [
            "--format=custom",
            f"--file={folder / POSTGRES_FILE}",
            database["NAME"],
        ]
        _run(args, env)
    media_root = _media_root()
    with_media = bool(media and media_root and media_root.exists())
    if with_media:
        with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
            archive.add(media_root, arcname="media")
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "engine": engine,
        "media": with_media,
        "tables": table_counts(alias),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return folder


def _outside_transactions(connection) -> None:
    # SQLite's backup waits for ever on a connection that is inside a transaction.
    if connection.in_atomic_block:
        raise BackupError("Back up or restore outside any database transaction.")


def _sqlite_source(connection):
    """A read-only connection of our own to the database file, so that Django's
    connection is left alone; an in-memory database (tests) has only Django's."""
    if connection.is_in_memory_db():
        _outside_transactions(connection)
        connection.ensure_connection()
        return connection.connection
    name = Path(connection.settings_dict["NAME"]).resolve()
    return sqlite3.connect(f"{name.as_uri()}?mode=ro", uri=True)


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    if not path.exists():
        raise BackupError(f"{folder} is not a Maillage backup (no {MANIFEST}).")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format: {manifest.get('format')!r}.")
    return manifest


def restore_backup(
    folder: Path,
    *,
    alias: str = "default",
    database_url: str | None = None,
    media: bool = True,
) -> dict:
    """Put a backup back: into the site's database, or into ``database_url``.

    The site's app servers and task workers must be stopped first: a restore
    replaces every table. Returns the manifest.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    if database_url:
        database = dj_database_url.parse(database_url)
    else:
        database = connections[alias].settings_dict
    engine = engine_of(database)
    if engine != manifest["engine"]:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database, not {engine}."
        )
    if engine == "sqlite":
        source = sqlite3.connect(folder / SQLITE_FILE)
        try:
            if database_url:
                target = sqlite3.connect(database["NAME"])
                try:
                    source.backup(target)
                finally:
                    target.close()
            else:
                connection = connections[alias]
                _outside_transactions(connection)
                connection.ensure_connection()
                with connection.wrap_database_errors:
                    source.backup(connection.connection)
        finally:
            source.close()
    else:
        args, env = _pg_command(database, "pg_restore")
        args += [
            "--clean",
            "--if-exists",
            "--single-transaction",
            f"--dbname={database['NAME']}",
            str(folder / POSTGRES_FILE),
        ]
        _run(args, env)
    media_root = _media_root()
    if media and manifest["media"] and media_root is not None:
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
            members = [m for m in archive.getmembers() if m.name.startswith("media")]
            for member in members:
                member.name = member.name.removeprefix("media").lstrip("/") or "."
            archive.extractall(media_root, members=members, filter="data")
    return manifest
