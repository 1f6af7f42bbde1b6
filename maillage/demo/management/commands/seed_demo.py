from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from maillage.demo.seed import seed_demo

# What the summary calls each kind of row created: (one, several).
_LABELS = {
    "organisations": ("organisation", "organisations"),
    "people": ("personne", "personnes"),
    "communities": ("communauté", "communautés"),
    "memberships": ("membre actif", "membres actifs"),
    "requests": ("demande d'adhésion en attente", "demandes d'adhésion en attente"),
    "invitations": ("invitation en attente", "invitations en attente"),
    "privacy_officer": (
        "responsable de la protection des renseignements",
        "responsables de la protection des renseignements",
    ),
    # The method (maillage/demo/method.py).
    "stage_changes": ("changement d'étape de vie", "changements d'étape de vie"),
    "charter_revisions": ("révision de charte", "révisions de charte"),
    "objectives": ("objectif", "objectifs"),
    "setup_steps": ("étape de démarrage suivie", "étapes de démarrage suivies"),
    "dissolutions": ("communauté dissoute", "communautés dissoutes"),
    # The exchanges (maillage/demo/exchanges.py).
    "threads": ("fil d'échange", "fils d'échange"),
    "replies": ("réponse", "réponses"),
    "reactions": ("réaction", "réactions"),
}


def _label(kind: str, count: int) -> str:
    """French: one and zero take the singular, two and more the plural."""
    one, several = _LABELS.get(kind, (kind, kind))
    return one if count < 2 else several


class Command(BaseCommand):
    help = (
        "Add fictional demo communities, organisations and people, and print the "
        "demo logins. Running it again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Seed even when DEBUG is off (never on a production site: the "
            "demo staff account has a published password).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "Refusing to load demo data with DEBUG off: the demo staff account "
                "has a published password. Use --allow-without-debug on a test "
                "machine only."
            )
        result = seed_demo()
        created = [
            f"{count} {_label(kind, count)}"
            for kind, count in result["created"].items()
            if count
        ]
        if created:
            self.stdout.write(
                self.style.SUCCESS("Données de démonstration ajoutées : ")
                + ", ".join(created)
                + "."
            )
        else:
            self.stdout.write(
                "Les données de démonstration sont déjà en place : rien à ajouter."
            )
        self.stdout.write("")
        self.stdout.write(
            f"Comptes de démonstration (mot de passe : {result['password']})"
        )
        logins = result["logins"]
        label_width = max(len(login["label"]) for login in logins)
        email_width = max(len(login["email"]) for login in logins)
        for login in logins:
            self.stdout.write(
                f"  {login['label']:<{label_width}}  "
                f"{login['email']:<{email_width}}  {login['note']}"
            )
