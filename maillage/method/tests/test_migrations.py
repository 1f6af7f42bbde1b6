"""The method's models moved from ``communities`` to their own app (issue 11) with
their tables: a database migrated before the move keeps every row, and the
permissions and admin history given on those models follow them."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from maillage.method.models import CommunityProposal, Dissolution, Objective

# The last migrations before the move: the method's models in ``communities``.
BEFORE = [("communities", "0007_guest_expert_until"), ("method", None)]


def _migrate(targets):
    """Migrate to ``targets``; the models as the applied migrations leave them."""
    return MigrationExecutor(connection).migrate(targets).apps


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _seed_before_the_move(apps) -> dict:
    """Rows written by the code before the move, through its models of then."""
    Community = apps.get_model("communities", "Community")
    Objective = apps.get_model("communities", "Objective")
    Proposal = apps.get_model("communities", "CommunityProposal")
    Dissolution = apps.get_model("communities", "Dissolution")
    Region = apps.get_model("territories", "Region")
    User = apps.get_model("accounts", "User")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    LogEntry = apps.get_model("admin", "LogEntry")

    staff = User.objects.create(email="personnel@exemple.qc.ca", is_staff=True)
    community = Community.objects.create(
        name="Montérégie mange local", slug="monteregie", domain="Achats locaux"
    )
    objective = Objective.objects.create(
        community=community, title="35 % d'aliments du Québec", target=35, unit="%"
    )
    proposal = Proposal.objects.create(
        proposer=staff,
        role="Cuisinière",
        organisation="CPE Les Petits Pois",
        name="Laurentides à table",
        domain="Menus de CPE",
        needs="Des fermes qui livrent.",
    )
    proposal.regions.set(Region.objects.filter(code__in=["15", "16"]))
    Dissolution.objects.create(
        community=community,
        achieved="Douze écoles livrées.",
        learned="Commencer petit.",
        created_at=timezone.now() - timedelta(days=3),
    )
    # Permissions and history given in the admin on a model of the method.
    objective_type = ContentType.objects.get(app_label="communities", model="objective")
    editors = Group.objects.create(name="Objectifs")
    editors.permissions.add(
        Permission.objects.get(content_type=objective_type, codename="change_objective")
    )
    LogEntry.objects.create(
        user_id=staff.pk,
        content_type_id=objective_type.pk,
        object_id=str(objective.pk),
        object_repr=objective.title,
        action_flag=CHANGE,
        change_message="Cible revue.",
        action_time=timezone.now(),
    )
    return {"objective": objective.pk, "objective_type": objective_type.pk}


# Migrations need a real transaction; the rows every test starts from (content
# types above all) are put back afterwards, as for the other tests that need one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_from_before_the_move_keeps_its_rows_and_permissions():
    """Migrating a database written before the move keeps its rows, readable
    through the method's models, and renames the content types in place: the
    group's permission and the admin's history now name the method."""
    leaves = _leaves()
    try:
        old_apps = _migrate(BEFORE)
        seeded = _seed_before_the_move(old_apps)

        _migrate(leaves)
    finally:
        _migrate(leaves)
    ContentType.objects.clear_cache()

    objective = Objective.objects.get(pk=seeded["objective"])
    assert objective.title == "35 % d'aliments du Québec"
    assert objective.community.slug == "monteregie"
    proposal = CommunityProposal.objects.get()
    assert sorted(proposal.regions.values_list("code", flat=True)) == ["15", "16"]
    assert Dissolution.objects.get(community=objective.community).learned == (
        "Commencer petit."
    )
    moved = ContentType.objects.get_for_model(Objective)
    assert moved.pk == seeded["objective_type"]
    assert moved.app_label == "method"
    assert not ContentType.objects.filter(app_label="communities", model="objective")
    editors = Group.objects.get(name="Objectifs")
    assert [
        f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.all()
    ] == ["method.change_objective"]
    entry = LogEntry.objects.get(change_message="Cible revue.")
    assert entry.get_edited_object() == objective
    assert entry.get_admin_url() == f"/admin/method/objective/{objective.pk}/change/"
