"""`manage.py backup` and `manage.py restore`: a backup put back into a fresh
database holds the same content, on SQLite and on PostgreSQL."""

import io
import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.core.backup import MANIFEST, table_counts

needs_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the suite runs on PostgreSQL"
)
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql" or shutil.which("pg_dump") is None,
    reason="the suite runs on SQLite, or pg_dump is missing",
)


def make_content(settings):
    community = CommunityFactory(name="Mauricie mange local", slug="mauricie")
    MembershipFactory.create_batch(3, community=community)
    upload = settings.MEDIA_ROOT / "ressources" / "menu.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("Menu de la semaine", encoding="utf-8")
    return community, upload


def back_up(tmp_path) -> str:
    out = io.StringIO()
    call_command("backup", output=tmp_path / "backups", stdout=out)
    return out.getvalue().strip()


@needs_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restored_into_a_fresh_sqlite_database_has_the_same_content(
    tmp_path, settings
):
    """Every table has the same rows in the fresh database, files included."""
    community, _upload = make_content(settings)
    folder = back_up(tmp_path)
    manifest = json.loads((Path(folder) / MANIFEST).read_text())
    assert manifest["tables"] == table_counts()

    fresh = tmp_path / "fresh.sqlite3"
    call_command(
        "restore",
        folder,
        database_url=f"sqlite:///{fresh}",
        interactive=False,
        stdout=io.StringIO(),
    )
    restored = sqlite3.connect(fresh)
    assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for table, count in table_counts().items():
        rows = restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608 - model tables
        assert rows == count, table
    name = restored.execute(
        "SELECT name FROM communities_community WHERE slug = 'mauricie'"
    ).fetchone()
    assert name == (community.name,)


@needs_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_puts_the_site_back_as_it_was_backed_up(tmp_path, settings):
    """After a backup, changes and deleted files are undone by the restore."""
    community, upload = make_content(settings)
    before = table_counts()
    folder = back_up(tmp_path)

    Membership.objects.all().delete()
    Community.objects.filter(pk=community.pk).update(name="Changé")
    upload.unlink()

    call_command("restore", folder, interactive=False, stdout=io.StringIO())
    assert table_counts() == before
    assert Community.objects.get(pk=community.pk).name == "Mauricie mange local"
    assert upload.read_text(encoding="utf-8") == "Menu de la semaine"


@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restored_into_a_fresh_postgres_database_has_the_same_content(
    tmp_path, settings
):
    """pg_dump's copy, restored by pg_restore into a new database, is the same."""
    import psycopg

    community, _upload = make_content(settings)
    counts = table_counts()
    folder = back_up(tmp_path)

    params = connection.settings_dict
    fresh = f"maillage_restore_{uuid.uuid4().hex[:8]}"
    admin_url = (
        f"postgresql://{params['USER']}@{params['HOST'] or 'localhost'}:"
        f"{params['PORT'] or 5432}/postgres"
    )
    if params.get("PASSWORD"):
        admin_url = admin_url.replace("@", f":{params['PASSWORD']}@", 1)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        call_command(
            "restore",
            folder,
            database_url=admin_url.rsplit("/", 1)[0] + f"/{fresh}",
            interactive=False,
            stdout=io.StringIO(),
        )
        with psycopg.connect(admin_url.rsplit("/", 1)[0] + f"/{fresh}") as restored:
            for table, count in counts.items():
                rows = restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()  # noqa: S608 - model tables
                assert rows[0] == count, table
            name = restored.execute(
                "SELECT name FROM communities_community WHERE slug = 'mauricie'"
            ).fetchone()
            assert name == (community.name,)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path, db):
    """A folder without a manifest is refused with a clear message."""
    with pytest.raises(CommandError, match="not a Maillage backup"):
        call_command("restore", tmp_path, interactive=False)


def test_restore_refuses_a_backup_of_another_database_engine(tmp_path, db):
    """A PostgreSQL dump cannot be restored into SQLite, nor the reverse."""
    (tmp_path / MANIFEST).write_text(
        json.dumps({"format": "maillage-backup/1", "engine": "oracle", "tables": {}})
    )
    with pytest.raises(CommandError, match="backup is of a oracle database"):
        call_command("restore", tmp_path, interactive=False)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_goes_to_var_backups_by_default(tmp_path, settings):
    """Without --output, backups land in var/backups/."""
    settings.VAR_DIR = tmp_path
    out = io.StringIO()
    call_command("backup", "--no-media", stdout=out)
    assert out.getvalue().strip().startswith(str(tmp_path / "backups" / "maillage-"))
