import factory

from maillage.accounts import services as account_services
from maillage.accounts.models import Consent
from maillage.accounts.tests.factories import UserFactory
from maillage.communities.tests.factories import CommunityFactory
from maillage.notifications.models import Notification


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    community = factory.SubFactory(CommunityFactory)
    kind = "new_reply"
    actor = factory.SubFactory(UserFactory)
    subject = factory.Sequence(lambda n: f"Menu local numéro {n}")
    excerpt = "Nous avons remplacé les pommes importées par des pommes du Québec."
    url = factory.Sequence(lambda n: f"/c/exemple/fils/{n}/#reponse-{n}")


def consent_to_email(user):
    """Give ``user`` the e-mail notification consent."""
    account_services.give_consent(user=user, purpose=Consent.Purpose.EMAIL)
    return user
