"""The demo people of Montérégie (region 16)."""

# An en dash separates an institution from its service, as French typography does.
# ruff: noqa: RUF001

from .common import CHSLD_QUATRE_VENTS, DIRECTORY, EMAIL, HOPITAL_PAE, TABLE_MC, person

MONTEREGIE = [
    person(
        "isabelle.gagnon@exemple.qc.ca",
        "Isabelle Gagnon",
        "Responsable de l'alimentation",
        "CPE Les Petites Pousses",
        "Je cuisine chaque jour pour 80 enfants de 18 mois à 5 ans. Mon défi : "
        "servir plus de légumes d'ici sans dépasser le budget par repas.",
        ["Petite enfance", "Menus saisonniers", "Budget alimentaire"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "martin.bouchard@exemple.qc.ca",
        "Martin Bouchard",
        "Chef de production",
        HOPITAL_PAE,
        "Vingt ans en cuisine hospitalière. J'intègre peu à peu les légumes racines "
        "de la région dans notre menu cyclique de quatre semaines.",
        ["Cuisine en grande quantité", "Menus saisonniers"],
        languages=["fr", "en"],
    ),
    person(
        "julie.cote@exemple.qc.ca",
        "Julie Côté",
        "Nutritionniste",
        HOPITAL_PAE,
        "Je veille à ce que les menus restent adaptés aux besoins des patients tout "
        "en faisant plus de place aux aliments du Québec.",
        ["Nutrition clinique", "Aliments du Québec au menu"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "sylvain.roy@exemple.qc.ca",
        "Sylvain Roy",
        "Maraîcher",
        "Ferme maraîchère Les Jardins du Coteau",
        "Nous cultivons une quarantaine de légumes sur 12 hectares. Depuis trois "
        "ans, nous livrons deux CPE et une école du secteur.",
        ["Production maraîchère", "Circuits courts", "Saisonnalité"],
        consents=[DIRECTORY],
    ),
    person(
        "gabrielle.menard@exemple.qc.ca",
        "Gabrielle Ménard",
        "Responsable de la mise en marché",
        "Ferme maraîchère Les Jardins du Coteau",
        "Paniers, marchés publics et, depuis peu, établissements : je m'occupe de "
        "vendre nos légumes et de planifier les volumes avec les cuisines.",
        ["Mise en marché", "Production maraîchère"],
    ),
    person(
        "nathalie.morin@exemple.qc.ca",
        "Nathalie Morin",
        "Copropriétaire",
        "Vergers Mont-Rosée",
        "Pommes, poires et petits fruits. J'aimerais vendre nos fruits déclassés "
        "aux cuisines institutionnelles plutôt que de les perdre.",
        ["Pommes et petits fruits", "Gaspillage alimentaire"],
        open_to_contact=False,
    ),
    person(
        "eric.lavoie@exemple.qc.ca",
        "Éric Lavoie",
        "Directeur des ventes institutionnelles",
        "Distribution Saveurs de la Montérégie",
        "Je fais le lien entre une cinquantaine de fermes de la région et les "
        "acheteurs des établissements publics.",
        ["Distribution", "Logistique", "Appels d'offres"],
        languages=["fr", "en"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "melanie.fortin@exemple.qc.ca",
        "Mélanie Fortin",
        "Agente de développement agroalimentaire",
        TABLE_MC,
        "J'accompagne les établissements qui veulent s'approvisionner localement "
        "et je coanime la communauté Montérégie mange local.",
        ["Concertation régionale", "Approvisionnement local"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "patrick.gauthier@exemple.qc.ca",
        "Patrick Gauthier",
        "Responsable des services alimentaires",
        "Cégep de Rivière-aux-Pommes – service alimentaire",
        "Notre cafétéria sert 1 200 repas par jour. Nous visons la reconnaissance "
        "Aliments du Québec au menu d'ici deux ans.",
        ["Aliments du Québec au menu", "Restauration collective"],
        languages=["fr", "en"],
        open_to_contact=False,
    ),
    person(
        "chantal.ouellet@exemple.qc.ca",
        "Chantal Ouellet",
        "Technicienne en diététique",
        CHSLD_QUATRE_VENTS,
        "Textures adaptées, goûts d'autrefois : je remets des recettes d'ici au "
        "menu de nos résidentes et résidents.",
        ["Textures adaptées", "Nutrition clinique", "Recettes traditionnelles"],
        consents=[],
    ),
    person(
        "francois.pelletier@exemple.qc.ca",
        "François Pelletier",
        "Directeur",
        "Conserverie Le Bocal d'Or",
        "Nous transformons les surplus de récolte en soupes, sauces et légumes en "
        "conserve, en formats adaptés aux cuisines institutionnelles.",
        ["Transformation", "Conservation", "Gaspillage alimentaire"],
        consents=[DIRECTORY],
    ),
    person(
        "karine.belanger@exemple.qc.ca",
        "Karine Bélanger",
        "Coordonnatrice",
        "Banque alimentaire La Récolte solidaire",
        "Je coordonne la récupération des invendus de la région et leur "
        "redistribution à une trentaine d'organismes.",
        ["Sécurité alimentaire", "Gaspillage alimentaire"],
    ),
    person(
        "stephane.levesque@exemple.qc.ca",
        "Stéphane Lévesque",
        "Gestionnaire du service alimentaire",
        "Cafétéria d'entreprise Aéro-Sud",
        "Je gère une cafétéria de 600 couverts en milieu industriel; nos employés "
        "réclament plus de plats maison et d'ingrédients locaux.",
        ["Restauration collective", "Budget alimentaire"],
        languages=["fr", "en"],
        open_to_contact=False,
        consents=[],
    ),
    person(
        "valerie.bergeron@exemple.qc.ca",
        "Valérie Bergeron",
        "Cuisinière",
        "École secondaire du Val-Fleuri",
        "Cuisinière à l'école depuis 12 ans. J'adore faire goûter de nouveaux "
        "légumes aux ados, quitte à les déguiser un peu!",
        ["Éducation alimentaire", "Cuisine en grande quantité"],
    ),
    person(
        "benoit.lessard@exemple.qc.ca",
        "Benoît Lessard",
        "Directeur adjoint",
        "École secondaire du Val-Fleuri",
        "Je soutiens le comité de la cafétéria, qui souhaite un menu plus local et "
        "moins de suremballage.",
        ["Éducation alimentaire"],
        open_to_contact=False,
        consents=[],
    ),
    person(
        "annie.leblanc@exemple.qc.ca",
        "Annie Leblanc",
        "Directrice générale",
        "Fondation Tablée verte",
        "La Fondation finance des projets qui rapprochent les fermes d'ici et les "
        "cuisines publiques. J'accompagne la communauté comme marraine.",
        ["Financement de projets", "Évaluation"],
        languages=["fr", "en"],
        open_to_contact=False,
    ),
    person(
        "marc-andre.girard@exemple.qc.ca",
        "Marc-André Girard",
        "Conseiller en approvisionnement",
        HOPITAL_PAE,
        "Je rédige nos appels d'offres alimentaires et je cherche comment les "
        "ouvrir aux petits fournisseurs sans alourdir la gestion.",
        ["Appels d'offres", "Approvisionnement local"],
        consents=[EMAIL, DIRECTORY],
    ),
]
