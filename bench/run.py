"""One benchmark run: one engine, one scale, in its own process.

Run by ``python -m bench`` with DJANGO_SETTINGS_MODULE=bench.settings and
BENCH_SCALE set; prints one JSON line prefixed with ``RESULT``.
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
from math import ceil
from pathlib import Path

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
# Bump when the generated data change, so that saved databases are rebuilt.
GENERATOR_VERSION = 2


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, ceil(fraction * len(ordered)) - 1)]


def marker_path(engine: str, scale: str) -> Path:
    from django.conf import settings

    return Path(settings.VAR_DIR) / "bench" / f"{engine}-x{scale}.json"


def prepare_database(engine: str, scale: str, regenerate: bool) -> dict:
    """Build the network unless a saved one of the same version exists."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    marker = marker_path(engine, scale)
    marker.parent.mkdir(parents=True, exist_ok=True)
    database = settings.DATABASES["default"]
    saved = json.loads(marker.read_text()) if marker.exists() else {}
    exists = (
        Path(database["NAME"]).exists()
        if engine == "sqlite"
        else _postgres_exists(database)
    )
    if not regenerate and exists and saved.get("version") == GENERATOR_VERSION:
        # The project's later migrations (an index, say) apply to a saved network.
        call_command("migrate", verbosity=0)
        with connection.cursor() as cursor:
            # A migration may have rewritten rows: PostgreSQL needs its vacuum
            # (visibility map, statistics) as after a generation.
            cursor.execute("ANALYZE" if engine == "sqlite" else "VACUUM ANALYZE")
        return saved
    if engine == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database['NAME']}{suffix}").unlink(missing_ok=True)
    else:
        _postgres_recreate(database)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from .generate import generate

    generate(float(scale))
    if engine == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    info = {
        "version": GENERATOR_VERSION,
        "generated_in_s": round(time.perf_counter() - started, 1),
        "rows": _counts(),
    }
    marker.write_text(json.dumps(info, indent=2))
    return info


def _admin_connection(database):
    import psycopg

    return psycopg.connect(
        dbname="postgres",
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        autocommit=True,
    )


def _postgres_exists(database) -> bool:
    with _admin_connection(database) as admin:
        row = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
        ).fetchone()
    return row is not None


def _postgres_recreate(database) -> None:
    from psycopg import sql

    name = sql.Identifier(database["NAME"])
    with _admin_connection(database) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))


def _counts() -> dict:
    from maillage.accounts.models import User
    from maillage.communities.models import Community, Membership
    from maillage.conversations.models import (
        Reaction,
        Reply,
        Thread,
        ThreadFollow,
        ThreadVisit,
    )
    from maillage.notifications.models import Notification
    from maillage.organisations.models import Organisation

    return {
        "communities": Community.objects.count(),
        "people": User.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
        "threads": Thread.objects.count(),
        "replies": Reply.objects.count(),
        "reactions": Reaction.objects.count(),
        "thread_tags": Thread.tags.through.objects.count(),
        "thread_follows": ThreadFollow.objects.count(),
        "thread_visits": ThreadVisit.objects.count(),
        "notifications": Notification.objects.count(),
    }


def _expect_ok(response, path):
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")


def measure(runs: int) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from .pages import PAGES, find_picks

    picks = find_picks()
    clients = {None: Client()}
    for viewer in {page.viewer for page in PAGES if page.viewer}:
        clients[viewer] = Client()
        clients[viewer].force_login(getattr(picks, viewer))
    results = []
    for page in PAGES:
        client, path = clients[page.viewer], page.path(picks)
        for _ in range(3):  # warm the caches: templates, query plans
            _expect_ok(client.get(path), path)
        times, queries, writes = [], set(), []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
            _expect_ok(response, path)
            queries.add(len(captured))
            writes += [q["sql"][:120] for q in captured if WRITE.match(q["sql"])]
        results.append(
            {
                "page": page.name,
                "path": path,
                "median_ms": round(statistics.median(times), 2),
                "p95_ms": round(percentile(times, 0.95), 2),
                "queries": max(queries),
                "query_counts_seen": sorted(queries),
                "writes": sorted(set(writes)),
            }
        )
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    scale = os.environ["BENCH_SCALE"]
    info = prepare_database(args.engine, scale, args.regenerate)
    result = {"engine": args.engine, "scale": scale, "data": info}
    # Other work on the machine skews the times: say how busy it was.
    load_before = os.getloadavg()[0]
    result["pages"] = measure(args.runs)
    result["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
