"""Stored XSS: classic payloads in every text and Markdown field stay inert.

Each payload is stored (straight into the database, so that no form validation
helps) in every field that people write and others read, then the pages that
show those fields are rendered and parsed. A page fails when it holds a script
that is not one of our static files, an ``on...=`` attribute, a ``style``
attribute, a ``javascript:``/``vbscript:``/``data:`` URL, or a tag or attribute
that the same page does not have with plain text — beyond what the Markdown
sanitiser allows (``maillage.core.markdown``).

The foundation, the method (proposals, setup path, charter and its history,
objectives, stages, closing), the exchanges and the notifications are covered;
an e-mail's HTML part counts as a page (people open it in their mail client),
where only the inline styles that plain text has too are ours.

To cover a new app, store the payload in its fields in a ``_plant_<app>``
function called by ``plant`` and return the pages that show them.
"""

import re
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone

from maillage.accounts.models import Consent, ExpertiseTag, PrivacyOfficer
from maillage.accounts.services import tags_from_names
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.conversations.models import (
    KIND_SECTIONS,
    Flag,
    ModerationLog,
    Reply,
    ReplyRevision,
    Tag,
    Thread,
)
from maillage.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from maillage.core.text import fold
from maillage.method.models import (
    Charter,
    CharterRevision,
    CommunityProposal,
    CommunitySetupStep,
    Dissolution,
    Objective,
    ObjectiveProgress,
    Reorientation,
    SetupStepTemplate,
    StageChange,
)
from maillage.method.tests.factories import ProposalFactory
from maillage.notifications import emails as notification_emails
from maillage.notifications.models import Notification
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' autofocus onfocus='alert(1)",
    "javascript:alert(1)",
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](jav&#x09;ascript:alert(1))",
    "[clic](<javascript:alert(1)>)",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '![image](x" onerror="alert(1))',
    '<a href="javascript:alert(1)">lien</a>',
    '<a href="  javascript:alert(1)">lien</a>',
    '<a href="&#106;avascript:alert(1)">lien</a>',
    '<a href="vbscript:msgbox(1)">lien</a>',
    '<a href="data:text/html,<script>alert(1)</script>">lien</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">'
    "</object>",
    '<embed src="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)//<</script>/script>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<x onmouseover=alert(1)>survol</x>",
    "<video><source onerror=alert(1)></video>",
    '<div hx-get="/compte/suppression/" hx-trigger="load">x</div>',
    '<div hx-on:click="alert(1)">x</div>',
    "{{ request.user.email }} {% debug %}",
]
BENIGN = "Texte ordinaire"
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
    "srcdoc",
}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):")
# Tags and attributes that user content may bring (the Markdown sanitiser's).
USER_MARKUP = {tag: {*ALLOWED_ATTRIBUTES.get(tag, ()), "rel"} for tag in ALLOWED_TAGS}


class Inspector(HTMLParser):
    """Collects dangerous markup and the shape (tag, attribute names) of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.dangers = []
        self.shape = Counter()

    def handle_starttag(self, tag, attrs):
        names = tuple(sorted(name for name, _value in attrs))
        self.shape[tag, names] += 1
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.dangers.append(f"<{tag} {name}=...>")
            if name == "style":
                self.dangers.append(f"<{tag} style=...>")
            if name in URL_ATTRIBUTES and value:
                url = re.sub(r"[\x00-\x20]", "", value).lower()
                if BAD_SCHEME.match(url):
                    self.dangers.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not (values.get("src") or "").startswith("/static/"):
            self.dangers.append(f"<script {values}>")

    handle_startendtag = handle_starttag


def inspect(html: str) -> Inspector:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector


def plant(text: str) -> list[tuple[str, object, object]]:
    """Store ``text`` in every field people write; the pages that show it.

    Each page is (who, viewer, path): ``viewer`` (None: anonymous) gets ``path``,
    or ``path`` is a function that returns the HTML itself (an e-mail's HTML
    part, which people open in their mail client like a page).
    """

    def cut(length):
        return text[:length]

    pages, people = _plant_foundation(text, cut)
    return [
        *pages,
        *_plant_method(text, cut, people),
        *_plant_exchanges(text, cut, people),
        *_plant_notifications(text, cut, people),
    ]


def _plant_foundation(text, cut) -> tuple[list, dict]:
    """Communities, profiles, organisations, invitations, requests, privacy;
    the pages, and the people (and community) the other apps' content needs."""
    organisation = OrganisationFactory(name=cut(200))
    community = CommunityFactory(
        name=cut(150),
        slug="xss",
        domain=cut(200),
        description=text,
        visibility=Community.Visibility.PUBLIC,
        join_policy=Community.JoinPolicy.REQUEST,
    )
    facilitator = UserFactory(
        display_name=cut(120),
        job_title=cut(120),
        bio=text,
        organisation=organisation,
    )
    facilitator.expertise.set(tags_from_names([cut(60)]))
    Consent.objects.create(
        user=facilitator, purpose=Consent.Purpose.DIRECTORY, given_at=timezone.now()
    )
    MembershipFactory(
        community=community, user=facilitator, role=Membership.Role.FACILITATOR
    )
    member = UserFactory(
        display_name=cut(120), job_title=cut(120), organisation=organisation
    )
    MembershipFactory(community=community, user=member)
    MembershipFactory(
        community=community,
        user=UserFactory(display_name=cut(120)),
        state=Membership.State.REQUESTED,
        joined_at=None,
        request_message=text,
    )
    _invitation, token = community_services.invite_member(
        actor=facilitator,
        community=community,
        email="invitee@exemple.qc.ca",
        message=text,
    )
    PrivacyOfficer.objects.create(
        name=cut(120), title=cut(120), email="rpp@exemple.qc.ca", address=text
    )
    slug = community.slug
    pages = [
        ("anonymous", None, "/"),
        ("anonymous", None, f"/c/{slug}/"),
        ("anonymous", None, f"/invitations/{token}/"),
        ("anonymous", None, "/confidentialite/"),
        ("facilitator", facilitator, "/"),
        ("facilitator", facilitator, f"/c/{slug}/"),
        ("facilitator", facilitator, f"/c/{slug}/membres/"),
        ("facilitator", facilitator, f"/c/{slug}/demandes/"),
        ("facilitator", facilitator, f"/c/{slug}/invitations/"),
        ("facilitator", facilitator, f"/c/{slug}/modifier/"),
        ("facilitator", facilitator, f"/membres/{facilitator.pk}/"),
        ("facilitator", facilitator, "/compte/profil/"),
        ("facilitator", facilitator, "/repertoire/"),
    ]
    return pages, {
        "community": community,
        "facilitator": facilitator,
        "member": member,
        "staff": UserFactory(display_name=cut(120), is_staff=True),
    }


def _plant_method(text, cut, people) -> list:
    """Proposals, setup path, charter and its history, objectives and progress,
    stage changes, reorientation, dissolution (live and archived community)."""
    community = people["community"]
    facilitator, member, staff = (people[k] for k in ("facilitator", "member", "staff"))
    now = timezone.now()
    today = timezone.localdate()
    region = Region.objects.order_by("pk").first()
    pending = ProposalFactory(
        proposer=facilitator,
        role=cut(120),
        organisation=cut(200),
        name=cut(150),
        domain=cut(200),
        needs=text,
        regions=[region],
    )
    declined = ProposalFactory(
        proposer=facilitator,
        name=cut(150),
        needs=text,
        status=CommunityProposal.Status.DECLINED,
        decided_by=staff,
        decided_at=now,
        decision_message=text,
        regions=[region],
    )
    # Steps are staff's (title, advice) and the facilitators' (notes, reasons).
    SetupStepTemplate.objects.create(
        position=1, title_fr=cut(150), advice_fr=text, deliverable_fr=text
    )
    step = {"title_fr": cut(150), "advice_fr": text, "deliverable_fr": text}
    CommunitySetupStep.objects.create(
        community=community,
        position=1,
        status=CommunitySetupStep.Status.IN_PROGRESS,
        notes=text,
        changed_by=facilitator,
        changed_at=now,
        **step,
    )
    CommunitySetupStep.objects.create(
        community=community,
        position=2,
        status=CommunitySetupStep.Status.SKIPPED,
        skip_reason=text,
        notes=text,
        **step,
    )
    texts = [
        name for name in Charter.FIELDS if name not in ("review_date", "adopted_on")
    ]
    charter = Charter.objects.create(
        community=community,
        review_date=today,
        adopted_on=today,
        updated_by=facilitator,
        **dict.fromkeys(texts, text),
    )
    # The history shows the first revision as added text, the second as a diff.
    first = {**charter.values(), **dict.fromkeys(texts, f"Version 1 {text} fin")}
    CharterRevision.objects.create(
        community=community, number=1, values=first, note=cut(300)
    )
    CharterRevision.objects.create(
        community=community,
        number=2,
        values=charter.values(),
        note=cut(300),
        created_by=facilitator,
    )
    objective = Objective.objects.create(
        community=community,
        title=cut(200),
        description=text,
        indicator=cut(200),
        unit=cut(40),
        baseline=Decimal("20"),
        target=Decimal("40"),
        due_date=today + timedelta(days=10),
        status=Objective.Status.IN_PROGRESS,
        created_by=facilitator,
    )
    ObjectiveProgress.objects.create(
        objective=objective,
        value=Decimal("25"),
        measured_on=today,
        comment=text,
        recorded_by=facilitator,
    )
    StageChange.objects.create(
        community=community,
        from_stage=Community.Stage.POTENTIAL,
        to_stage=Community.Stage.COALESCING,
        reason=text,
        changed_by=facilitator,
    )
    Reorientation.objects.create(
        community=community,
        previous_domain=cut(200),
        new_domain=cut(200),
        reason=text,
        reoriented_by=facilitator,
    )
    # Dissolved then reopened: both show in the live community's timeline.
    Dissolution.objects.create(
        community=community,
        achieved=text,
        learned=text,
        dissolved_by=facilitator,
        reopened_at=now,
        reopened_by=staff,
        reopen_reason=text,
    )
    # An archived community shows its closing summary on its own page.
    closed = CommunityFactory(
        name=cut(150),
        slug="xss-fin",
        domain=cut(200),
        description=text,
        visibility=Community.Visibility.PUBLIC,
        archived_at=now,
    )
    Dissolution.objects.create(
        community=closed, achieved=text, learned=text, dissolved_by=facilitator
    )
    slug = community.slug
    objective_path = f"/c/{slug}/objectifs/{objective.pk}/"
    return [
        ("facilitator", facilitator, "/lancer-une-communaute/"),
        ("staff", staff, "/lancer-une-communaute/propositions/"),
        ("staff", staff, f"/lancer-une-communaute/propositions/{pending.pk}/"),
        ("staff", staff, f"/lancer-une-communaute/propositions/{declined.pk}/"),
        ("member", member, f"/c/{slug}/demarrage/"),
        ("facilitator", facilitator, f"/c/{slug}/demarrage/"),
        ("facilitator", facilitator, f"/c/{slug}/charte/"),
        ("facilitator", facilitator, f"/c/{slug}/charte/historique/"),
        ("facilitator", facilitator, f"/c/{slug}/objectifs/"),
        ("facilitator", facilitator, objective_path),
        ("facilitator", facilitator, f"{objective_path}modifier/"),
        ("facilitator", facilitator, f"/c/{slug}/etapes/"),
        ("facilitator", facilitator, f"/c/{slug}/tableau-de-bord/"),
        ("facilitator", facilitator, f"/c/{slug}/fermer/"),
        ("anonymous", None, f"/c/{closed.slug}/"),
        ("staff", staff, f"/c/{closed.slug}/rouvrir/"),
    ]


def _plant_exchanges(text, cut, people) -> list:
    """Threads of the five kinds (every section), free tags, replies (one quoting
    another, one with a mention, one edited, one hidden), flags, the moderation
    log, and the expertise and contributions "Who can help me?" gives as reasons.
    """
    community = people["community"]
    facilitator, member = people["facilitator"], people["member"]
    now = timezone.now()
    # Same slug for the thread's tag and the member's expertise: they match.
    tag = Tag.objects.create(name=cut(40), slug="xss")
    member.expertise.add(ExpertiseTag.objects.create(name=cut(60), slug="xss"))

    def thread(kind, author, **marks):
        sections = dict.fromkeys((n for n, _label in KIND_SECTIONS[kind]), text)
        created = Thread.objects.create(
            community=community,
            kind=kind,
            author=author,
            title=cut(200),
            last_activity_at=now,
            **sections,
            **marks,
        )
        created.tags.set([tag])
        return created

    challenge = thread(Thread.Kind.CHALLENGE, facilitator)
    others = [
        thread(Thread.Kind.SUCCESS, member),
        thread(Thread.Kind.TIP, member),
        thread(Thread.Kind.LESSONS, member),
        thread(Thread.Kind.DISCUSSION, member, pinned_at=now),
    ]
    challenge.related.set(others[:1])
    solution = Reply.objects.create(thread=challenge, author=member, body=text)
    # A mention's markup holds the name as typed: brackets cannot be part of it.
    name = re.sub(r"[\[\]\n]", "", text)[:120] or "x"
    quoting = Reply.objects.create(
        thread=challenge,
        author=member,
        quoted=solution,
        body=f"> {text}\n\n@[{name}]({member.pk}) {text}",
        edited_at=now,
    )
    ReplyRevision.objects.create(reply=quoting, body=text, edited_by=member)
    hidden = Reply.objects.create(
        thread=challenge, author=member, body=text, hidden_at=now
    )
    Thread.objects.filter(pk=challenge.pk).update(
        solution=solution, solved_at=now, solved_by=facilitator
    )
    # A flagged thread (the tip) and a flagged reply.
    for flagged_thread, flagged_reply in ((others[1], None), (challenge, quoting)):
        Flag.objects.create(
            community=community,
            thread=flagged_thread,
            reply=flagged_reply,
            reporter=member,
            reason=Flag.Reason.OTHER,
            details=text,
        )
    ModerationLog.objects.create(
        community=community,
        actor=facilitator,
        action=ModerationLog.Action.HIDE_REPLY,
        thread=challenge,
        reply=hidden,
        reason=cut(500),
    )
    # Suggestions match the folded name (signing in saves it again).
    mention_query = urlencode({"q": fold(member.display_name)[:30]})
    slug = community.slug
    return [
        ("facilitator", facilitator, f"/c/{slug}/echanges/"),
        ("facilitator", facilitator, f"/c/{slug}/echanges/fils/"),
        # Quoting a reply puts its text in the reply form, too.
        ("facilitator", facilitator, f"/echanges/{challenge.pk}/?citer={solution.pk}"),
        # A tip shows its body as a discussion does.
        *[
            ("facilitator", facilitator, f"/echanges/{t.pk}/")
            for t in others
            if t.kind != Thread.Kind.TIP
        ],
        ("facilitator", facilitator, f"/echanges/{challenge.pk}/modifier/"),
        ("facilitator", facilitator, f"/echanges/{challenge.pk}/qui-peut-aider/"),
        ("facilitator", facilitator, f"/echanges/reponses/{quoting.pk}/historique/"),
        ("facilitator", facilitator, f"/c/{slug}/echanges/moderation/"),
        ("facilitator", facilitator, f"/c/{slug}/echanges/journal/"),
        ("facilitator", facilitator, f"/c/{slug}/echanges/mentions/?{mention_query}"),
    ]


def _plant_notifications(text, cut, people) -> list:
    """A notification (its subject and excerpt, its actor's name), shown in the
    list and in the HTML part of its e-mail and of a digest."""
    facilitator = people["facilitator"]
    notification = Notification.objects.create(
        recipient=facilitator,
        community=people["community"],
        kind="mention",
        actor=people["member"],
        subject=cut(255),
        excerpt=cut(300),
        url="/c/xss/",
    )

    def immediate():
        return notification_emails.notification_email(notification)["html_body"]

    def digest():
        return notification_emails.digest_email(
            facilitator, [notification], frequency="daily"
        )["html_body"]

    return [
        ("facilitator", facilitator, "/notifications/"),
        ("e-mail", None, immediate),
        ("e-mail", None, digest),
    ]


def render(pages) -> dict[str, str]:
    html = {}
    clients = {}
    for who, viewer, path in pages:
        if callable(path):
            html[f"{who} {path.__name__}"] = path()
            continue
        client = clients.get(who)
        if client is None:
            client = clients[who] = Client()
            if viewer is not None:
                client.force_login(viewer)
        response = client.get(path)
        assert response.status_code == 200, f"{who} {path}"
        html[f"{who} {path}"] = response.content.decode()
    assert len(html) == len(pages), "two pages under the same name"
    return html


@pytest.fixture(scope="module")
def baseline(django_db_setup, django_db_blocker):
    """Each page's shape and dangers with plain text, to compare the payloads' with."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        pages = [inspect(html) for html in render(plant(BENIGN)).values()]
        transaction.set_rollback(True)
    return pages


def foreign_markup(shape: Counter, baseline: Counter) -> list[str]:
    """Tags or attributes the payload added that user content may not bring."""
    found = []
    for (tag, names), count in shape.items():
        if count <= baseline.get((tag, names), 0):
            continue
        if tag in USER_MARKUP and set(names) <= USER_MARKUP[tag]:
            continue
        found.append(f"<{tag} {' '.join(names)}>")
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_stored_payload_is_inert_everywhere_it_is_shown(payload, baseline, db):
    """The payload shows as text (or harmless Markdown) on every page."""
    problems = []
    for index, (page, html) in enumerate(render(plant(payload)).items()):
        inspector = inspect(html)
        dangers = Counter(inspector.dangers)
        if page.startswith("e-mail"):
            # Mail clients need inline styles: only those of plain text are ours.
            dangers -= Counter(baseline[index].dangers)
        if dangers:
            problems.append(f"{page}: {sorted(dangers.elements())}")
        if added := foreign_markup(inspector.shape, baseline[index].shape):
            problems.append(f"{page}: markup not from us {added}")
    assert not problems, "\n".join(problems)


def test_there_are_at_least_thirty_payloads():
    """The list keeps the classic vectors: 30 at the very least."""
    assert len(set(PAYLOADS)) >= 30
