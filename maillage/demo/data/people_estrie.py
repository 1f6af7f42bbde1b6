"""The demo people of Estrie (region 05)."""

# An en dash separates an institution from its service, as French typography does.
# ruff: noqa: RUF001

from .common import CH_LAC_BRILLANT, DIRECTORY, EMAIL, TABLE_CANTONS, person

ESTRIE = [
    person(
        "genevieve.tremblay@exemple.qc.ca",
        "Geneviève Tremblay",
        "Nutritionniste, cheffe du service alimentaire",
        CH_LAC_BRILLANT,
        "J'anime la communauté Estrie à table. Notre cuisine centrale prépare "
        "3 000 repas par jour pour l'hôpital et deux CHSLD.",
        ["Animation de communautés", "Cuisine centrale", "Nutrition clinique"],
        languages=["fr", "en"],
        consents=[EMAIL, DIRECTORY],
        can_launch_communities=True,
    ),
    person(
        "luc.caron@exemple.qc.ca",
        "Luc Caron",
        "Chef cuisinier",
        CH_LAC_BRILLANT,
        "Je mets au point des recettes en grande quantité avec des légumineuses et "
        "des grains cultivés au Québec.",
        ["Cuisine en grande quantité", "Légumineuses"],
    ),
    person(
        "pierre.boucher@exemple.qc.ca",
        "Pierre Boucher",
        "Directeur de la logistique",
        CH_LAC_BRILLANT,
        "Parrain d'Estrie à table : j'aide à lever les obstacles administratifs "
        "qui freinent les achats locaux.",
        ["Logistique", "Gestion contractuelle"],
        open_to_contact=False,
    ),
    person(
        "marie-eve.poulin@exemple.qc.ca",
        "Marie-Ève Poulin",
        "Responsable de l'alimentation",
        "CPE La Ribambelle des Cantons",
        "Nos menus suivent les saisons depuis cinq ans. Je partage volontiers mes "
        "menus et ma liste de fournisseurs.",
        ["Petite enfance", "Menus saisonniers"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "emilie.vachon@exemple.qc.ca",
        "Émilie Vachon",
        "Éducatrice et responsable du potager",
        "CPE La Ribambelle des Cantons",
        "Avec les enfants, on sème, on récolte et on cuisine. Le potager nourrit "
        "aussi nos menus d'automne.",
        ["Petite enfance", "Potagers éducatifs"],
        consents=[DIRECTORY],
    ),
    person(
        "jean-francois.nadeau@exemple.qc.ca",
        "Jean-François Nadeau",
        "Maître fromager",
        "Fromagerie La Meule des Cantons",
        "Nos fromages au lait de la région entrent peu à peu dans les hôpitaux; on "
        "apprend à répondre aux exigences de formats et de traçabilité.",
        ["Produits laitiers", "Transformation", "Traçabilité"],
        languages=["fr", "en"],
        consents=[DIRECTORY],
    ),
    person(
        "sophie.beaulieu@exemple.qc.ca",
        "Sophie Beaulieu",
        "Éleveuse",
        "Bergerie du Ruisseau-Vert",
        "Agneau élevé au pâturage. Je cherche à faire connaître les coupes moins "
        "populaires auprès des cuisines collectives.",
        ["Viandes", "Circuits courts"],
        open_to_contact=False,
        consents=[],
    ),
    person(
        "daniel.fournier@exemple.qc.ca",
        "Daniel Fournier",
        "Producteur laitier",
        "Ferme laitière des Trois-Clochers",
        "Troisième génération sur la ferme. Nous étudions la possibilité de "
        "transformer une part de notre lait en yogourt pour les CPE.",
        ["Produits laitiers", "Production agricole"],
    ),
    person(
        "caroline.dube@exemple.qc.ca",
        "Caroline Dubé",
        "Coordonnatrice des achats",
        "Coop de distribution Panier estrien",
        "Notre coop regroupe 35 producteurs et livre chaque semaine une vingtaine "
        "d'établissements de l'Estrie.",
        ["Distribution", "Achats regroupés", "Logistique"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "michel.cloutier@exemple.qc.ca",
        "Michel Cloutier",
        "Directeur des services alimentaires",
        "Université des Cantons – services alimentaires",
        "Nous avons adopté une politique d'alimentation durable; je cherche des "
        "indicateurs simples pour suivre la part québécoise de nos achats.",
        ["Indicateurs d'achats", "Restauration collective"],
        languages=["fr", "en"],
        open_to_contact=False,
    ),
    person(
        "audrey.gingras@exemple.qc.ca",
        "Audrey Gingras",
        "Agente de liaison",
        TABLE_CANTONS,
        "Je fais du maillage entre producteurs et acheteurs : visites de fermes, "
        "rencontres d'affaires, catalogue de produits régionaux.",
        ["Concertation régionale", "Maillage d'affaires"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "claudia.gosselin@exemple.qc.ca",
        "Claudia Gosselin",
        "Conseillère en développement",
        TABLE_CANTONS,
        "Je prépare un catalogue des produits régionaux offerts aux établissements, "
        "avec les formats, les volumes et les périodes de disponibilité.",
        ["Maillage d'affaires", "Saisonnalité"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "vincent.hebert@exemple.qc.ca",
        "Vincent Hébert",
        "Cuisinier",
        "École primaire La Clé-des-Champs",
        "Je prépare les dîners de 250 élèves. Cette année, on a lancé un potager "
        "scolaire avec les enseignantes et enseignants.",
        ["Éducation alimentaire", "Potagers éducatifs"],
        consents=[],
    ),
    person(
        "josee.lemieux@exemple.qc.ca",
        "Josée Lemieux",
        "Nutritionniste-conseil",
        "Consultation nutrition Équilibre Plus",
        "J'accompagne les établissements dans la révision de leurs menus et de "
        "leurs devis d'achat. Experte invitée dans quelques communautés.",
        ["Nutrition clinique", "Révision de menus", "Appels d'offres"],
        languages=["fr", "en"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "simon.mercier@exemple.qc.ca",
        "Simon Mercier",
        "Intervenant en sécurité alimentaire",
        "Regroupement Manger mieux Estrie",
        "J'organise des cuisines collectives et des achats groupés dans les "
        "quartiers de Sherbrooke.",
        ["Sécurité alimentaire", "Cuisines collectives"],
    ),
]
