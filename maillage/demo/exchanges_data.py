"""The demo's exchanges: threads, replies and reactions, per community.

Plain data only; ``exchanges.py`` writes it through the services. People are
named by their demo e-mail; ``days_ago`` dates a thread (before the archive date
for an archived community) and each reply comes some hours after the previous
one. ``solution`` is the index of the reply its author marks as the solution.
"""

AMELIE = "animatrice@maillage.demo"
MARC = "membre@maillage.demo"


def _q(name):
    return f"{name}@exemple.qc.ca"


# Montérégie mange local (public) ----------------------------------------------

ISABELLE = _q("isabelle.gagnon")
MARTIN = _q("martin.bouchard")
JULIE = _q("julie.cote")
SYLVAIN = _q("sylvain.roy")
GABRIELLE = _q("gabrielle.menard")
NATHALIE = _q("nathalie.morin")
ERIC = _q("eric.lavoie")
PATRICK = _q("patrick.gauthier")
CHANTAL = _q("chantal.ouellet")
FRANCOIS = _q("francois.pelletier")
VALERIE = _q("valerie.bergeron")
MARC_ANDRE = _q("marc-andre.girard")
STEPHANE = _q("stephane.levesque")
KARIM = _q("karim.benali")
JESSICA = _q("jessica.campbell")
MELANIE = _q("melanie.fortin")
ANNIE = _q("annie.leblanc")
JOSEE = _q("josee.lemieux")

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

# Estrie à table (restricted) ---------------------------------------------------

GENEVIEVE = _q("genevieve.tremblay")
AUDREY = _q("audrey.gingras")
PIERRE = _q("pierre.boucher")
LUC = _q("luc.caron")
MARIE_EVE = _q("marie-eve.poulin")
EMILIE = _q("emilie.vachon")
JEAN_FRANCOIS = _q("jean-francois.nadeau")
SOPHIE = _q("sophie.beaulieu")
DANIEL = _q("daniel.fournier")
CAROLINE = _q("caroline.dube")
MICHEL = _q("michel.cloutier")
VINCENT = _q("vincent.hebert")
CLAUDIA = _q("claudia.gosselin")

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

# Bas-Saint-Laurent nourricier (public, then archived) --------------------------

CATHERINE = _q("catherine.michaud")
MANON = _q("manon.proulx")
OLIVIER = _q("olivier.theriault")
GUILLAUME = _q("guillaume.saint-pierre")
MAXIME = _q("maxime.fillion")
LISE = _q("lise.landry")
DENIS = _q("denis.gagne")
HELENE = _q("helene.lepage")
SEBASTIEN = _q("sebastien.berube")
SANDRA = _q("sandra.lebel")
ALEXANDRE = _q("alexandre.martel")
SYLVAIN_BSL = SYLVAIN
RICHARD = _q("richard.bernier")

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

# Cuisines collectives de Montréal (private) ------------------------------------

MARIE_PIER = _q("marie-pier.labelle")
ELISE = _q("elise.marchand")
ARIANE = _q("ariane.lachance")
REJEAN = _q("rejean.harvey")
SAMUEL = _q("samuel.dion")
NADIA = _q("nadia.haddad")
MATHIEU = _q("mathieu.poirier")
THOMAS = _q("thomas.nguyen")
ROXANNE = _q("roxanne.cyr")
DAVID = _q("david.thompson")
YVES = _q("yves.gendron")
LOUISE = _q("louise.brassard")

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

EXCHANGES = {
    "monteregie-mange-local": MONTEREGIE,
    "estrie-a-table": ESTRIE,
    "bas-saint-laurent-nourricier": BAS_SAINT_LAURENT,
    "cuisines-collectives-montreal": MONTREAL,
}

# People who follow a whole community (told of each new thread).
COMMUNITY_FOLLOWERS = {
    "monteregie-mange-local": [MARC, AMELIE, ISABELLE],
    "estrie-a-table": [MARC, GENEVIEVE],
    "cuisines-collectives-montreal": [MARIE_PIER],
}
