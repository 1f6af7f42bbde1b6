import factory

from maillage.organisations.models import Organisation, Sector
from maillage.territories.models import Region


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"CPE Les Petits Pois {n}")
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="cpe"))
    region = factory.LazyFunction(lambda: Region.objects.get(code="16"))
