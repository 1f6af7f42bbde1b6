"""The demo, read in French: no English word, no "e-mail", no agreement slip.

The demo data (``seed_demo``) is loaded once. Then every URL pattern of the
site, filled with the demo's objects, is opened as anonymous, a member, a
facilitator and staff (with the admin's index and lists for staff), with
allauth's pages and the error messages of its forms; and the e-mails the demo
can send are rendered. The visible text of each (tags, scripts and the
language switch's "English" left out; the alternative texts and labels kept)
fails the test when it holds:

- a word of ``ENGLISH`` (words that are not French; the demo's own texts are
  French, and its names are not English words);
- "e-mail" or "email" (the site says "courriel");
- an agreement slip: a unit written twice ("13 recettes sur 20 recettes"), the
  participle "visés", a repeated role ("Vous êtes membre (Membre)"), a gender
  in brackets ("connecté(e)": the site writes "connecté·e");
- a decimal point ("22.5": French writes "22,5").

Everything runs in one transaction, rolled back at the end.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from maillage.accounts.models import User
from maillage.communities import services
from maillage.communities.models import Community, Invitation, Membership
from maillage.conversations.models import Flag, Reply, Thread
from maillage.demo.seed import DEMO_PASSWORD, seed_demo
from maillage.method import services as method_services
from maillage.method.models import CommunitySetupStep, Objective
from maillage.notifications.emails import (
    digest_email,
    notification_email,
    unsubscribe_token,
)
from maillage.notifications.models import Notification
from maillage.territories.models import Region
from tests.security.walker import endpoints

# Words that are not French. Words both languages share ("date", "message",
# "change", "discussion", "solution", "invite", "sent", "an", "stage", "export",
# "challenge", "queue", "sponsor", "confirmation", "code") are left out, so
# that a hit is always a leak.
_ENGLISH_WORDS = """
    the and you your yours with this that these those please sign signed signup
    login logout log email mail password passwords save submit edit delete
    cancel back next previous search settings account accounts home reply replies
    thread threads required field enter valid choose select none yes of to is are
    for from by at be has have had not new all more show hide view open close
    closed task tasks result results backend database status name title unknown
    verified unverified primary remove add changed welcome hello thank thanks
    sorry here there what when who which will would can could should must we our
    it its in into than then only also just about after before every each some
    any other same first last read write day days week weeks month today
    yesterday ago hour hours objective objectives meeting member members
    facilitator facilitators charter target progress dashboard timeline region
    regions sector sectors profile directory privacy policy language french
    english community communities people person join leave invited request
    requests pending approve declined send successfully success error errors
    confirm address addresses token key keys link links download following
    follow followers unfollow flag flagged hidden pinned locked solved unsolved
    tip tips challenges lessons learned discussions activity latest older newer
    kind kinds tag related help helper helpers moderator dismiss reason reasons
    yet now never ever
"""
ENGLISH = frozenset(_ENGLISH_WORDS.split())

# Agreement and style slips, as (pattern, what it is).
SLIPS = [
    (
        re.compile(r"\b([^\W\d_]+) sur [\d\u202f\u00a0,]+\s?\1\b"),
        "a unit written twice (“13 recettes sur 20 recettes”)",
    ),
    (
        re.compile(r"(\w+es|%) visés\b"),
        "the participle “visés” after a feminine plural (“recettes visés”)",
    ),
    (
        re.compile(r"\bVous êtes (\w+)\w* \((\w|·)+\)", re.IGNORECASE),
        "a role said twice (“Vous êtes membre (Membre)”)",
    ),
    (re.compile(r"\w\((e|es|s)\)"), "a gender in brackets: the site writes “·e”"),
    (re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])"), "a decimal point: French says “,”"),
]

ADDRESS = re.compile(r"\S+@\S+|https?://\S+|/\S*")
WORD = re.compile(r"[^\W\d_]+")

ROLES = ("anonymous", "member", "facilitator", "staff")
DEMO_LOGINS = {
    "member": "membre@maillage.demo",
    "facilitator": "animatrice@maillage.demo",
    "staff": "admin@maillage.demo",
}
# Not pages: a file, an empty answer, or a fragment asked for by script.
NOT_PAGES = {
    "core:health",
    "communities:community_export",
    "conversations:thread_visit",
}


class VisibleText(HTMLParser):
    """The text a reader meets: text nodes, and the labels read aloud."""

    SKIPPED = {"script", "style", "template"}
    SPOKEN = ("alt", "title", "aria-label", "placeholder", "aria-description")
    VOID = {"input", "img", "br", "hr", "meta", "link", "area", "source", "col"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[bool] = []

    def _skipping(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # The language switch offers "English" in English, on purpose.
        skip = tag in self.SKIPPED or attributes.get("lang", "fr")[:2] != "fr"
        if not self._skipping() and not skip:
            for name in self.SPOKEN:
                if attributes.get(name):
                    self.parts.append(attributes[name])
            if tag == "input" and attributes.get("type") in ("submit", "button"):
                self.parts.append(attributes.get("value") or "")
        if tag not in self.VOID:
            self.stack.append(skip)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def problems_in(text: str) -> list[str]:
    """The English words and slips of a French text."""
    found = []
    plain = ADDRESS.sub(" ", text)
    words = sorted({w for w in WORD.findall(plain) if w.lower() in ENGLISH})
    if words:
        found.append(f"English: {', '.join(words)}")
    for pattern, what in SLIPS:
        for match in pattern.finditer(plain):
            start = max(0, match.start() - 40)
            found.append(f"{what}: …{plain[start : match.end() + 20]}…")
    return found


@dataclass
class Demo:
    """The demo's people and one object of each kind, per community."""

    people: dict
    communities: list
    params: dict = field(default_factory=dict)


def _first(queryset):
    return queryset.order_by("pk").first()


def _demo_objects() -> Demo:
    people = {role: User.objects.get(email=e) for role, e in DEMO_LOGINS.items()}
    communities = list(Community.objects.order_by("pk"))
    demo = Demo(people=people, communities=communities)
    live = next(c for c in communities if not c.is_archived)
    facilitator = people["facilitator"]
    managed = (
        Community.objects.filter(
            memberships__user=facilitator,
            memberships__role=Membership.Role.FACILITATOR,
            archived_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    _invitation, token = services.invite_member(
        actor=facilitator,
        community=managed,
        email="quelquun@exemple.qc.ca",
        message="Bienvenue parmi nous.",
    )
    proposal = method_services.propose_community(
        proposer=people["member"],
        role="Cuisinière",
        organisation="CPE Les Pommettes",
        name="Cantines de l'Outaouais",
        domain="Repas de CPE",
        regions=[Region.objects.order_by("pk").first()],
        needs="Trouver des fermes près de chez nous.",
    )
    by_slug = {}
    for community in communities:
        thread = _first(Thread.objects.filter(community=community))
        reply = _first(Reply.objects.filter(thread__community=community))
        by_slug[community.slug] = {
            "objective": _first(Objective.objects.filter(community=community)),
            "step": _first(CommunitySetupStep.objects.filter(community=community)),
            "thread": thread,
            "reply": reply,
            "request": _first(
                Membership.objects.filter(
                    community=community, state=Membership.State.REQUESTED
                )
            ),
            "invitation": _first(Invitation.objects.filter(community=community)),
            "membership": _first(
                Membership.objects.filter(
                    community=community,
                    state=Membership.State.ACTIVE,
                    role=Membership.Role.MEMBER,
                )
            ),
            "flag": _first(Flag.objects.filter(community=community)),
        }
    demo.params = {
        "by_slug": by_slug,
        "token": token,
        "proposal": proposal,
        "live": live,
    }
    return demo


def _kwargs_for(endpoint, demo: Demo, viewer) -> list[dict]:
    """Every way to fill ``endpoint`` with the demo's objects (one per community
    where the pattern names one)."""
    params = set(endpoint.params)
    name = endpoint.name
    if not params:
        return [{}]
    # allauth's links with a key that opens nothing: the "expired link" pages.
    if name == "account_confirm_email":
        return [{"key": "perime"}]
    if name == "account_reset_password_from_key":
        return [{"uidb36": "1", "key": "perime"}]
    if params == {"token"}:
        if name == "communities:invitation_detail":
            return [{"token": demo.params["token"]}]
        if name == "notifications:unsubscribe" and viewer is not None:
            return [{"token": unsubscribe_token(viewer.pk, ["about_me"])}]
        return []
    if name.startswith("communities:proposal_"):
        return [{"pk": demo.params["proposal"].pk}]
    if name == "communities:profile_detail":
        return [{"pk": p.pk} for p in demo.people.values()]
    if name.startswith("notifications:"):
        note = viewer and _first(Notification.objects.filter(recipient=viewer))
        return [{"pk": note.pk}] if note else []
    found = []
    for community in demo.communities:
        objects = demo.params["by_slug"][community.slug]
        kwargs = {}
        if "slug" in params:
            kwargs["slug"] = community.slug
        if "kind_slug" in params:
            kwargs["kind_slug"] = "defi"
        if "pk" in params:
            obj = _object_for(name, objects)
            if obj is None:
                continue
            kwargs["pk"] = obj.pk
        found.append(kwargs)
    return found


def _object_for(name: str, objects: dict):
    short = name.split(":", 1)[1]
    if short.startswith("objective"):
        return objects["objective"]
    if short.startswith("setup_step"):
        return objects["step"]
    if short.startswith("thread"):
        return objects["thread"]
    if short.startswith("reply"):
        return objects["reply"]
    if short.startswith("request"):
        return objects["request"]
    if short.startswith("invitation"):
        return objects["invitation"]
    if short.startswith("membership"):
        return objects["membership"]
    if short.startswith("flag"):
        return objects["flag"]
    return None


# Admin lists showing each row in both languages (the English column on purpose).
BILINGUAL_LISTS = {"setupsteptemplate", "sector"}


def _admin_lists() -> list[str]:
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        if meta.model_name in BILINGUAL_LISTS:
            continue
        try:
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        except NoReverseMatch:
            continue
    return urls


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, seeded once for the module and undone at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed_demo()
        yield _demo_objects()
        transaction.set_rollback(True)


def _client(demo: Demo, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(demo.people[role])
    return client


def _page_urls(demo: Demo, role: str) -> list[str]:
    viewer = demo.people.get(role)
    urls = []
    for endpoint in endpoints():
        if endpoint.route.startswith("admin/") or endpoint.name in NOT_PAGES:
            continue
        if not endpoint.name:
            continue
        for kwargs in _kwargs_for(endpoint, demo, viewer):
            try:
                url = reverse(endpoint.name, kwargs=kwargs)
            except NoReverseMatch:
                continue
            if endpoint.name == "conversations:mention_suggestions":
                url += "?q=a"
            urls.append(url)
    if role == "staff":
        urls += _admin_lists()
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_every_demo_page_reads_in_french(role, demo, db, settings):
    """Each page of the demo, as ``role``, is in French, without English words
    or agreement slips."""
    settings.LANGUAGE_CODE = "fr"
    client = _client(demo, role)
    problems, seen = [], 0
    for url in _page_urls(demo, role):
        response = client.get(url)
        if response.status_code != 200:
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        seen += 1
        text = visible_text(response.content.decode())
        problems += [f"{url}: {p}" for p in problems_in(text)]
    assert seen > 20
    assert not problems, f"{role}:\n" + "\n".join(problems)


ALLAUTH_FORMS = [
    "account_login",
    "account_signup",
    "account_reset_password",
]


def test_allauth_errors_read_in_french(demo, db):
    """allauth's forms, sent empty or wrong, answer in French."""
    client = Client()
    problems = []
    for name in ALLAUTH_FORMS:
        url = reverse(name)
        for data in ({}, {"login": "x", "email": "x", "password": "x"}):
            text = visible_text(client.post(url, data).content.decode())
            problems += [f"POST {url} {data}: {p}" for p in problems_in(text)]
    login = {"login": DEMO_LOGINS["member"], "password": "pas-le-bon"}
    response = client.post(reverse("account_login"), login)
    problems += [
        f"wrong password: {p}"
        for p in problems_in(visible_text(response.content.decode()))
    ]
    assert not problems, "\n".join(problems)


def _mail_problems(messages) -> list[str]:
    problems = []
    for message in messages:
        text = f"{message.subject}\n{message.body}"
        problems += [f"{message.subject!r}: {p}" for p in problems_in(text)]
        for html, _type in getattr(message, "alternatives", []):
            found = problems_in(visible_text(html))
            problems += [f"{message.subject!r} (HTML): {p}" for p in found]
    return problems


def test_demo_emails_read_in_french(
    demo, db, mailoutbox, django_capture_on_commit_callbacks, settings
):
    """The e-mails the demo sends (account, invitations, requests, proposals,
    notifications and digests) are in French."""
    settings.LANGUAGE_CODE = "fr"
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "email": "nouvelle@exemple.qc.ca",
                "display_name": "Noémie Nouvelle",
                "password1": "un-mot-de-passe-solide-42",
                "password2": "un-mot-de-passe-solide-42",
                "accept_terms": "on",
            },
        )
        client.post(
            reverse("account_signup"),
            {
                "email": DEMO_LOGINS["member"],
                "display_name": "Quelqu'un",
                "password1": DEMO_PASSWORD + "-42-x",
                "password2": DEMO_PASSWORD + "-42-x",
                "accept_terms": "on",
            },
        )
        reset = reverse("account_reset_password")
        Client().post(reset, {"email": DEMO_LOGINS["member"]})
        Client().post(reset, {"email": "personne@nulle.part"})
        facilitator = demo.people["facilitator"]
        managed = demo.params["live"]
        newcomer = User.objects.get(email="nouveau@maillage.demo")
        restricted = Community.objects.filter(
            visibility=Community.Visibility.RESTRICTED, archived_at__isnull=True
        ).first()
        if restricted is not None:
            membership = services.request_membership(
                user=newcomer, community=restricted, message="Bonjour !"
            )
            leader = (
                Membership.objects.filter(
                    community=restricted, role=Membership.Role.FACILITATOR
                )
                .first()
                .user
            )
            services.approve_request(actor=leader, membership=membership)
        services.invite_member(
            actor=facilitator,
            community=managed,
            email="autre@exemple.qc.ca",
            message="Au plaisir.",
        )
        proposal = demo.params["proposal"]
        method_services.decline_proposal(
            actor=demo.people["staff"], proposal=proposal, message="Pas encore."
        )
    messages = list(mailoutbox)
    notes = list(
        Notification.objects.select_related("community", "recipient", "actor").order_by(
            "pk"
        )[:20]
    )
    with translation.override("fr"):
        rendered = []
        for note in notes:
            note.recipient.language = "fr"
            rendered.append(notification_email(note))
        recipient = notes[0].recipient
        rendered.append(digest_email(recipient, notes, frequency="daily"))
    for email in rendered:
        messages.append(
            mail.EmailMultiAlternatives(
                subject=email["subject"],
                body=email["text_body"],
                alternatives=[(email["html_body"], "text/html")],
            )
        )
    assert len(messages) >= 8
    problems = _mail_problems(messages)
    assert not problems, "\n".join(problems)


def test_the_leak_finder_finds_leaks():
    """The checks of this module catch what they are meant to catch."""
    assert problems_in("Vous êtes membre (Membre)")
    assert problems_in("13 recettes sur 20 recettes visés (65 %)")
    assert problems_in("Please sign in")
    assert problems_in("Votre adresse e-mail")
    assert problems_in("Vous êtes déconnecté(e).")
    assert problems_in("22.5 tonnes")
    assert not problems_in("13 sur 20 recettes (65 %) · 22,5 tonnes")
    assert not problems_in("Écrivez à membre@maillage.demo ou https://exemple.qc.ca/a")
    html = '<p>Oui</p><button lang="en">English</button><script>var the;</script>'
    assert visible_text(html) == "Oui"
