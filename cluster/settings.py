"""The cluster test's app servers: production settings, unchanged, plus one
export module that lists the files of the shared upload storage.

Maillage has no upload form yet (the resources library, issue 13, will bring
them); until then the test proves shared uploads through the only HTTP path that
reads stored files, the community export ZIP (``community_files`` of an export
module). Everything else comes from ``config.settings.prod`` and the
environment, as in docs/deployment.md.
"""

from config.settings.prod import *  # noqa: F403

MAILLAGE_COMMUNITY_EXPORT_MODULES = [
    *MAILLAGE_COMMUNITY_EXPORT_MODULES,  # noqa: F405
    "cluster.media_probe",
]
