"""The demo accounts and the people of each region."""

from .common import CHSLD_QUATRE_VENTS, DIRECTORY, EMAIL, TABLE_MC
from .people_bas_saint_laurent import BAS_SAINT_LAURENT
from .people_estrie import ESTRIE
from .people_monteregie import MONTEREGIE
from .people_montreal import MONTREAL

# The four accounts printed at the end of ``seed_demo``.
DEMO_ACCOUNTS = [
    {
        "email": "admin@maillage.demo",
        "staff": True,
        "login_label": "Personnel",
        "login_note": "administration, voit toutes les communautés",
        "display_name": "Alex Admin",
        "job_title": "Équipe de la plateforme",
        # Created before the organisations, which it records as their creator.
        "organisation": None,
        "region": "06",
        "bio": "Compte du personnel de la plateforme, pour la démonstration.",
        "languages": ["fr", "en"],
        "expertise": [],
        "open_to_contact": False,
        "consents": [EMAIL],
    },
    {
        "email": "animatrice@maillage.demo",
        "login_label": "Animatrice",
        "login_note": "anime Montérégie mange local et Cuisines collectives de "
        "Montréal",
        "can_launch_communities": True,
        "display_name": "Amélie Animatrice",
        "job_title": "Agente de maillage alimentaire",
        "organisation": TABLE_MC,
        "bio": "Compte de démonstration : j'anime Montérégie mange local et la "
        "communauté privée Cuisines collectives de Montréal.",
        "languages": ["fr", "en"],
        "expertise": ["Animation de communautés", "Approvisionnement local"],
        "open_to_contact": True,
        "consents": [EMAIL, DIRECTORY],
    },
    {
        "email": "membre@maillage.demo",
        "login_label": "Membre",
        "login_note": "membre de Montérégie mange local et d'Estrie à table",
        "display_name": "Marc Membre",
        "job_title": "Chef cuisinier",
        "organisation": CHSLD_QUATRE_VENTS,
        "bio": "Compte de démonstration : membre actif de Montérégie mange local "
        "et d'Estrie à table.",
        "languages": ["fr"],
        "expertise": ["Cuisine en grande quantité", "Menus saisonniers"],
        "open_to_contact": True,
        "consents": [EMAIL],
    },
    {
        "email": "nouveau@maillage.demo",
        "login_label": "Nouvelle personne",
        "login_note": "compte vérifié, membre d'aucune communauté",
        "display_name": "Noémie Nouvelle",
        "job_title": "",
        "organisation": None,
        "region": "16",
        "bio": "",
        "languages": ["fr"],
        "expertise": [],
        "open_to_contact": False,
        "consents": [],
    },
]


PEOPLE = [*MONTEREGIE, *ESTRIE, *BAS_SAINT_LAURENT, *MONTREAL]
