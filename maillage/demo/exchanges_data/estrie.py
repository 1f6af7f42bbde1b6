"""The exchanges of Estrie à table (restricted)."""

from .monteregie import ERIC, JOSEE
from .people import MARC, person

GENEVIEVE = person("genevieve.tremblay")
AUDREY = person("audrey.gingras")
PIERRE = person("pierre.boucher")
LUC = person("luc.caron")
MARIE_EVE = person("marie-eve.poulin")
EMILIE = person("emilie.vachon")
JEAN_FRANCOIS = person("jean-francois.nadeau")
SOPHIE = person("sophie.beaulieu")
DANIEL = person("daniel.fournier")
CAROLINE = person("caroline.dube")
MICHEL = person("michel.cloutier")
VINCENT = person("vincent.hebert")
CLAUDIA = person("claudia.gosselin")

ESTRIE = [
    {
        "kind": "challenge",
        "author": MARIE_EVE,
        "title": "Fromages d'ici aux collations : quels formats pour un CPE de "
        "60 places?",
        "days_ago": 40,
        "tags": ["CPE", "Collations", "Petits producteurs"],
        "sections": {
            "problem": "Nous aimerions servir le cheddar de la fromagerie voisine "
            "aux collations, mais les meules de 20 kg ne conviennent pas et les "
            "portions emballées individuellement coûtent trop cher.",
            "context": "CPE de 60 places, deux collations par jour, livraison "
            "le mardi seulement.",
        },
        "reactions": [(EMILIE, "same_problem")],
        "replies": [
            {
                "author": JEAN_FRANCOIS,
                "body": "Nous pouvons couper les meules en blocs de 1 kg sous "
                "vide, à peine plus cher que la meule. Ils se conservent six "
                "semaines au frigo. Livraison aux deux semaines avec la tournée "
                "de Magog.",
                "reactions": [(MARIE_EVE, "thanks"), (AUDREY, "bravo")],
            },
            {
                "author": CAROLINE,
                "body": "Et si trois CPE du secteur se regroupent, la coop peut "
                "ajouter le fromage à la commande commune du mardi.",
                "reactions": [(MARIE_EVE, "useful")],
            },
        ],
        "solution": 0,
    },
    {
        "kind": "success",
        "author": GENEVIEVE,
        "title": "Achat regroupé d'agneau avec deux autres établissements",
        "days_ago": 33,
        "tags": ["Achats locaux", "Santé et CHSLD", "Distribution"],
        "sections": {
            "context": "Trois établissements de santé voulaient servir de "
            "l'agneau de l'Estrie, mais aucun n'en achetait assez pour "
            "intéresser un éleveur.",
            "actions": "Nous avons additionné nos besoins sur un an, puis "
            "rencontré la Bergerie du Ruisseau-Vert avec un calendrier d'abattage "
            "et des coupes standardisées (épaule désossée, haché).",
            "result": "Deux repas d'agneau par mois dans chaque établissement, "
            "à un prix négocié pour l'année.",
            "success_factors": "Des coupes simples, un calendrier connu "
            "d'avance, et la logistique de @Pierre Boucher pour les livraisons.",
        },
        "reactions": [(SOPHIE, "bravo"), (AUDREY, "bravo"), (LUC, "useful")],
        "replies": [
            {
                "author": SOPHIE,
                "body": "De notre côté, connaître les volumes un an d'avance "
                "nous a permis d'ajuster le troupeau. Merci pour la confiance!",
                "reactions": [(GENEVIEVE, "thanks")],
            },
            {
                "author": PIERRE,
                "body": "Pour les autres : le plus long a été d'harmoniser les "
                "fiches techniques entre les trois cuisines. Je partage la "
                "nôtre sur demande.",
            },
        ],
    },
    {
        "kind": "challenge",
        "author": LUC,
        "title": "Traçabilité exigée dans le devis : comment les petits "
        "fournisseurs s'en sortent-ils?",
        "days_ago": 24,
        "tags": ["Appels d'offres", "Petits producteurs"],
        "sections": {
            "problem": "Notre devis exige un numéro de lot et une fiche de "
            "traçabilité par livraison. Les petites fermes nous disent que "
            "c'est trop lourd et ne soumissionnent plus.",
            "tried": "Nous avons allégé le formulaire, sans grand effet.",
        },
        "reactions": [(MARC, "same_problem")],
        "replies": [
            {
                "author": ERIC,
                "body": "Un distributeur peut porter la traçabilité pour "
                "plusieurs petites fermes : c'est une partie de notre valeur "
                "ajoutée.",
            },
            {
                "author": JEAN_FRANCOIS,
                "body": "Pour nous, un gabarit simple sur une page, rempli à la "
                "préparation de la commande, ça va. C'est le format exigé qui "
                "change d'un client à l'autre qui nous épuise.",
                "reactions": [(LUC, "useful"), (CLAUDIA, "useful")],
            },
        ],
    },
    {
        "kind": "tip",
        "author": EMILIE,
        "title": "Le potager du CPE fournit les fines herbes de juillet à septembre",
        "days_ago": 18,
        "tags": ["CPE", "Saisonnalité"],
        "sections": {
            "body": "Six bacs surélevés suffisent pour le basilic, la ciboulette "
            "et le persil de tout l'été. Les enfants arrosent, et goûtent ce "
            "qu'ils ont fait pousser. Le surplus se congèle en glaçons d'herbes "
            "pour l'automne.",
        },
        "reactions": [(MARIE_EVE, "bravo"), (VINCENT, "thanks")],
        "replies": [
            {
                "author": VINCENT,
                "body": "On fait pareil à l'école avec les classes de 3e année. "
                "Ça marche aussi avec la laitue en septembre.",
            },
        ],
    },
    {
        "kind": "lessons",
        "author": MICHEL,
        "title": "Notre première année à mesurer la part d'aliments du Québec",
        "days_ago": 12,
        "tags": ["Aliments du Québec", "Budget"],
        "sections": {
            "planned": "Mesurer chaque mois le pourcentage de nos achats "
            "alimentaires qui viennent du Québec, à partir des factures.",
            "happened": "Les trois premiers mois, impossible de comparer : les "
            "factures des distributeurs ne disent pas toujours l'origine.",
            "gap": "Nous pensions que l'information existait déjà. Il a fallu la "
            "demander, produit par produit.",
            "lessons": "Demander l'origine dans le contrat dès le départ, et "
            "commencer par les dix produits les plus achetés plutôt que tout "
            "mesurer.",
        },
        "reactions": [(CLAUDIA, "useful"), (GENEVIEVE, "thanks")],
        "replies": [
            {
                "author": CLAUDIA,
                "body": "La Table peut vous aider à bâtir la liste des dix "
                "produits : on a fait l'exercice avec deux autres "
                "établissements.",
            },
        ],
    },
    {
        "kind": "discussion",
        "author": AUDREY,
        "title": "Calendrier de disponibilité des produits de l'Estrie : qui "
        "veut contribuer?",
        "days_ago": 7,
        "pinned": True,
        "tags": ["Saisonnalité"],
        "sections": {
            "body": "Nous voulons publier un calendrier simple : quel produit de "
            "la région est disponible quel mois, en quelle quantité. Les "
            "producteurs, pouvez-vous nous dire vos périodes?",
        },
        "replies": [
            {
                "author": DANIEL,
                "body": "Lait et crème : toute l'année, évidemment. Le yogourt "
                "de la ferme, de mars à décembre.",
            },
            {
                "author": SOPHIE,
                "body": "Agneau frais d'août à décembre, congelé le reste de l'année.",
                "reactions": [(AUDREY, "thanks")],
            },
        ],
    },
    {
        "kind": "challenge",
        "author": VINCENT,
        "title": "Gaspillage au dîner : les plateaux reviennent à moitié pleins",
        "days_ago": 3,
        "tags": ["Gaspillage alimentaire", "Écoles"],
        "sections": {
            "problem": "Nous jetons environ un tiers de ce que nous servons le "
            "midi, surtout les légumes d'accompagnement.",
            "context": "École primaire, 300 élèves, 25 minutes pour dîner.",
        },
        "replies": [
            {
                "author": JOSEE,
                "body": "Vingt-cinq minutes, c'est court : les légumes passent "
                "en dernier. Servez-les en entrée, pendant que la file avance.",
                "reactions": [(VINCENT, "useful")],
            },
            {
                "author": MARC,
                "body": "Pesez les restes une semaine par mois : on a réduit "
                "nos portions de riz de 20 % au CHSLD juste en regardant les "
                "chiffres.",
            },
        ],
    },
]
