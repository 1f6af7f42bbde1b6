"""Maillage on several machines, started for real and checked (`make cluster-test`).

Starts, on loopback and free ports: two gunicorn app servers (production
settings from the environment, ``config/gunicorn.py``), two ``db_worker`` task
workers, and an SMTP sink; uses the PostgreSQL at ``CLUSTER_PG_URL`` (a fresh
database ``maillage_cluster``, dropped at the end) and the Redis at
``CLUSTER_REDIS_URL`` (one dedicated database number, flushed before and after).
Then checks, and prints:

1. sessions are shared: signed in on A, the cookie works on B; signed out on B,
   it no longer works on A;
2. the login rate limit counts across both servers;
3. a file in the shared upload storage is read through both servers;
4. every e-mail queued by password resets on both servers is sent exactly once
   by the two workers;
5. two ``send_digests`` started at once send each person's digest once;
6. the load test (bench/loadtest.py) through both servers, no error;
7. in all: every ``send_email`` task ran once, on one worker, and the sink got
   exactly the messages the tasks hold.

Every process is stopped, the database dropped and the Redis database flushed,
even on failure or Ctrl-C. Exit status 0 only when every check passed.

    .venv/bin/python -m cluster [--seconds 15] [--writers 12] [--readers 4]
        [--keep-logs]
"""

import argparse
import contextlib
import io
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections import Counter
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get(
    "CLUSTER_PG_URL", "postgres://postgres@127.0.0.1:5432/maillage_cluster"
)
REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/13")
PASSWORD = "Grappe-de-serveurs-" + secrets.token_hex(8)
# The site's public name: the proxy passes it on as Host to every app server.
PUBLIC_HOST = "maillage.example"
RESETS = 12
# Seconds for both digest runs to start Django before they send, together.
DIGEST_START_DELAY = float(os.environ.get("CLUSTER_DIGEST_START_DELAY", "8"))
# The load test's write p95 limit here: the whole cluster (4 web workers, 2 task
# workers, PostgreSQL, the clients) shares the machine's cores, where the
# single-server load test has them to itself (0.75 s, bench/loadtest.py).
LOAD_P95_LIMIT = 1.5
DIGEST_PEOPLE = int(os.environ.get("CLUSTER_DIGEST_PEOPLE", "400"))
DIGEST_ROUNDS = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def expect(condition, message: str) -> None:
    """A check's assertion (kept under ``python -O``, unlike ``assert``)."""
    if not condition:
        raise AssertionError(message)


def say(text: str = "") -> None:
    print(text, flush=True)


class Cluster:
    """The processes started for the run; ``stop()`` ends each, by its group."""

    def __init__(self, workdir: Path, env: dict):
        self.workdir = workdir
        self.env = env
        self.processes: list[tuple[str, subprocess.Popen, Path]] = []

    def start(self, name: str, argv: list[str], **extra) -> subprocess.Popen:
        log = self.workdir / "logs" / f"{name}.log"
        with open(log, "w") as out:
            process = subprocess.Popen(  # noqa: S603 - our own programs, on loopback
                [sys.executable, *argv],
                cwd=ROOT,
                env={**self.env, **extra},
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=own_group_ended_with_us,
            )
        self.processes.append((name, process, log))
        return process

    def logs(self, prefix: str = "") -> list[Path]:
        return [log for name, _p, log in self.processes if name.startswith(prefix)]

    def stop(self) -> None:
        for _name, process, _log in self.processes:
            if process.poll() is None:
                with_group(process, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for _name, process, _log in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with_group(process, signal.SIGKILL)
                process.wait(timeout=10)
        # gunicorn's workers are in the master's group: none may outlive it.
        for _name, process, _log in self.processes:
            with_group(process, signal.SIGKILL)


def own_group_ended_with_us() -> None:
    """In the child: its own process group (stopped as a whole at the end), and,
    on Linux, SIGTERM when the test itself dies, even by SIGKILL."""
    os.setsid()
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def with_group(process: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def wait_healthy(base: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{base} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/sante/", timeout=2) as response:  # noqa: S310 - our own http://127.0.0.1 server
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{base}/sante/ did not answer within {seconds} s")


# The database and Redis ----------------------------------------------------------


def _pg_parts() -> tuple[str, str]:
    parsed = urllib.parse.urlparse(PG_URL)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    return admin, name


def create_database() -> None:
    import psycopg

    admin, name = _pg_parts()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database() -> None:
    import psycopg

    admin, name = _pg_parts()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_db():
    import redis

    return redis.Redis.from_url(REDIS_URL)


# The data ------------------------------------------------------------------------


def seed() -> dict:
    """The people the checks use; returns what the checks need to know."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from maillage.accounts.models import Consent, User
    from maillage.communities.models import Membership
    from maillage.communities.tests.factories import CommunityFactory

    password = make_password(PASSWORD)

    def person(email: str, **fields) -> User:
        user = User.objects.create(
            email=email, display_name=email.split("@")[0], password=password, **fields
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    staff = person("grappe-equipe@cluster.example", is_staff=True)
    person("grappe-limite@cluster.example")
    for n in range(RESETS):
        person(f"grappe-oubli{n}@cluster.example")
    CommunityFactory(slug="partage", name="Partage")

    digest = CommunityFactory(slug="resume", name="Résumé")
    now = timezone.now()
    people = User.objects.bulk_create(
        User(
            email=f"grappe-resume{n}@cluster.example",
            display_name=f"Résumé {n}",
            password=password,
        )
        for n in range(DIGEST_PEOPLE * DIGEST_ROUNDS)
    )
    Consent.objects.bulk_create(
        Consent(user=u, purpose=Consent.Purpose.EMAIL, given_at=now) for u in people
    )
    Membership.objects.bulk_create(
        Membership(community=digest, user=u, state="active", joined_at=now)
        for u in people
    )
    return {"staff": staff, "digest": digest, "digest_people": people}


# The checks ----------------------------------------------------------------------


class Check:
    def __init__(self, only: str = ""):
        self.results: list[tuple[str, bool, str]] = []
        self.only = {part.strip() for part in only.split(",") if part.strip()}

    def run(self, title: str, function, *args) -> None:
        if self.only and title.split(".")[0] not in self.only:
            return
        say(f"\n== {title}")
        started = time.monotonic()
        try:
            detail = function(*args) or ""
        except Exception as error:
            if not isinstance(error, AssertionError):
                traceback.print_exc()
            detail = f"{type(error).__name__}: {error}"
            self.results.append((title, False, detail))
            say(f"   FAILED: {detail}")
        else:
            self.results.append((title, True, detail))
            say(f"   ok ({time.monotonic() - started:.1f} s) {detail}")


def load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def new_client(ip: str, session_key: str | None = None, bases=None):
    from bench.loadtest import Client

    return Client(session_key, bases, proxy_host=PUBLIC_HOST, client_ip=ip)


def login(client, base: str, email: str, password: str) -> tuple[int, str]:
    status, _html = client.get("/compte/login/", base=base)
    expect(status == 200, f"login page on {base}: {status}")
    return client.post_page(
        "/compte/login/", {"login": email, "password": password}, base=base
    )


def check_sessions(a: str, b: str) -> str:
    client = new_client("192.0.2.10")
    status, _ = login(client, a, "grappe-equipe@cluster.example", PASSWORD)
    session = client.cookie("sessionid")
    expect(status == 302 and session, f"sign-in on A answered {status}")
    say(f"   signed in on A ({a}): 302, session cookie {session[:6]}…")

    on_b = new_client("192.0.2.10", session)
    status, html = on_b.get("/compte/reglages/", base=b)
    expect(status == 200, f"account settings on B with A's cookie: {status}")
    expect("grappe-equipe@cluster.example" in html, "B does not show the account")
    anonymous_status, _ = new_client("192.0.2.11").get("/compte/reglages/", base=b)
    expect(anonymous_status == 302, "B lets an anonymous visitor in")
    say(f"   B ({b}) with A's cookie: 200, the account's page (anonymous: 302)")

    status = on_b.post("/compte/logout/", {}, base=b)
    expect(status == 302, f"sign-out on B answered {status}")
    status, _ = new_client("192.0.2.10", session).get("/compte/reglages/", base=a)
    expect(status == 302, f"A still accepts the session B ended: {status}")
    say("   signed out on B: A no longer accepts the cookie (302 to sign-in)")
    return "a session made on A works on B, ended on B is ended on A"


def check_rate_limit(a: str, b: str) -> str:
    from django.conf import settings

    email = "grappe-limite@cluster.example"
    limit = settings.ACCOUNT_RATE_LIMITS["login_failed"]
    per_key = int(re.search(r"(\d+)/\w+/key", limit).group(1))
    client = new_client("192.0.2.20")
    servers = []
    for attempt in range(per_key):
        base = (a, b)[attempt % 2]
        status, _html = login(client, base, email, "pas-le-bon-mot-de-passe")
        expect(
            status == 200 and not client.cookie("sessionid"),
            f"failed attempt {attempt + 1} answered {status}",
        )
        servers.append("AB"[attempt % 2])
    say(
        f"   {per_key} wrong passwords for one address, on "
        f"{'/'.join(servers)} ({servers.count('A')} on A, {servers.count('B')} on B);"
        f" limit {limit}"
    )
    status, html = login(client, b, email, PASSWORD)
    expect(
        status == 200 and not client.cookie("sessionid"),
        f"the right password after {per_key} failures was let in on B ({status})",
    )
    from django.utils import translation

    from maillage.accounts.adapter import AccountAdapter

    with translation.override("fr"):
        refusal = str(AccountAdapter.error_messages["too_many_login_attempts"])
    expect(escape(refusal) in html, "B's answer does not say why it refused")
    keys = [k.decode() for k in redis_db().scan_iter("*login_failed*")]
    expect(keys, "no login_failed counter in Redis")
    say(
        f"   then the right password on B: refused (200, no session, «{refusal}»);"
        f" counters in Redis: {len(keys)}"
    )
    # Neither server counted the limit alone: each saw fewer than per_key.
    expect(
        max(servers.count("A"), servers.count("B")) < per_key,
        "one server alone saw the whole limit: the check proves nothing",
    )
    return "the limit counted failures made on both servers"


def check_uploads(a: str, b: str, staff) -> str:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from maillage.communities.models import Community

    from .media_probe import folder

    community = Community.objects.get(slug="partage")
    content = ("Fichier déposé une fois, lu par chaque serveur. " * 20).encode()
    stored = default_storage.save(
        f"{folder(community)}/depot.txt", ContentFile(content)
    )
    say(f"   stored {stored} ({len(content)} bytes) in MEDIA_ROOT (shared)")
    client = new_client("192.0.2.30")
    status, _ = login(client, a, staff.email, PASSWORD)
    expect(status == 302, f"staff sign-in: {status}")
    for name, base in (("A", a), ("B", b)):
        request = urllib.request.Request(  # noqa: S310 - our own loopback server
            base + f"/c/{community.slug}/exporter/", headers=client.headers
        )
        with client.opener.open(request, timeout=30) as response:
            expect(response.status == 200, f"export on {name}: {response.status}")
            archive = zipfile.ZipFile(io.BytesIO(response.read()))
        inside = f"files/{Path(stored).name}"
        expect(inside in archive.namelist(), f"{name}'s export lacks {inside}")
        expect(archive.read(inside) == content, f"{name} read other bytes")
        say(f"   {name}: the export ZIP holds {inside}, same bytes")
    return "one stored file, read through A and through B"


def wait_for_tasks(seconds: float = 120) -> None:
    from django.db import connections
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pending = DBTaskResult.objects.exclude(
            status__in=["SUCCESSFUL", "FAILED"]
        ).count()
        if not pending:
            return
        connections.close_all()
        time.sleep(0.5)
    raise AssertionError(f"{pending} task(s) still waiting after {seconds} s")


def check_emails(a: str, b: str, sink) -> str:
    start = sink.count()
    addresses = [f"grappe-oubli{n}@cluster.example" for n in range(RESETS)]
    for n, address in enumerate(addresses):
        base = (a, b)[n % 2]
        client = new_client(f"192.0.2.{100 + n}")
        client.get("/compte/password/reset/", base=base)
        status = client.post("/compte/password/reset/", {"email": address}, base=base)
        expect(status == 302, f"password reset for {address} on {base}: {status}")
    say(f"   {RESETS} password resets asked, alternately on A and B")
    wait_for_tasks()
    received = sink.per_recipient(start)
    counts = Counter(received[address] for address in addresses)
    say(f"   received per address: {dict(sorted(counts.items()))} (count: addresses)")
    expect(counts == Counter({1: RESETS}), "not every reset e-mail arrived once")
    return f"{RESETS} e-mails queued on two servers, each delivered once"


def check_digests(cluster: "Cluster", sink, seeded: dict) -> str:
    from django.db import connections

    from maillage.notifications.models import Notification

    people = seeded["digest_people"]
    details = []
    for round_ in range(DIGEST_ROUNDS):
        group = people[round_ * DIGEST_PEOPLE : (round_ + 1) * DIGEST_PEOPLE]
        Notification.objects.bulk_create(
            Notification(
                recipient=person,
                community=seeded["digest"],
                kind="new_reply",
                subject=f"Une réponse dans un fil suivi, {n}-{k}",
                excerpt="Nous avons remplacé les pommes importées par des pommes "
                "du Québec.",
                url=f"/c/resume/fils/{n}/#reponse-{k}",
            )
            for n, person in enumerate(group)
            for k in range(3)
        )
        connections.close_all()
        start = sink.count()
        # Both start Django, then call send_digests at the same instant.
        at = f"{time.time() + DIGEST_START_DELAY:.3f}"
        runs = [
            cluster.start(
                f"digests-{round_ + 1}-{n + 1}",
                ["-m", "cluster.digest_run", "--at", at, "--frequency", "daily"],
            )
            for n in range(2)
        ]
        sent, spans = [], []
        for process in runs:
            expect(process.wait(timeout=120) == 0, "send_digests failed")
        for log in cluster.logs(f"digests-{round_ + 1}-"):
            text = log.read_text()
            found = re.search(r"(\d+) daily digest", text)
            expect(found, f"no count in {log.name}")
            sent.append(int(found.group(1)))
            spans.append(
                [
                    float(t)
                    for t in re.findall(r"(?:started|finished) at ([\d.]+)", text)
                ]
            )
        overlap = min(end for _s, end in spans) - max(start for start, _e in spans)
        left = Notification.objects.filter(
            recipient__in=group, emailed_at__isnull=True
        ).count()
        wait_for_tasks()
        received = sink.per_recipient(start)
        per_person = Counter(received[p.email] for p in group)
        say(
            f"   round {round_ + 1}: two runs at once queued {sent[0]} + {sent[1]}"
            f" digests for {len(group)} people; received per person:"
            f" {dict(sorted(per_person.items()))}; notifications left unsent: {left};"
            f" the runs overlapped {max(overlap, 0):.2f} s"
        )
        expect(sum(sent) == len(group), f"{sum(sent)} digests for {len(group)}")
        expect(per_person == Counter({1: len(group)}), "a digest missing or doubled")
        expect(left == 0, f"{left} notifications never e-mailed")
        details.append(f"{sent[0]}+{sent[1]}")
    return f"{DIGEST_ROUNDS} rounds, each person one digest ({', '.join(details)})"


def check_load(a: str, b: str, cluster: "Cluster", args) -> str:
    from django.db import connections

    from bench import loadtest

    sessions, thread_ids = loadtest.seed(args.writers + args.readers, 20)
    connections.close_all()
    say(
        f"   {args.writers} writers and {args.readers} readers for {args.seconds:g} s"
        f" (write p95 limit {LOAD_P95_LIMIT} s; load average {load()}),"
        " each request to the next server in turn (a page read on one, its form"
        " posted on the other)"
    )
    stats = loadtest.run_load(args, sessions, thread_ids, [a, b], PUBLIC_HOST)
    status = loadtest.report(stats, cluster.logs("web-"), LOAD_P95_LIMIT)
    served = {}
    for log in cluster.logs("web-"):
        text = log.read_text()
        served[log.stem] = (
            text.count('"GET /echanges/'),
            text.count('"POST /echanges/'),
        )
    say(
        "   served (GET / POST of exchanges): "
        + ", ".join(
            f"{name} {got} / {posted}" for name, (got, posted) in served.items()
        )
    )
    expect(status == 0, "the load test failed")
    expect(all(min(pair) for pair in served.values()), "a server took no load")
    return f"{stats['reply_accepted']} replies, {stats['reads']} reads, no error"


def check_tasks(sink) -> str:
    from django_tasks_db.models import DBTaskResult

    wait_for_tasks()
    tasks = DBTaskResult.objects.filter(task_path__endswith=".send_email")
    statuses = Counter(tasks.values_list("status", flat=True))
    workers = Counter()
    expected = Counter()
    for worker_ids, args_kwargs in tasks.values_list("worker_ids", "args_kwargs"):
        expect(len(worker_ids) == 1, f"a task ran on {worker_ids}")
        workers[worker_ids[0]] += 1
        kwargs = args_kwargs["kwargs"]
        subject = " ".join(kwargs["subject"].split())
        for address in kwargs["to"]:
            expected[(address.lower(), subject)] += 1
    delivered = sink.deliveries()
    say(f"   send_email tasks: {dict(statuses)}; by worker: {dict(workers)}")
    say(
        f"   messages at the sink: {sink.count()}; deliveries expected from the"
        f" tasks: {sum(expected.values())}"
    )
    expect(statuses.get("FAILED", 0) == 0, "a send_email task failed")
    expect(set(statuses) == {"SUCCESSFUL"}, f"tasks not finished: {dict(statuses)}")
    expect(len(workers) == 2, f"not both workers sent mail: {dict(workers)}")
    missing = expected - delivered
    extra = delivered - expected
    expect(not missing, f"never delivered: {list(missing)[:3]}")
    expect(not extra, f"delivered more than queued: {list(extra)[:3]}")
    return (
        f"{sum(statuses.values())} tasks, each run once; "
        f"{sum(expected.values())} deliveries, none missing, none doubled"
    )


# The run -------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--writers", type=int, default=12)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--keep-logs", action="store_true")
    parser.add_argument(
        "--only", default="", help="the checks to run, by number (e.g. 2,5)"
    )
    args = parser.parse_args(argv)

    def stop(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)

    workdir = Path(tempfile.mkdtemp(prefix="maillage-cluster-"))
    (workdir / "logs").mkdir()
    (workdir / "media").mkdir()
    port_a, port_b = free_port(), free_port()
    a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"

    from .smtp_sink import SmtpSink

    sink = SmtpSink().start()
    inherited = {
        key: value
        for key, value in os.environ.items()
        # Uploads stay in the shared folder below, whatever this shell says.
        if key != "AWS_STORAGE_BUCKET_NAME"
    }
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "cluster.settings",
        "SECRET_KEY": secrets.token_urlsafe(64),
        # The public name, and 127.0.0.1 for the load balancer's /sante/.
        "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1",
        "DATABASE_URL": PG_URL,
        "REDIS_URL": REDIS_URL,
        "MAILLAGE_VAR_DIR": str(workdir / "var"),
        "MEDIA_ROOT": str(workdir / "media"),
        "MAILLAGE_SITE_URL": f"https://{PUBLIC_HOST}",
        "DEFAULT_FROM_EMAIL": "Maillage <bonjour@maillage.example>",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "EMAIL_USE_TLS": "false",
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "TRUSTED_PROXY_COUNT": "1",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
        # The load test posts far faster than a person.
        "MAILLAGE_POSTS_PER_MINUTE": "0",
        "PYTHONUNBUFFERED": "1",
    }
    os.environ.pop("AWS_STORAGE_BUCKET_NAME", None)
    os.environ.update(env)
    cluster = Cluster(workdir, env)
    check = Check(args.only)
    failed_to_start = False
    say(
        f"Maillage cluster test — work folder {workdir}; {os.cpu_count()} cores,"
        f" load average {load()}"
    )
    try:
        redis = redis_db()
        redis.ping()
        redis.flushdb()
        create_database()
        say(f"PostgreSQL: fresh database {_pg_parts()[1]}; Redis: {REDIS_URL} flushed")

        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        started = time.monotonic()
        call_command("migrate", verbosity=0)
        call_command("collectstatic", "--noinput", verbosity=0)
        seeded = seed()
        connections.close_all()
        say(
            "migrated, static files collected, seeded"
            f" ({time.monotonic() - started:.0f} s)"
        )

        for name, port in (("web-a", port_a), ("web-b", port_b)):
            cluster.start(
                name,
                ["-m", "gunicorn", "config.wsgi", "-c", "config/gunicorn.py"],
                BIND=f"127.0.0.1:{port}",
            )
        for n in (1, 2):
            cluster.start(
                f"worker-{n}",
                [
                    "manage.py",
                    "db_worker",
                    "--worker-id",
                    f"worker-{n}",
                    "--interval",
                    "0.5",
                ],
            )
        for name, base in (("web-a", a), ("web-b", b)):
            process = next(p for n, p, _l in cluster.processes if n == name)
            wait_healthy(base, process)
        say(
            "Topology: nginx-like proxy headers -> app server A "
            f"{a} and B {b} (gunicorn, 2 workers each) -> PostgreSQL + Redis;"
        )
        say(
            "          task workers worker-1 and worker-2 (db_worker) -> SMTP sink "
            f"127.0.0.1:{sink.port}; uploads in {workdir / 'media'}"
        )

        check.run("1. Sessions shared between the servers", check_sessions, a, b)
        check.run(
            "2. Login rate limit counted across both servers", check_rate_limit, a, b
        )
        check.run(
            "3. Uploads readable from both servers",
            check_uploads,
            a,
            b,
            seeded["staff"],
        )
        check.run(
            "4. Queued e-mails sent exactly once by two workers",
            check_emails,
            a,
            b,
            sink,
        )
        check.run(
            "5. Two concurrent send_digests: one digest each",
            check_digests,
            cluster,
            sink,
            seeded,
        )
        check.run("6. Load test across both servers", check_load, a, b, cluster, args)
        check.run(
            "7. Every send_email task ran once, every message arrived once",
            check_tasks,
            sink,
        )
        for name, process, _log in cluster.processes:
            if name.startswith(("web-", "worker-")) and process.poll() is not None:
                check.results.append((f"{name} still running", False, "it exited"))
    except BaseException:
        failed_to_start = True
        traceback.print_exc()
    finally:
        cluster.stop()
        sink.stop()
        failed = failed_to_start or not all(ok for _t, ok, _d in check.results)
        if failed:
            for log in cluster.logs():
                lines = log.read_text(errors="replace").splitlines()
                interesting = [line for line in lines if '" 200 ' not in line]
                if interesting:
                    say(f"\n--- {log.name} (last lines)")
                    say("\n".join(interesting[-15:]))
        cleanup(workdir, keep=args.keep_logs)

    say("\n== Report")
    for title, ok, detail in check.results:
        say(f"{'PASS' if ok else 'FAIL'}  {title}: {detail}")
    if failed_to_start:
        say("FAIL  the cluster did not run to the end (see above)")
    passed = sum(1 for _t, ok, _d in check.results if ok)
    failures = len(check.results) - passed + int(failed_to_start)
    say(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


def cleanup(workdir: Path, keep: bool) -> None:
    try:
        from django.db import connections

        connections.close_all()
    except Exception:  # noqa: S110 - Django may not have started
        pass
    for step in (drop_database, lambda: redis_db().flushdb()):
        try:
            step()
        except Exception as error:
            say(f"cleanup: {error}")
    if keep:
        say(f"logs kept in {workdir / 'logs'}")
        shutil.rmtree(workdir / "media", ignore_errors=True)
        shutil.rmtree(workdir / "var", ignore_errors=True)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    say("cleaned up: processes stopped, database dropped, Redis database flushed")


if __name__ == "__main__":
    sys.exit(main())
