"""An export module (settings.MAILLAGE_COMMUNITY_EXPORT_MODULES) for the cluster
test: it puts in a community's export ZIP every file stored under
``cluster-probe/<slug>/`` in the default storage, so that a file stored once is
read back over HTTP from each app server."""

from django.core.files.storage import default_storage


def folder(community) -> str:
    return f"cluster-probe/{community.slug}"


def export_community_data(community) -> dict:
    return {}


def community_files(community) -> list[tuple[str, str]]:
    if not default_storage.exists(folder(community)):
        return []
    _folders, files = default_storage.listdir(folder(community))
    return [(name, f"{folder(community)}/{name}") for name in sorted(files)]
