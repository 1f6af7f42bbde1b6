from decimal import Decimal

import factory
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import (
    Community,
    CommunityProposal,
    Membership,
    Objective,
    ObjectiveProgress,
)
from maillage.territories.models import Region


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Communauté {n}")
    slug = factory.Sequence(lambda n: f"communaute-{n}")
    domain = "Approvisionnement alimentaire local"
    description = "Une communauté pour **partager** nos bons coups."
    visibility = Community.Visibility.PUBLIC
    join_policy = Community.JoinPolicy.OPEN

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create:
            self.regions.set(extracted or [Region.objects.get(code="16")])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER
    state = Membership.State.ACTIVE
    joined_at = factory.LazyFunction(timezone.now)


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
