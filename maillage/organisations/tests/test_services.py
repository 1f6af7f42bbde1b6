"""Organisations: creation, and duplicates refused ignoring case and accents."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from maillage.accounts.tests.factories import UserFactory
from maillage.organisations.forms import OrganisationForm
from maillage.organisations.models import Organisation, Sector
from maillage.organisations.services import create_organisation
from maillage.organisations.tests.factories import OrganisationFactory
from maillage.territories.models import Region


@pytest.fixture
def cpe(db):
    return Sector.objects.get(code="cpe")


@pytest.fixture
def monteregie(db):
    return Region.objects.get(code="16")


@pytest.fixture
def estrie(db):
    return Region.objects.get(code="05")


@pytest.fixture
def erables(cpe, monteregie):
    return create_organisation(
        actor=UserFactory(), name="CPE Les Érables", sector=cpe, region=monteregie
    )


def test_create_organisation_saves_it(cpe, monteregie):
    """A new organisation keeps its details, folded name and creator."""
    actor = UserFactory()

    organisation = create_organisation(
        actor=actor,
        name="  CPE   Les Érables ",
        sector=cpe,
        region=monteregie,
        website="https://erables.example",
    )

    organisation.refresh_from_db()
    assert organisation.name == "CPE Les Érables"
    assert organisation.normalized_name == "cpe les erables"
    assert organisation.sector == cpe
    assert organisation.region == monteregie
    assert organisation.website == "https://erables.example"
    assert organisation.created_by == actor


def test_anonymous_creator_is_not_recorded(cpe, monteregie):
    """Without a signed-in actor, the organisation has no creator."""
    organisation = create_organisation(
        actor=AnonymousUser(), name="CPE Les Pommiers", sector=cpe, region=monteregie
    )

    assert organisation.created_by is None


@pytest.mark.parametrize(
    "name", ["cpe les erables", "CPE LES ÉRABLES", "  Cpe  les  Érables  "]
)
def test_duplicate_name_in_same_region_is_refused(erables, cpe, monteregie, name):
    """A name already used in the region is refused, ignoring case and accents."""
    with pytest.raises(ValidationError) as excinfo:
        create_organisation(
            actor=UserFactory(), name=name, sector=cpe, region=monteregie
        )

    assert "name" in excinfo.value.error_dict
    assert Organisation.objects.filter(region=monteregie).count() == 1


def test_same_name_allowed_in_another_region(erables, cpe, estrie):
    """Two regions may each have an organisation of the same name."""
    other = create_organisation(
        actor=UserFactory(), name="cpe les erables", sector=cpe, region=estrie
    )

    assert other.pk != erables.pk
    assert Organisation.objects.filter(normalized_name="cpe les erables").count() == 2


def test_form_shows_duplicate_error_on_name(erables, cpe, monteregie):
    """The form is invalid and says so beside the name field."""
    form = OrganisationForm(
        data={"name": "cpe les erables", "sector": cpe.pk, "region": monteregie.pk}
    )

    assert not form.is_valid()
    assert list(form.errors) == ["name"]
    assert form.errors["name"]


def test_form_accepts_same_name_in_another_region(erables, cpe, estrie):
    """The form lets the same name through in another region."""
    form = OrganisationForm(
        data={"name": "cpe les erables", "sector": cpe.pk, "region": estrie.pk}
    )

    assert form.is_valid(), form.errors


def test_form_editing_an_organisation_does_not_clash_with_itself(erables, cpe):
    """Saving an organisation unchanged is not a duplicate of itself."""
    form = OrganisationForm(
        instance=erables,
        data={
            "name": "CPE Les Érables",
            "sector": cpe.pk,
            "region": erables.region.pk,
            "website": "https://erables.example",
        },
    )

    assert form.is_valid(), form.errors


def test_database_refuses_duplicates_when_service_is_bypassed(erables, cpe):
    """The unique constraint on the folded name backs the service's check."""
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(name="cpe les erables", sector=cpe, region=erables.region)
