"""Concurrent writers on the SQLite default, through gunicorn and the real forms.

20 clients post replies and toggle reactions for 30 s while 5 clients read
threads; then every accepted write is looked for in the database. Exits non-zero
on any error, any "database is locked", a write p95 above 0.75 s, or a count that
does not match. Traffic stays on 127.0.0.1; every loop is bounded in time.

    .venv/bin/python -m bench.loadtest [--seconds 30] [--writers 20] [--readers 5]
"""

import argparse
import http.cookiejar
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = _free_port()
BASE = f"http://127.0.0.1:{PORT}"
MARKER = "loadtest-reply"
P95_LIMIT = 0.75


def setup_database(people: int, threads: int):
    """A fresh database: one community, its members, and threads to write in."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return seed(people, threads, password="x")  # noqa: S106 - local load test


def seed(people: int, threads: int, password: str | None = None):
    """One community, its members (signed in: their session keys) and threads.

    Without ``password`` the members have none: the clients never sign in, and
    production's password hashing would only slow the seeding down."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from maillage.accounts.models import User
    from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
    from maillage.conversations import services as conversations

    community = CommunityFactory(slug="charge", name="Charge")
    members = []
    for n in range(people):
        user = User.objects.create_user(
            email=f"charge{n}@exemple.qc.ca",
            password=password,
            display_name=f"Charge {n}",
        )
        MembershipFactory(community=community, user=user)
        members.append(user)
    thread_ids = [
        conversations.create_thread(
            author=members[n % people],
            community=community,
            kind="discussion",
            title=f"Fil de charge {n}",
            sections={"body": "Un fil pour la charge."},
        ).pk
        for n in range(threads)
    ]
    sessions = []
    for user in members:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    return sessions, thread_ids


class Client:
    """One browser-like client: cookies, CSRF token from the page's forms.

    With several ``bases`` (app servers), each request goes to the next one in
    turn, from ``first``: a page read on one server, its form posted to the
    other. With
    ``proxy_host`` (the site's public name), every request carries what the
    HTTPS reverse proxy passes on (``Host: proxy_host``, ``X-Forwarded-Proto:
    https``, ``X-Forwarded-For: client_ip``), so that production settings (HTTPS
    only, Secure cookies) serve it on loopback as they would behind nginx."""

    def __init__(
        self,
        session_key: str | None,
        bases: list[str] | None = None,
        proxy_host: str | None = None,
        client_ip: str = "192.0.2.1",
        first: int = 0,
    ):
        policy = ProxiedCookiePolicy() if proxy_host else None
        self.jar = http.cookiejar.CookieJar(policy)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar),
            NoRedirect(),
        )
        if session_key:
            self.jar.set_cookie(cookie("sessionid", session_key))
        self.csrf = ""
        self.bases = bases or [BASE]
        self.turn = first
        self.headers = {}
        self.proxy_host = proxy_host
        if proxy_host:
            self.headers = {
                "Host": proxy_host,
                "X-Forwarded-Proto": "https",
                "X-Forwarded-For": client_ip,
            }
        self.last_base = self.bases[0]

    def next_base(self) -> str:
        self.last_base = self.bases[self.turn % len(self.bases)]
        self.turn += 1
        return self.last_base

    def referer(self, base: str, path: str) -> str:
        if self.proxy_host:
            return f"https://{self.proxy_host}{path}"
        return base + path

    def get(self, path: str, base: str | None = None) -> tuple[int, str]:
        base = base or self.next_base()
        request = urllib.request.Request(base + path, headers=self.headers)  # noqa: S310 - our own http://127.0.0.1 servers
        try:
            with self.opener.open(request, timeout=10) as response:
                html = response.read().decode()
                status = response.status
        except urllib.error.HTTPError as error:
            return error.code, ""
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if found:
            self.csrf = found.group(1)
        return status, html

    def post(self, path: str, data: dict, base: str | None = None) -> int:
        return self.post_page(path, data, base)[0]

    def post_page(
        self, path: str, data: dict, base: str | None = None
    ) -> tuple[int, str]:
        base = base or self.next_base()
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf})
        request = urllib.request.Request(  # noqa: S310 - base is http://127.0.0.1
            base + path,
            data=body.encode(),
            headers={**self.headers, "Referer": self.referer(base, path)},
        )
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)


class ProxiedCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """Behind the proxy the site is HTTPS: its Secure cookies go back to the
    app servers over loopback HTTP, as the proxy would pass them on."""

    def return_ok_secure(self, cookie, request):
        return True


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp


def cookie(name, value):
    return http.cookiejar.Cookie(
        0,
        name,
        value,
        None,
        False,
        "127.0.0.1",
        False,
        False,
        "/",
        True,
        False,
        None,
        False,
        None,
        None,
        {},
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--readers", type=int, default=5)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.loadtest_settings"
    var = ROOT / "var" / "loadtest"
    shutil.rmtree(var, ignore_errors=True)
    var.mkdir(parents=True)
    sessions, thread_ids = setup_database(args.writers + args.readers, 20)

    log = open(var / "gunicorn.log", "w")  # noqa: SIM115 - closed at the end
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, on loopback
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--timeout",
            "30",
            "--access-logfile",
            "-",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.loadtest_settings"},
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/", timeout=1)  # noqa: S310 - our own http://127.0.0.1 server
                break
            except OSError:
                time.sleep(0.2)
        result = run_load(args, sessions, thread_ids)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    return report(result, [var / "gunicorn.log"])


def run_load(args, sessions, thread_ids, bases=None, proxy_host=None):
    lock = threading.Lock()
    stats = {
        "reply_attempted": 0,
        "reply_accepted": 0,
        "reaction_attempted": 0,
        "reaction_accepted": 0,
        "reads": 0,
        "errors": [],
        "write_times": [],
        "toggles": {},
    }
    deadline = time.monotonic() + args.seconds

    def writer(n: int):
        rng = random.Random(n)  # noqa: S311 - load pattern, not security
        client = Client(sessions[n], bases, proxy_host, f"198.51.100.{n + 1}", n)
        others = [t for k, t in enumerate(thread_ids) if k % len(sessions) != n]
        while time.monotonic() < deadline:
            thread = rng.choice(thread_ids)
            try:
                status, _html = client.get(f"/echanges/{thread}/")
                if status != 200:
                    raise RuntimeError(f"GET thread {status}")
                if rng.random() < 0.6:
                    started = time.monotonic()
                    text = f"{MARKER} {n}-{time.monotonic_ns()}"
                    code = client.post(f"/echanges/{thread}/repondre/", {"body": text})
                    elapsed = time.monotonic() - started
                    with lock:
                        stats["reply_attempted"] += 1
                        stats["write_times"].append(elapsed)
                        if code in (302, 303):
                            stats["reply_accepted"] += 1
                        else:
                            stats["errors"].append(f"reply {code}")
                else:
                    # One does not react to one's own threads: member n wrote
                    # threads n, n + people, ... (seed).
                    thread = rng.choice(others)
                    started = time.monotonic()
                    code = client.post(
                        f"/echanges/{thread}/reactions/", {"kind": "useful"}
                    )
                    elapsed = time.monotonic() - started
                    with lock:
                        stats["reaction_attempted"] += 1
                        stats["write_times"].append(elapsed)
                        if code in (200, 302, 303):
                            stats["reaction_accepted"] += 1
                            key = (n, thread)
                            stats["toggles"][key] = stats["toggles"].get(key, 0) + 1
                        else:
                            stats["errors"].append(f"reaction {code}")
            except Exception as error:
                with lock:
                    stats["errors"].append(repr(error))

    def reader(n: int):
        rng = random.Random(1000 + n)  # noqa: S311 - reproducible load, no secret
        client = Client(
            sessions[args.writers + n], bases, proxy_host, f"203.0.113.{n + 1}", n
        )
        while time.monotonic() < deadline:
            try:
                status, _html = client.get(f"/echanges/{rng.choice(thread_ids)}/")
                with lock:
                    stats["reads"] += 1
                    if status != 200:
                        stats["errors"].append(f"read {status}")
            except Exception as error:
                with lock:
                    stats["errors"].append(repr(error))

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(args.writers)]
    workers += [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=args.seconds + 60)
    stats["sessions"] = sessions
    return stats


def report(stats, log_paths: list[Path], p95_limit: float = P95_LIMIT) -> int:
    from maillage.conversations.models import Reaction, Reply

    found_replies = Reply.objects.filter(body__startswith=MARKER).count()
    # Each accepted toggle flips the reaction: an odd count leaves one standing.
    expected_reactions = sum(1 for count in stats["toggles"].values() if count % 2)
    found_reactions = Reaction.objects.filter(reply__isnull=True).count()
    times = sorted(stats["write_times"])
    p95 = times[int(0.95 * (len(times) - 1))] if times else 0.0
    locked = sum(path.read_text().count("database is locked") for path in log_paths)
    print(
        f"replies:   attempted {stats['reply_attempted']}, accepted "
        f"{stats['reply_accepted']}, found afterwards {found_replies}"
    )
    print(
        f"reactions: attempted {stats['reaction_attempted']}, accepted "
        f"{stats['reaction_accepted']}, standing afterwards {found_reactions} "
        f"(expected {expected_reactions})"
    )
    print(
        f"reads: {stats['reads']}; errors: {len(stats['errors'])}; "
        f"'database is locked' in the server log: {locked}"
    )
    if times:
        print(
            f"write latency: median {statistics.median(times):.3f} s, "
            f"p95 {p95:.3f} s, max {times[-1]:.3f} s over {len(times)} writes"
        )
    failures = []
    if stats["errors"]:
        failures.append(f"errors: {stats['errors'][:5]}")
    if locked:
        failures.append("database is locked")
    if found_replies != stats["reply_accepted"]:
        failures.append("accepted replies missing")
    if found_reactions != expected_reactions:
        failures.append("reactions do not match the accepted toggles")
    if p95 > p95_limit:
        failures.append(f"write p95 {p95:.3f} s > {p95_limit} s")
    print("OK" if not failures else "FAILED: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
