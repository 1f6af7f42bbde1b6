"""The exchanges of Montérégie mange local (public)."""

from .people import AMELIE, MARC, person

ISABELLE = person("isabelle.gagnon")
MARTIN = person("martin.bouchard")
JULIE = person("julie.cote")
SYLVAIN = person("sylvain.roy")
GABRIELLE = person("gabrielle.menard")
NATHALIE = person("nathalie.morin")
ERIC = person("eric.lavoie")
PATRICK = person("patrick.gauthier")
CHANTAL = person("chantal.ouellet")
FRANCOIS = person("francois.pelletier")
VALERIE = person("valerie.bergeron")
MARC_ANDRE = person("marc-andre.girard")
STEPHANE = person("stephane.levesque")
KARIM = person("karim.benali")
JESSICA = person("jessica.campbell")
MELANIE = person("melanie.fortin")
ANNIE = person("annie.leblanc")
JOSEE = person("josee.lemieux")

MONTEREGIE = [
    {
        "kind": "challenge",
        "author": ISABELLE,
        "title": "Des légumes du Québec aux collations de février sans exploser "
        "le budget",
        "days_ago": 46,
        "tags": ["CPE", "Collations", "Saisonnalité", "Budget"],
        "sections": {
            "problem": "De novembre à avril, nos collations de légumes viennent "
            "presque toutes de la Californie ou du Mexique. Les légumes d'ici que "
            "je trouve chez le distributeur coûtent plus cher et arrivent en "
            "formats trop gros pour un CPE.",
            "context": "CPE de 80 places, 18 mois à 5 ans. Budget d'environ "
            "**0,45 $ par collation**. Je cuisine seule avec une aide à temps "
            "partiel, donc peu de temps pour éplucher.",
            "tried": "- Acheter des carottes en poche de 25 lb : trop de perte.\n"
            "- Des bâtonnets de céleri importés : les enfants les laissent.",
        },
        "reactions": [(MARC, "same_problem"), (VALERIE, "same_problem")],
        "replies": [
            {
                "author": SYLVAIN,
                "body": "Chez nous, les légumes de garde (carottes, betteraves, "
                "rutabaga, courges) sortent de l'entrepôt jusqu'en mars. Si vous "
                "vous engagez en septembre sur un volume pour l'hiver, je peux "
                "vous faire un **prix fixe à la saison** et livrer aux deux "
                "semaines avec la tournée des écoles du secteur.",
                "reactions": [(ISABELLE, "useful"), (MELANIE, "bravo")],
            },
            {
                "author": FRANCOIS,
                "body": "Pour le temps de préparation : nos purées de courge et "
                "nos carottes en rondelles blanchies existent en sacs de 2 kg "
                "congelés. C'est 100 % Montérégie et ça évite la perte.",
                "reactions": [(ISABELLE, "thanks")],
            },
            {
                "author": MARC,
                "body": "Au CHSLD on fait des bâtonnets de rutabaga rôtis au "
                "miel : ça se prépare la veille en grande quantité. Pour les "
                "petits, coupez-les plus fins. @Isabelle Gagnon je peux vous "
                "envoyer la fiche.",
                "reactions": [(ISABELLE, "thanks"), (CHANTAL, "useful")],
            },
            {
                "author": ISABELLE,
                "body": "Merci à tous! J'ai signé avec @Sylvain Roy pour "
                "l'hiver : carottes et betteraves aux deux semaines. Le coût "
                "par collation est resté sous 0,45 $.",
                "reactions": [(SYLVAIN, "bravo"), (AMELIE, "bravo")],
            },
        ],
        "solution": 0,
    },
    {
        "kind": "success",
        "author": MARTIN,
        "title": "Notre menu cyclique d'automne : 40 % d'aliments du Québec en "
        "six mois",
        "days_ago": 38,
        "tags": ["Menus", "Aliments du Québec", "Santé et CHSLD"],
        "sections": {
            "context": "Hôpital régional, 650 repas par jour, menu cyclique de "
            "quatre semaines. Au départ, 22 % de nos achats venaient du Québec.",
            "actions": "Nous avons repris le menu plat par plat avec notre "
            "nutritionniste : chaque recette qui pouvait se faire avec un "
            "légume d'ici l'a été (courges, choux, légumes racines, pommes). "
            "Nous avons aussi remplacé le porc importé par celui d'un abattoir "
            "régional.",
            "result": "**40 % d'achats du Québec** sur l'automne, pour un coût "
            "par repas qui a monté de 3 %. Les plaintes sur les légumes ont "
            "baissé.",
            "success_factors": "Travailler le menu avant l'appel d'offres, pas "
            "après. Et inviter les cuisiniers à goûter les nouvelles recettes "
            "avant de les servir.",
        },
        "reactions": [(JULIE, "bravo"), (ANNIE, "bravo"), (MARC, "useful")],
        "replies": [
            {
                "author": JULIE,
                "body": "Je confirme : la dégustation avec l'équipe a tout "
                "changé. Les cuisiniers sont devenus les meilleurs ambassadeurs "
                "du nouveau menu.",
                "reactions": [(MARTIN, "thanks")],
            },
            {
                "author": ANNIE,
                "body": "Bravo! Ce genre de résultat est exactement ce que la "
                "fondation veut documenter. Pourriez-vous le présenter à la "
                "prochaine rencontre?",
            },
            {
                "author": MARC_ANDRE,
                "body": "Pour ceux qui voudraient le reproduire : le gros du "
                "travail a été de découper l'appel d'offres en lots par famille "
                "de produits. Je peux partager le gabarit.",
                "reactions": [(STEPHANE, "useful"), (PATRICK, "useful")],
            },
        ],
    },
    {
        "kind": "challenge",
        "author": MARC_ANDRE,
        "title": "Appel d'offres : laisser une place aux petites fermes sans "
        "risquer une contestation",
        "days_ago": 31,
        "tags": ["Appels d'offres", "Petits producteurs", "Achats locaux"],
        "sections": {
            "problem": "Nos appels d'offres regroupent tous les légumes frais "
            "dans un seul lot. Seuls les grands distributeurs peuvent répondre. "
            "Comment ouvrir la porte aux fermes de la région tout en restant "
            "conformes aux règles des marchés publics?",
            "context": "Établissement de santé, contrat de trois ans, environ "
            "180 000 $ par année en fruits et légumes.",
            "tried": "Un critère « produit au Québec » : refusé par le service "
            "juridique, parce qu'il restreint la concurrence.",
        },
        "reactions": [(PATRICK, "same_problem"), (STEPHANE, "same_problem")],
        "replies": [
            {
                "author": JOSEE,
                "body": "La piste qui fonctionne le mieux : l'**allotissement**. "
                "Découpez en lots par produit et par saison (ex. « pommes de "
                "septembre à décembre », « carottes de garde »). Chaque lot "
                "devient assez petit pour une ferme, et vous pouvez exiger la "
                "fraîcheur (délai entre récolte et livraison) sans nommer "
                "l'origine.",
                "reactions": [(MARC_ANDRE, "useful"), (GABRIELLE, "thanks")],
            },
            {
                "author": ERIC,
                "body": "Du côté distributeur, on peut aussi consolider les "
                "produits de plusieurs fermes sous un même contrat. C'est ce "
                "qu'on fait pour trois CPE de Saint-Hyacinthe.",
                "reactions": [(ISABELLE, "useful")],
            },
            {
                "author": GABRIELLE,
                "body": "Pour une ferme comme la nôtre, un lot de 500 kg de "
                "carottes livrées aux deux semaines, c'est parfait. Au-delà, on "
                "ne peut pas garantir l'approvisionnement.",
            },
        ],
        "solution": 0,
    },
    {
        "kind": "tip",
        "author": NATHALIE,
        "title": "Les pommes « moches » en compote pour les collations",
        "days_ago": 27,
        "tags": ["Gaspillage alimentaire", "Collations"],
        "sections": {
            "body": "Les pommes déclassées (taches, petits calibres) coûtent "
            "jusqu'à 40 % moins cher au verger. Cuites en compote sans sucre "
            "ajouté et congelées en portions, elles font des collations toute "
            "l'année. Demandez-les à votre verger dès septembre!",
        },
        "reactions": [(ISABELLE, "thanks"), (CHANTAL, "useful"), (FRANCOIS, "bravo")],
        "replies": [
            {
                "author": ISABELLE,
                "body": "Essayé cet automne : 60 litres de compote pour le coût "
                "de 25. Les enfants adorent celle à la cannelle.",
                "reactions": [(NATHALIE, "bravo")],
            },
        ],
    },
    {
        "kind": "lessons",
        "author": PATRICK,
        "title": "Bar à salades 100 % local : ce qu'on a appris en une session",
        "days_ago": 20,
        "tags": ["Gaspillage alimentaire", "Menus", "Achats locaux"],
        "sections": {
            "planned": "Un bar à salades composé uniquement de produits du "
            "Québec, de septembre à décembre, au même prix que l'ancien.",
            "happened": "Septembre et octobre : un succès. En novembre, le choix "
            "a fondu (laitue, tomates) et la fréquentation a baissé de moitié. "
            "Nous avons jeté beaucoup de verdure flétrie.",
            "gap": "Nous avions pensé l'offre comme en été. Nous n'avions pas "
            "prévu de recettes d'hiver (salades de chou, de légumes racines "
            "rôtis, de lentilles).",
            "lessons": "Planifier un menu par saison avec les producteurs, et "
            "accepter un bar « majoritairement » local l'hiver plutôt que "
            "rien.",
        },
        "reactions": [(KARIM, "useful"), (VALERIE, "thanks")],
        "replies": [
            {
                "author": KARIM,
                "body": "La salade de chou rouge, pommes et graines de tournesol "
                "fonctionne très bien chez nous en hiver. Et les lentilles "
                "vertes du Québec tiennent bien au comptoir.",
                "reactions": [(PATRICK, "thanks")],
            },
            {
                "author": VALERIE,
                "body": "Merci pour ce retour honnête, ça m'évite la même erreur "
                "à l'école.",
            },
        ],
    },
    {
        "kind": "discussion",
        "author": MELANIE,
        "title": "Rencontre de novembre : quels sujets voulez-vous aborder?",
        "days_ago": 14,
        "pinned": True,
        "tags": [],
        "sections": {
            "body": "Bonjour à toutes et à tous! Notre prochaine rencontre a lieu "
            "en ligne à la fin du mois. Proposez vos sujets ici : nous "
            "choisirons les deux qui reviennent le plus.",
        },
        "replies": [
            {
                "author": MARC,
                "body": "Le gabarit d'appel d'offres par lots dont parlait "
                "@Marc-André Girard, ce serait précieux pour nous.",
                "reactions": [(PATRICK, "same_problem"), (MELANIE, "thanks")],
            },
            {
                "author": STEPHANE,
                "body": "La gestion des surplus : on jette encore trop de "
                "portions le vendredi.",
            },
            {
                "author": AMELIE,
                "body": "Noté! Je demande à @Martin Bouchard s'il veut présenter "
                "son menu d'automne en 15 minutes.",
                "reactions": [(MARTIN, "thanks")],
            },
        ],
    },
    {
        "kind": "challenge",
        "author": VALERIE,
        "title": "Les élèves boudent les légumineuses : des idées?",
        "days_ago": 9,
        "tags": ["Écoles", "Recettes", "Menus"],
        "sections": {
            "problem": "Chaque fois que nous servons un plat de légumineuses, la "
            "moitié des assiettes revient pleine.",
            "context": "École secondaire, 450 dîners par jour. Les légumineuses "
            "sèches du Québec ne coûtent presque rien, c'est dommage de ne pas "
            "en profiter.",
            "tried": "Chili végé et salade de pois chiches.",
        },
        "reactions": [(PATRICK, "same_problem")],
        "replies": [
            {
                "author": KARIM,
                "body": "Cachez-les d'abord! Une sauce bolognaise moitié bœuf, "
                "moitié lentilles passe inaperçue. Ensuite, un houmous de "
                "haricots jaunes avec des croustilles de pita maison.",
                "reactions": [(VALERIE, "useful")],
            },
            {
                "author": JOSEE,
                "body": "Impliquez un comité d'élèves dans la dégustation : ce "
                "qu'ils choisissent, ils le mangent.",
            },
        ],
    },
    {
        "kind": "tip",
        "author": CHANTAL,
        "title": "Textures adaptées : purées de légumes racines sous vide",
        "days_ago": 5,
        "tags": ["Santé et CHSLD", "Transformation"],
        "sections": {
            "body": "Nous préparons les purées de panais, carottes et betteraves "
            "en grande quantité le lundi, sous vide en portions de 10. Elles se "
            "régénèrent sans perdre leur couleur, et les résidents en texture "
            "purée mangent enfin les mêmes légumes que les autres.",
        },
        "reactions": [(MARC, "useful"), (JULIE, "thanks")],
        "replies": [],
    },
]
