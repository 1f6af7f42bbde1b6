"""Stored XSS: classic payloads in every text and Markdown field stay inert.

Each payload is stored (straight into the database, so that no form validation
helps) in every field that people write and others read, then the pages that
show those fields are rendered and parsed. A page fails when it holds a script
that is not one of our static files, an ``on...=`` attribute, a ``style``
attribute, a ``javascript:``/``vbscript:``/``data:`` URL, or a tag or attribute
that the same page does not have with plain text — beyond what the Markdown
sanitiser allows (``maillage.core.markdown``).

To cover a new app, store the payload in its fields in ``plant`` and add the
pages that show them.
"""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import timezone

from maillage.accounts.models import Consent, PrivacyOfficer
from maillage.accounts.services import tags_from_names
from maillage.accounts.tests.factories import UserFactory
from maillage.communities import services as community_services
from maillage.communities.models import Community, Membership
from maillage.communities.tests.factories import CommunityFactory, MembershipFactory
from maillage.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from maillage.organisations.tests.factories import OrganisationFactory

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


def plant(text: str) -> list[tuple[object, str]]:
    """Store ``text`` in every field people write; the (viewer, path) that show it."""

    def cut(length):
        return text[:length]

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
    return [
        (None, "/"),
        (None, f"/c/{slug}/"),
        (None, f"/invitations/{token}/"),
        (None, "/confidentialite/"),
        (facilitator, "/"),
        (facilitator, f"/c/{slug}/"),
        (facilitator, f"/c/{slug}/membres/"),
        (facilitator, f"/c/{slug}/demandes/"),
        (facilitator, f"/c/{slug}/invitations/"),
        (facilitator, f"/c/{slug}/modifier/"),
        (facilitator, f"/membres/{facilitator.pk}/"),
        (facilitator, "/compte/profil/"),
        (facilitator, "/repertoire/"),
    ]


def render(pages) -> dict[str, str]:
    html = {}
    for viewer, path in pages:
        client = Client()
        if viewer is not None:
            client.force_login(viewer)
        response = client.get(path)
        assert response.status_code == 200, path
        html[f"{'signed in' if viewer else 'anonymous'} {path}"] = (
            response.content.decode()
        )
    return html


@pytest.fixture(scope="module")
def baseline(django_db_setup, django_db_blocker):
    """The shape of each page with plain text, to compare the payloads' with."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        shapes = [inspect(html).shape for html in render(plant(BENIGN)).values()]
        transaction.set_rollback(True)
    return shapes


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
        if inspector.dangers:
            problems.append(f"{page}: {inspector.dangers}")
        if added := foreign_markup(inspector.shape, baseline[index]):
            problems.append(f"{page}: markup not from us {added}")
    assert not problems, "\n".join(problems)


def test_there_are_at_least_thirty_payloads():
    """The list keeps the classic vectors: 30 at the very least."""
    assert len(set(PAYLOADS)) >= 30
