"""The exchanges of Bas-Saint-Laurent nourricier (public, then archived)."""

from .monteregie import SYLVAIN
from .people import person

CATHERINE = person("catherine.michaud")
MANON = person("manon.proulx")
OLIVIER = person("olivier.theriault")
GUILLAUME = person("guillaume.saint-pierre")
MAXIME = person("maxime.fillion")
LISE = person("lise.landry")
DENIS = person("denis.gagne")
HELENE = person("helene.lepage")
SEBASTIEN = person("sebastien.berube")
SANDRA = person("sandra.lebel")
ALEXANDRE = person("alexandre.martel")
SYLVAIN_BSL = SYLVAIN
RICHARD = person("richard.bernier")

BAS_SAINT_LAURENT = [
    {
        "kind": "success",
        "author": MANON,
        "title": "Une tournée de livraison partagée pour cinq écoles de la MRC",
        "days_ago": 60,
        "tags": ["Distribution", "Écoles", "Achats locaux"],
        "sections": {
            "context": "Cinq écoles à plus de 50 km des fermes. Chaque "
            "producteur livrait seul, pour de petites quantités.",
            "actions": "Le Carrefour a organisé une tournée unique le jeudi : "
            "les fermes déposent leurs produits à l'entrepôt le mercredi, un "
            "seul camion fait les cinq écoles.",
            "result": "Trois fermes de plus fournissent les écoles, et le coût "
            "de transport par caisse a baissé de moitié.",
            "success_factors": "Un jour de livraison fixe, et un entrepôt réfrigéré "
            "prêté par la coopérative.",
        },
        "reactions": [(CATHERINE, "bravo"), (SEBASTIEN, "useful"), (RICHARD, "bravo")],
        "replies": [
            {
                "author": OLIVIER,
                "body": "Pour une serre comme la nôtre, ça change tout : on "
                "livre les écoles sans sacrifier une journée de récolte.",
                "reactions": [(MANON, "thanks")],
            },
            {
                "author": ALEXANDRE,
                "body": "À l'école des Battures, les élèves de cuisine "
                "reçoivent maintenant les légumes de la ferme de leurs voisins.",
            },
        ],
    },
    {
        "kind": "challenge",
        "author": LISE,
        "title": "Du poisson local pour les tout-petits : arêtes, coût et fréquence",
        "days_ago": 52,
        "tags": ["CPE", "Menus"],
        "sections": {
            "problem": "Nous aimerions servir du poisson du fleuve une fois par "
            "semaine, mais j'ai peur des arêtes et le prix du filet frais "
            "dépasse notre budget.",
            "context": "CPE de 50 places. La cuisine n'a pas de "
            "surgélateur, seulement un congélateur ordinaire.",
        },
        "reactions": [(DENIS, "same_problem")],
        "replies": [
            {
                "author": MAXIME,
                "body": "Le sébaste et la plie désarêtés, congelés en portions de "
                "75 g, coûtent le tiers du filet frais. On les prépare au fumoir, "
                "et on vérifie les arêtes à la main pour les CPE.",
                "reactions": [(LISE, "thanks"), (CATHERINE, "useful")],
            },
            {
                "author": HELENE,
                "body": "Au CHSLD on le sert en croquettes ou en pâté au "
                "poisson : même s'il reste une petite arête, elle est broyée.",
            },
        ],
        "solution": 0,
    },
    {
        "kind": "tip",
        "author": GUILLAUME,
        "title": "Le pain de la veille devient pouding et croûtons",
        "days_ago": 44,
        "tags": ["Gaspillage alimentaire", "Recettes"],
        "sections": {
            "body": "Nos invendus partent le lendemain matin vers deux cuisines "
            "scolaires : pouding au pain et sirop d'érable, croûtons pour les "
            "soupes. Rien ne se perd, et les écoles paient le prix coûtant.",
        },
        "reactions": [(HELENE, "thanks"), (ALEXANDRE, "bravo")],
        "replies": [],
    },
    {
        "kind": "lessons",
        "author": CATHERINE,
        "title": "Entrepôt partagé pour les légumes de garde : bilan de l'hiver",
        "days_ago": 35,
        "tags": ["Distribution", "Saisonnalité"],
        "sections": {
            "planned": "Stocker dans un entrepôt commun les carottes, navets et "
            "pommes de terre de quatre fermes, pour fournir les établissements "
            "jusqu'en avril.",
            "happened": "Tout a bien été jusqu'en février, puis 15 % des "
            "carottes ont germé.",
            "gap": "L'humidité n'était pas assez contrôlée, et personne n'était "
            "responsable de la vérifier chaque semaine.",
            "lessons": "Nommer une personne responsable, et vendre d'abord ce "
            "qui se conserve le moins bien.",
        },
        "reactions": [(MANON, "useful"), (OLIVIER, "thanks")],
        "replies": [
            {
                "author": SYLVAIN_BSL,
                "body": "En Montérégie, on mesure l'humidité deux fois par "
                "semaine : 95 % pour les carottes. Un hygromètre à 40 $ a "
                "sauvé notre saison.",
                "reactions": [(CATHERINE, "thanks")],
            },
        ],
    },
    {
        "kind": "challenge",
        "author": SEBASTIEN,
        "title": "Tomates de serre l'hiver : le prix fait peur à la direction",
        "days_ago": 28,
        "tags": ["Budget", "Saisonnalité"],
        "sections": {
            "problem": "La tomate de serre du Bas-Saint-Laurent coûte 30 % de "
            "plus que l'importée de janvier à mars. La direction hésite.",
            "tried": "Nous l'avons servie seulement le vendredi, ce qui ne "
            "change pas grand-chose au volume.",
        },
        "replies": [
            {
                "author": OLIVIER,
                "body": "Nos tomates cerises déclassées sont moins chères et "
                "parfaites pour les salades. On peut aussi fixer le prix pour "
                "tout l'hiver.",
            },
            {
                "author": SANDRA,
                "body": "Pour convaincre la direction, on a calculé le coût par "
                "portion plutôt qu'au kilo : l'écart fond à quelques cents.",
                "reactions": [(SEBASTIEN, "useful")],
            },
        ],
    },
    {
        "kind": "discussion",
        "author": CATHERINE,
        "title": "Avant la fermeture : ce que nous gardons de la communauté",
        "days_ago": 10,
        "pinned": True,
        "tags": [],
        "sections": {
            "body": "Nous avons atteint nos objectifs : la tournée de livraison "
            "et l'entrepôt continuent sans nous. Avant d'archiver la "
            "communauté, dites-nous ce qui vous a été le plus utile.",
        },
        "replies": [
            {
                "author": MANON,
                "body": "Les contacts! Je n'aurais jamais parlé à @Olivier "
                "Thériault sans la communauté.",
                "reactions": [(OLIVIER, "thanks"), (CATHERINE, "bravo")],
            },
            {
                "author": DENIS,
                "body": "Les recettes de poisson de @Maxime Fillion sont "
                "maintenant au menu du CHSLD.",
            },
        ],
    },
]
