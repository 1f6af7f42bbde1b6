import factory
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.models import Community, Membership
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
