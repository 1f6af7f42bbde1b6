"""The exchanges of Cuisines collectives de Montréal (private)."""

from .monteregie import KARIM
from .people import person

MARIE_PIER = person("marie-pier.labelle")
ELISE = person("elise.marchand")
ARIANE = person("ariane.lachance")
REJEAN = person("rejean.harvey")
SAMUEL = person("samuel.dion")
NADIA = person("nadia.haddad")
MATHIEU = person("mathieu.poirier")
THOMAS = person("thomas.nguyen")
ROXANNE = person("roxanne.cyr")
DAVID = person("david.thompson")
YVES = person("yves.gendron")
LOUISE = person("louise.brassard")

MONTREAL = [
    {
        "kind": "challenge",
        "author": ROXANNE,
        "title": "Achat groupé de légumineuses sèches : qui embarque?",
        "days_ago": 36,
        "tags": ["Achats locaux", "Budget"],
        "sections": {
            "problem": "Les légumineuses du Québec coûtent moins cher en sacs "
            "de 25 kg, mais aucun de nous n'en utilise assez seul.",
            "context": "CPE et cuisines collectives du quartier, environ 200 kg "
            "par mois à nous tous.",
        },
        "reactions": [(KARIM, "same_problem"), (REJEAN, "same_problem")],
        "replies": [
            {
                "author": DAVID,
                "body": "Nous pouvons livrer des sacs de 25 kg de pois jaunes, "
                "haricots rouges et lentilles du Québec à un seul point, le "
                "premier lundi du mois.",
                "reactions": [(ROXANNE, "thanks")],
            },
            {
                "author": MARIE_PIER,
                "body": "Les Mijoteuses peuvent servir de point de chute et "
                "refaire des sacs de 5 kg pour chacun. On commence en janvier?",
                "reactions": [(ROXANNE, "bravo"), (KARIM, "useful")],
            },
        ],
        "solution": 1,
    },
    {
        "kind": "success",
        "author": REJEAN,
        "title": "Les invendus du marché transformés en 300 portions de soupe",
        "days_ago": 29,
        "tags": ["Gaspillage alimentaire", "Transformation"],
        "sections": {
            "context": "Chaque samedi, les marchands du marché jetaient des "
            "légumes encore bons.",
            "actions": "Nous passons à 17 h avec deux bénévoles et des bacs. Le "
            "dimanche, atelier soupe : on blanchit, on cuisine, on congèle.",
            "result": "300 portions par mois, distribuées aux familles de la "
            "cuisine collective.",
            "success_factors": "La régularité : les marchands savent qu'on "
            "passe, ils mettent les légumes de côté.",
        },
        "reactions": [(SAMUEL, "bravo"), (ELISE, "bravo"), (LOUISE, "useful")],
        "replies": [
            {
                "author": SAMUEL,
                "body": "Bravo! À la coop, on pourrait prêter notre marmite "
                "basculante un dimanche par mois.",
                "reactions": [(REJEAN, "thanks")],
            },
        ],
    },
    {
        "kind": "tip",
        "author": SAMUEL,
        "title": "Étiqueter les surplus congelés : date, allergènes, portions",
        "days_ago": 22,
        "tags": ["Gaspillage alimentaire"],
        "sections": {
            "body": "Une étiquette avec trois lignes : la date de préparation, "
            "les allergènes, le nombre de portions. On ne jette plus les "
            "contenants « mystère » au fond du congélateur.",
        },
        "reactions": [(REJEAN, "useful"), (YVES, "thanks")],
        "replies": [
            {
                "author": YVES,
                "body": "Adopté à l'école. On ajoute une quatrième ligne : « à "
                "servir avant le », pour que les remplaçants s'y retrouvent.",
                "reactions": [(SAMUEL, "thanks")],
            },
        ],
    },
    {
        "kind": "challenge",
        "author": NADIA,
        "title": "Menus adaptés aux cultures des résidents avec des aliments d'ici",
        "days_ago": 15,
        "tags": ["Menus", "Santé et CHSLD"],
        "sections": {
            "problem": "Nos résidents viennent de partout. Ils réclament des "
            "plats de chez eux, souvent faits avec des produits importés.",
            "tried": "Un repas du monde par mois, mais tout est importé.",
        },
        "replies": [
            {
                "author": THOMAS,
                "body": "On cultive du gombo, de l'amarante et des piments sur "
                "nos toits à Montréal. En saison, on peut vous en fournir.",
                "reactions": [(NADIA, "thanks")],
            },
            {
                "author": KARIM,
                "body": "Beaucoup de plats se font avec des légumineuses et des "
                "légumes racines d'ici : le mafé aux patates douces du Québec "
                "est un succès à la cafétéria.",
            },
        ],
    },
    {
        "kind": "lessons",
        "author": MARIE_PIER,
        "title": "Notre première cuisine collective de conserves",
        "days_ago": 11,
        "tags": ["Transformation"],
        "sections": {
            "planned": "Mettre en conserve 200 pots de sauce tomate avec les "
            "tomates d'une ferme partenaire, en une journée.",
            "happened": "Nous en avons fait 90, et il a fallu deux jours.",
            "gap": "Nous avions sous-estimé le temps de stérilisation avec de "
            "petits chaudrons.",
            "lessons": "Emprunter le matériel d'une conserverie, et faire un "
            "essai à petite échelle avant la grande journée.",
        },
        "reactions": [(ARIANE, "useful")],
        "replies": [
            {
                "author": ARIANE,
                "body": "Ce serait une belle fiche pratique pour le réseau. On "
                "en parle à la prochaine rencontre?",
            },
        ],
    },
    {
        "kind": "discussion",
        "author": LOUISE,
        "title": "Fin de mois difficile : partageons nos ressources",
        "days_ago": 4,
        "tags": [],
        "sections": {
            "body": "Plusieurs familles nous disent manquer de nourriture la "
            "dernière semaine du mois. Quelles ressources du quartier "
            "recommandez-vous?",
        },
        "replies": [
            {
                "author": MARIE_PIER,
                "body": "Les Mijoteuses ouvrent une séance supplémentaire le "
                "dernier jeudi du mois. Les places sont gratuites.",
                "reactions": [(LOUISE, "thanks")],
            },
            {
                "author": ROXANNE,
                "body": "Le CPE peut remettre des paniers de légumes de la ferme "
                "urbaine de @Thomas Nguyen aux familles qui en ont besoin.",
                "reactions": [(THOMAS, "bravo")],
            },
        ],
    },
]
