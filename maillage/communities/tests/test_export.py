"""The full export's ZIP writer: which modules it asks, their files, and who may
export (the parts themselves are tested with their apps)."""

import io
import json
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied

from maillage.communities.export import write_community_export


def _read_zip(payload: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_export_modules_start_with_the_communities_own():
    """Other apps add their modules after the communities app's own."""
    assert settings.MAILLAGE_COMMUNITY_EXPORT_MODULES[0] == (
        "maillage.communities.export"
    )


def test_export_adds_other_modules_and_their_files(
    community, facilitator, settings, tmp_path
):
    """Each listed module adds its JSON, and its files under files/."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    stored = default_storage.save("docs/menu.pdf", ContentFile(b"%PDF menu"))
    module = tmp_path / "fake_export.py"
    module.write_text(
        "def export_community_data(community):\n"
        "    return {'threads': [community.slug]}\n"
        "def community_files(community):\n"
        f"    return [('menu.pdf', {stored!r})]\n"
    )
    import sys

    sys.path.insert(0, str(tmp_path))
    settings.MAILLAGE_COMMUNITY_EXPORT_MODULES = [
        "maillage.communities.export",
        "fake_export",
    ]
    buffer = io.BytesIO()
    try:
        write_community_export(actor=facilitator, community=community, fileobj=buffer)
    finally:
        sys.path.remove(str(tmp_path))

    files = _read_zip(buffer.getvalue())
    assert json.loads(files["fake_export.json"]) == {"threads": [community.slug]}
    assert files["files/menu.pdf"] == b"%PDF menu"
    assert json.loads(files["manifest.json"])["files"] == ["files/menu.pdf"]


def test_export_refuses_members_in_the_service(community, member):
    """The export function itself checks who asks."""
    with pytest.raises(PermissionDenied):
        write_community_export(actor=member, community=community, fileobj=io.BytesIO())
