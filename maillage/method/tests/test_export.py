"""The method's part of the full export: its JSON, its parts of LISEZMOI.html and
its tables, beside the communities app's own; the download for facilitators and
staff, archived or not."""

import io
import json
import zipfile
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from maillage.communities.export import write_community_export
from maillage.method import services as method_services
from maillage.method.tests.factories import ObjectiveFactory, ProgressFactory


def _dissolve(community, actor):
    return method_services.dissolve_community(
        actor=actor,
        community=community,
        achieved="Douze écoles livrées.",
        learned="Commencer petit.",
    )


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _read_zip(payload: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_export_holds_everything_the_community_holds(
    community, facilitator, member, settings
):
    """The ZIP has the community and members (the communities app's part), the
    charter revisions, objectives with progress, setup path, stage changes and
    the closing summary (the method's part)."""
    settings.MAILLAGE_COMMUNITY_EXPORT_MODULES = [
        "maillage.communities.export",
        "maillage.method.export",
    ]
    method_services.copy_setup_path(community)
    method_services.save_charter(
        actor=facilitator, community=community, mandate="M1.", domain="D."
    )
    method_services.save_charter(
        actor=facilitator, community=community, mandate="M2.", domain="D."
    )
    objective = ObjectiveFactory(community=community, title="Achats locaux")
    ProgressFactory(objective=objective, value=Decimal("27.50"))
    method_services.change_stage(
        actor=facilitator, community=community, stage="coalescing", reason="Départ."
    )
    _dissolve(community, facilitator)
    buffer = io.BytesIO()

    write_community_export(actor=facilitator, community=community, fileobj=buffer)

    files = _read_zip(buffer.getvalue())
    assert set(files) == {
        "manifest.json",
        "communities.json",
        "method.json",
        "LISEZMOI.html",
        "membres.csv",
        "objectifs.csv",
        "mesures.csv",
    }
    manifest = json.loads(files["manifest.json"])
    assert manifest["community"] == community.slug
    assert manifest["parts"] == ["communities.json", "method.json"]
    assert manifest["tables"] == ["membres.csv", "objectifs.csv", "mesures.csv"]
    data = json.loads(files["communities.json"])
    assert data["community"]["slug"] == community.slug
    assert data["community"]["archived_at"] is not None
    people = {m["person"] for m in data["memberships"]}
    assert people == {facilitator.display_name, member.display_name}
    data = json.loads(files["method.json"])
    assert [r["values"]["mandate"] for r in data["charter_revisions"]] == [
        "M1.",
        "M2.",
    ]
    assert data["charter"]["mandate"] == "M2."
    assert data["objectives"][0]["title"] == "Achats locaux"
    assert data["objectives"][0]["progress"][0]["value"] == "27.50"
    assert len(data["setup_path"]) == 7
    assert data["stage_changes"][0]["to"] == "coalescing"
    assert data["dissolutions"][0]["learned"] == "Commencer petit."


def test_lisezmoi_puts_the_closing_summary_after_the_presentation(
    community, facilitator
):
    """The parts of LISEZMOI.html keep their order across the two apps: the
    presentation, the closing summary, the charter, the objectives, the members,
    the lifecycle, then the exchanges."""
    _dissolve(community, facilitator)
    buffer = io.BytesIO()

    write_community_export(actor=facilitator, community=community, fileobj=buffer)

    readme = _read_zip(buffer.getvalue())["LISEZMOI.html"].decode()
    anchors = ["presentation", "bilan", "charte", "objectifs", "membres", "etapes"]
    places = [readme.index(f'<section id="{anchor}"') for anchor in anchors]
    assert places == sorted(places)
    assert places[-1] < readme.index('<section id="echanges"')


def test_export_download_for_facilitators_and_staff_only(
    community, facilitator, member, staff
):
    """The download is a ZIP for facilitators and staff (archived or not), a 403
    for members."""
    _dissolve(community, facilitator)
    url = reverse("communities:community_export", args=[community.slug])

    for person in (facilitator, staff):
        response = _client(person).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        files = _read_zip(b"".join(response.streaming_content))
        assert "communities.json" in files
        assert "method.json" in files
    assert _client(member).get(url).status_code == 403
