import factory
from django.utils import timezone

from maillage.accounts.tests.factories import UserFactory
from maillage.communities.tests.factories import CommunityFactory
from maillage.conversations.models import Reaction, Reply, Tag, Thread


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Sujet {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class ThreadFactory(factory.django.DjangoModelFactory):
    """A thread written directly (no notification); services are tested apart."""

    class Meta:
        model = Thread
        skip_postgeneration_save = True

    community = factory.SubFactory(CommunityFactory)
    author = factory.SubFactory(UserFactory)
    kind = Thread.Kind.CHALLENGE
    title = factory.Sequence(lambda n: f"Comment acheter local, défi {n}?")
    problem = "Nos fournisseurs ne livrent pas en **hiver**."
    body = "Un truc qui marche."
    actions = "Nous avons fait un appel à petits producteurs."
    result = "Trente pour cent d'achats locaux."
    happened = "Le projet a pris du retard."
    lessons = "Commencer petit."
    last_activity_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Voici ce que nous faisons, réponse {n}.")


class ReactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reaction

    user = factory.SubFactory(UserFactory)
    kind = Reaction.Kind.THANKS
