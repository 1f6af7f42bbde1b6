"""The community export read back: LISEZMOI.html names and escapes what it must,
and the CSV tables open as a spreadsheet would read them."""

import csv
import io
import json
import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent
from maillage.communities.export import write_community_export
from maillage.communities.models import Membership
from maillage.communities.tests.factories import MembershipFactory
from maillage.conversations import services
from maillage.conversations.models import Tag, Thread
from maillage.method import services as method_services
from maillage.method.tests.factories import ObjectiveFactory, ProgressFactory

pytestmark = pytest.mark.django_db
PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def _named(user):
    account_services.give_consent(user=user, purpose=Consent.Purpose.DIRECTORY)
    return user


def _export(actor, community) -> dict[str, bytes]:
    buffer = io.BytesIO()
    write_community_export(actor=actor, community=community, fileobj=buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _csv(files, name) -> list[list[str]]:
    raw = files[name]
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


@pytest.fixture
def lived(community, facilitator, member):
    """A community that lived: presentation, charter, an objective with measures,
    named and unnamed members, exchanges (one hidden), a stage change, then its
    dissolution; user texts carry an XSS payload."""
    _named(facilitator)
    community.description = f"Nous **cuisinons** local. {PAYLOAD}"
    community.save()
    MembershipFactory(
        community=community,
        role=Membership.Role.GUEST_EXPERT,
        user__display_name="Gina Experte",
        user__organisation=None,
    )
    _named(Membership.objects.get(user__display_name="Gina Experte").user)
    MembershipFactory(community=community, user__display_name="Ulysse Discret")
    method_services.save_charter(
        actor=facilitator,
        community=community,
        mandate=f"Faire connaître l'offre locale. {PAYLOAD}",
        domain="Achats locaux des cuisines publiques.",
    )
    objective = ObjectiveFactory(
        community=community, title="Part locale à 40 %", due_date=date(2031, 6, 30)
    )
    ProgressFactory(
        objective=objective, value=Decimal("22.00"), measured_on=date(2030, 1, 15)
    )
    ProgressFactory(
        objective=objective,
        value=Decimal("27.50"),
        measured_on=date(2030, 6, 15),
        comment=f'=HYPERLINK("http://x") {PAYLOAD}',
    )
    method_services.change_stage(
        actor=facilitator,
        community=community,
        stage="coalescing",
        reason="Premiers membres recrutés.",
    )
    challenge = services.create_thread(
        author=member,
        community=community,
        kind=Thread.Kind.CHALLENGE,
        title="Trouver du poisson local",
        sections={"problem": "Nos fournisseurs n'en ont pas."},
        tags=[Tag.objects.get(slug="collations")],
    )
    answer = services.create_reply(
        author=facilitator,
        thread=challenge,
        body=f"Appeler la **Poissonnerie du Fleuve**. {PAYLOAD}",
    )
    services.create_reply(author=member, thread=challenge, body="Merci!")
    services.mark_solution(actor=member, reply=answer)
    services.create_thread(
        author=member,
        community=community,
        kind=Thread.Kind.TIP,
        title="=1+1 le pain de la veille",
        sections={"body": "En pouding."},
    )
    hidden = services.create_thread(
        author=member,
        community=community,
        kind=Thread.Kind.DISCUSSION,
        title="Fil masqué par l'animation",
        sections={"body": "Hors sujet."},
    )
    services.set_thread_hidden(
        actor=facilitator, thread=hidden, hidden=True, reason="Hors sujet"
    )
    method_services.dissolve_community(
        actor=facilitator,
        community=community,
        achieved=f"Dix CPE achètent local. {PAYLOAD}",
        learned="Commencer petit.",
    )
    community.refresh_from_db()
    return community


def test_readme_summarises_the_community_and_escapes_user_text(
    lived, facilitator, member
):
    """LISEZMOI.html is a self-contained French document with every part of the
    community, names only people who agreed, and lets no user markup through."""
    files = _export(facilitator, lived)

    html = files["LISEZMOI.html"].decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in html
    # Self-contained: no script, no external stylesheet, image, frame or font.
    assert not re.search(r"<(script|link|img|iframe|object)\b|@import|url\(", html)
    # Every user text escaped (the payload shows as text), or sanitised Markdown.
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<strong>cuisinons</strong>" in html
    assert "<strong>Poissonnerie du Fleuve</strong>" in html
    # The parts of the community.
    for text in (
        lived.name,
        "Présentation",
        "Bilan de clôture",
        "Dix CPE achètent local.",
        "Faire connaître l&#x27;offre locale.",
        "Part locale à 40 %",
        "27,5",
        "Unification",
        "Premiers membres recrutés.",
        "Trouver du poisson local",
        "Solution retenue",
        "membres.csv",
    ):
        assert text in html, text
    assert "Fil masqué" not in html
    # Named: those who agreed; the others are counted.
    assert facilitator.display_name in html
    assert "Gina Experte" in html and "Expert·e invité·e" in html
    assert member.display_name not in html
    assert "Ulysse Discret" not in html
    assert "2 autres membres n'ont pas accepté d'être nommés." in html


def test_csv_tables_read_back_as_a_spreadsheet_would(lived, facilitator):
    """The CSV files are UTF-8 with a BOM and semicolons; numbers in French,
    dates in ISO; only consenting members; no cell taken for a formula."""
    files = _export(facilitator, lived)

    members = _csv(files, "membres.csv")
    assert members[0] == [
        "Nom",
        "Organisation",
        "Rôle",
        "Expert·e invité·e jusqu'au",
        "Depuis",
    ]
    assert sorted(row[0] for row in members[1:]) == [
        facilitator.display_name,
        "Gina Experte",
    ]
    objectives = {row[0]: row for row in _csv(files, "objectifs.csv")[1:]}
    row = objectives["Part locale à 40 %"]
    assert row[4:10] == ["20", "40", "27,5", "2030-06-15", "38", "2031-06-30"]
    measures = _csv(files, "mesures.csv")
    assert [r[1:3] for r in measures[1:]] == [
        ["2030-01-15", "22"],
        ["2030-06-15", "27,5"],
    ]
    assert measures[2][4].startswith("'=HYPERLINK")
    threads = {row[1]: row for row in _csv(files, "echanges.csv")[1:]}
    assert set(threads) == {"Trouver du poisson local", "'=1+1 le pain de la veille"}
    challenge = threads["Trouver du poisson local"]
    assert challenge[0] == "Défi"
    assert challenge[3:6] == ["2", "0", "oui"]
    assert threads["'=1+1 le pain de la veille"][5] == ""


def test_manifest_lists_the_readme_and_the_tables(lived, facilitator):
    """The manifest names every part of the archive."""
    files = _export(facilitator, lived)

    manifest = json.loads(files["manifest.json"])
    assert manifest["readme"] == "LISEZMOI.html"
    assert manifest["tables"] == [
        "membres.csv",
        "objectifs.csv",
        "mesures.csv",
        "echanges.csv",
    ]
    assert set(files) == {
        "LISEZMOI.html",
        "manifest.json",
        "communities.json",
        "method.json",
        "conversations.json",
        *manifest["tables"],
    }


def test_export_is_in_english_for_someone_who_chose_english(lived, facilitator):
    """The summary and the tables' headings follow the language of whoever
    exports; numbers are then written the English way."""
    facilitator.language = "en"
    facilitator.save()

    files = _export(facilitator, lived)

    html = files["LISEZMOI.html"].decode("utf-8")
    assert '<html lang="en">' in html
    assert "Closing summary" in html and "Accepted solution" in html
    assert _csv(files, "membres.csv")[0][0] == "Name"
    assert _csv(files, "mesures.csv")[2][2] == "27.5"


def test_download_still_for_facilitators_and_staff_only(lived, facilitator, member):
    """The download holds the summary for a facilitator; a member gets a 403."""
    url = reverse("communities:community_export", args=[lived.slug])
    client = Client()
    client.force_login(facilitator)

    response = client.get(url)

    payload = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        assert "LISEZMOI.html" in archive.namelist()
    client.force_login(member)
    assert client.get(url).status_code == 403
