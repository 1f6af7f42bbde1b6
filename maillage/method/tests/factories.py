from decimal import Decimal

import factory
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.tests.factories import CommunityFactory
from maillage.method.models import CommunityProposal, Objective, ObjectiveProgress
from maillage.territories.models import Region


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunityProposal
        skip_postgeneration_save = True

    proposer = factory.SubFactory(UserFactory)
    role = "Responsable de l'alimentation"
    organisation = "CPE Les Petits Pois"
    name = factory.Sequence(lambda n: f"Laurentides à table {n}")
    domain = "Des menus de CPE avec des aliments d'ici"
    needs = "Trouver des fermes qui livrent en petites quantités."

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create:
            self.regions.set(extracted or [Region.objects.get(code="15")])


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    community = factory.SubFactory(CommunityFactory)
    title = factory.Sequence(lambda n: f"Objectif {n}")
    indicator = "Part des achats en aliments du Québec"
    baseline = Decimal("20")
    target = Decimal("40")
    unit = "%"
    status = Objective.Status.IN_PROGRESS


class ProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObjectiveProgress

    objective = factory.SubFactory(ObjectiveFactory)
    value = Decimal("25")
    measured_on = factory.LazyFunction(timezone.localdate)
    comment = "Relevé du trimestre."
