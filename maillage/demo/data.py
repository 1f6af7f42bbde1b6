"""The fictional demo data: communities, organisations, people and their places.

Every organisation, person and place name here is invented (place names such as
Pointe-aux-Érables or Lac-Brillant do not exist); websites use exemple.org and
personal addresses exemple.qc.ca. Plain data only: ``seed.py`` does the writing.
"""

# An en dash separates an institution from its service, as French typography does.
# ruff: noqa: RUF001

# Consent purposes (values of accounts.models.Consent.Purpose).
EMAIL = "email_notifications"
DIRECTORY = "directory"

# --- Communities -------------------------------------------------------------

_MONTEREGIE = """\
Surnommée le garde-manger du Québec, la Montérégie produit une bonne part des
fruits et légumes de la province. Pourtant, ils se rendent encore trop rarement
dans les assiettes de nos CPE, de nos écoles, de nos hôpitaux et de nos CHSLD.

**Montérégie mange local** réunit les responsables de l'alimentation, les
cuisinières et cuisiniers, les nutritionnistes et les gens de l'offre
(productrices, transformateurs, distributeurs) qui veulent augmenter la part
d'aliments du Québec dans les menus institutionnels. On y partage :

- des menus de saison et des recettes éprouvées en grande quantité;
- des modèles d'appels d'offres qui laissent une place aux petites fermes;
- des trucs pour réduire le gaspillage alimentaire sans faire exploser le budget.

Une rencontre par mois, en alternance en personne et en ligne. La communauté est
ouverte à toutes et à tous : on apprend entre pairs, à son rythme.
"""

_ESTRIE = """\
**Estrie à table** rassemble les établissements de santé, les CPE et les
services alimentaires des cégeps et universités de l'Estrie qui achètent auprès
des fermes, fromageries et boucheries de la région.

Nos enjeux sont concrets : des formats qui conviennent aux cuisines centrales,
la traçabilité exigée dans les devis, des volumes qui varient selon les saisons
et des budgets par repas qui ne bougent pas. Ici, on compare nos façons de faire,
on met en commun nos fiches techniques et on prépare ensemble nos achats regroupés.

La communauté est réservée aux personnes qui travaillent en Estrie ou avec ses
établissements. Présentez-vous en quelques mots dans votre demande : l'équipe
d'animation vous répond dans la semaine.
"""

_BAS_SAINT_LAURENT = """\
Entre le fleuve et les monts, le Bas-Saint-Laurent a tout pour nourrir ses
établissements : serres, élevages, boulangeries, produits de la mer. Le défi,
c'est la distance. Livrer une école à 80 km de la ferme pour trois caisses de
carottes, ça ne tient pas la route sans un peu d'organisation collective.

**Bas-Saint-Laurent nourricier** relie les producteurs, transformateurs et
distributeurs de la région aux cuisines des écoles, CPE et CHSLD. Nous
travaillons sur la mutualisation du transport et de l'entreposage, la
planification des cultures avec les menus, et la conservation des récoltes pour
l'hiver.

Les échanges sont publics, pour inspirer d'autres régions. Pour participer,
envoyez une demande d'adhésion.
"""

_MONTREAL = """\
Un espace de travail **privé** pour les coordonnatrices et coordonnateurs de
cuisines collectives, de popotes et de cafétérias solidaires de Montréal, et pour
leurs partenaires.

On y parle achats groupés, récupération des invendus, transformation des surplus
de récolte et menus abordables faits avec des aliments d'ici. Les échanges
touchent parfois des situations délicates vécues par les personnes que nous
servons : ils restent entre nous.

L'adhésion se fait sur invitation de l'équipe d'animation.
"""

COMMUNITIES = [
    {
        "slug": "monteregie-mange-local",
        "name": "Montérégie mange local",
        "domain": "Approvisionnement local des cuisines institutionnelles de la "
        "Montérégie",
        "description": _MONTEREGIE,
        "regions": ["16"],
        "sectors": ["cpe", "school", "health", "producer", "distributor"],
        "visibility": "public",
        "join_policy": "open",
        "creator": "animatrice@maillage.demo",
    },
    {
        "slug": "estrie-a-table",
        "name": "Estrie à table",
        "domain": "Achats alimentaires durables en santé, en petite enfance et en "
        "enseignement supérieur",
        "description": _ESTRIE,
        "regions": ["05"],
        "sectors": ["health", "cpe", "college_university", "producer", "processor"],
        "visibility": "restricted",
        "join_policy": "request",
        "creator": "genevieve.tremblay@exemple.qc.ca",
    },
    {
        "slug": "bas-saint-laurent-nourricier",
        "name": "Bas-Saint-Laurent nourricier",
        "domain": "Circuits courts entre producteurs et établissements du "
        "Bas-Saint-Laurent",
        "description": _BAS_SAINT_LAURENT,
        "regions": ["01"],
        "sectors": [
            "producer",
            "processor",
            "distributor",
            "agrifood_table",
            "school",
            "health",
        ],
        "visibility": "public",
        "join_policy": "request",
        "creator": "catherine.michaud@exemple.qc.ca",
    },
    {
        "slug": "cuisines-collectives-montreal",
        "name": "Cuisines collectives de Montréal",
        "domain": "Cuisines collectives, sécurité alimentaire et achats regroupés",
        "description": _MONTREAL,
        "regions": ["06"],
        "sectors": ["community_org", "workplace", "cpe", "processor", "distributor"],
        "visibility": "private",
        "join_policy": "invitation",
        "creator": "animatrice@maillage.demo",
    },
]

# --- Organisations -----------------------------------------------------------


def _org(name, sector, region, path):
    return {
        "name": name,
        "sector": sector,
        "region": region,
        "website": f"https://exemple.org/{path}",
    }


ORGANISATIONS = [
    # Montérégie (16)
    _org("CPE Les Petites Pousses", "cpe", "16", "petites-pousses"),
    _org("École secondaire du Val-Fleuri", "school", "16", "val-fleuri"),
    _org(
        "Cégep de Rivière-aux-Pommes – service alimentaire",
        "college_university",
        "16",
        "cegep-riviere-aux-pommes",
    ),
    _org(
        "Hôpital régional de Pointe-aux-Érables – service alimentaire",
        "health",
        "16",
        "hopital-pointe-aux-erables",
    ),
    _org("CHSLD des Quatre-Vents", "health", "16", "chsld-quatre-vents"),
    _org("Cafétéria d'entreprise Aéro-Sud", "workplace", "16", "aero-sud"),
    _org(
        "Ferme maraîchère Les Jardins du Coteau", "producer", "16", "jardins-du-coteau"
    ),
    _org("Vergers Mont-Rosée", "producer", "16", "vergers-mont-rosee"),
    _org("Conserverie Le Bocal d'Or", "processor", "16", "bocal-d-or"),
    _org(
        "Distribution Saveurs de la Montérégie",
        "distributor",
        "16",
        "saveurs-monteregie",
    ),
    _org(
        "Table bioalimentaire Montérégie-Centre",
        "agrifood_table",
        "16",
        "table-monteregie-centre",
    ),
    _org(
        "Banque alimentaire La Récolte solidaire",
        "community_org",
        "16",
        "recolte-solidaire",
    ),
    _org("Fondation Tablée verte", "other", "16", "tablee-verte"),
    # Estrie (05)
    _org("CPE La Ribambelle des Cantons", "cpe", "05", "ribambelle"),
    _org("École primaire La Clé-des-Champs", "school", "05", "cle-des-champs"),
    _org(
        "Université des Cantons – services alimentaires",
        "college_university",
        "05",
        "universite-des-cantons",
    ),
    _org(
        "Centre hospitalier de Lac-Brillant – cuisine centrale",
        "health",
        "05",
        "ch-lac-brillant",
    ),
    _org("Ferme laitière des Trois-Clochers", "producer", "05", "trois-clochers"),
    _org("Bergerie du Ruisseau-Vert", "producer", "05", "ruisseau-vert"),
    _org("Fromagerie La Meule des Cantons", "processor", "05", "meule-des-cantons"),
    _org("Coop de distribution Panier estrien", "distributor", "05", "panier-estrien"),
    _org(
        "Table de concertation bioalimentaire des Cantons",
        "agrifood_table",
        "05",
        "table-des-cantons",
    ),
    _org(
        "Regroupement Manger mieux Estrie",
        "community_org",
        "05",
        "manger-mieux-estrie",
    ),
    _org("Consultation nutrition Équilibre Plus", "other", "05", "equilibre-plus"),
    # Bas-Saint-Laurent (01)
    _org("CPE Les Bourgeons du Fleuve", "cpe", "01", "bourgeons-du-fleuve"),
    _org("École secondaire des Battures", "school", "01", "battures"),
    _org(
        "Cégep de Sainte-Agathe-du-Fleuve",
        "college_university",
        "01",
        "cegep-sainte-agathe",
    ),
    _org("CHSLD du Havre-Fleuri", "health", "01", "havre-fleuri"),
    _org("Les Serres du Littoral", "producer", "01", "serres-du-littoral"),
    _org(
        "Ferme bovine Les Pâturages de l'Anse", "producer", "01", "paturages-de-l-anse"
    ),
    _org(
        "Boulangerie coopérative Le Pain du Fleuve",
        "processor",
        "01",
        "pain-du-fleuve",
    ),
    _org(
        "Poissonnerie-fumoir L'Anse-aux-Harengs",
        "processor",
        "01",
        "anse-aux-harengs",
    ),
    _org(
        "Carrefour alimentaire du Bas-du-Fleuve",
        "distributor",
        "01",
        "carrefour-bas-du-fleuve",
    ),
    _org(
        "Table bioalimentaire du Fleuve et des Monts",
        "agrifood_table",
        "01",
        "table-fleuve-et-monts",
    ),
    _org("Centre d'action bénévole Le Semoir", "community_org", "01", "le-semoir"),
    _org("Fonds régional Nourrir le Fleuve", "other", "01", "nourrir-le-fleuve"),
    # Montréal (06)
    _org("CPE Le Jardin des Lucioles", "cpe", "06", "jardin-des-lucioles"),
    _org("École primaire des Érables-Rouges", "school", "06", "erables-rouges"),
    _org("CHSLD Plateau-Bellerive", "health", "06", "plateau-bellerive"),
    _org(
        "Coopérative de travail Cafétéria Le Midi", "workplace", "06", "cafeteria-midi"
    ),
    _org("Ferme urbaine Les Toits verts", "producer", "06", "toits-verts"),
    _org(
        "Atelier de transformation Légumes en folie",
        "processor",
        "06",
        "legumes-en-folie",
    ),
    _org("Distribution Marché central frais", "distributor", "06", "marche-central"),
    _org(
        "Table de concertation alimentaire des Faubourgs",
        "agrifood_table",
        "06",
        "table-des-faubourgs",
    ),
    _org("Cuisine collective Les Mijoteuses", "community_org", "06", "mijoteuses"),
    _org("Réseau Assiette locale", "other", "06", "assiette-locale"),
]

# --- People ------------------------------------------------------------------

# Names of organisations used more than once below.
_HOPITAL_PAE = "Hôpital régional de Pointe-aux-Érables – service alimentaire"
_CH_LAC_BRILLANT = "Centre hospitalier de Lac-Brillant – cuisine centrale"
_TABLE_MC = "Table bioalimentaire Montérégie-Centre"
_TABLE_CANTONS = "Table de concertation bioalimentaire des Cantons"
_CHSLD_QUATRE_VENTS = "CHSLD des Quatre-Vents"
_ASSIETTE_LOCALE = "Réseau Assiette locale"

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
        "organisation": _TABLE_MC,
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
        "organisation": _CHSLD_QUATRE_VENTS,
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


def _person(email, name, job, organisation, bio, expertise, **extra):
    person = {
        "email": email,
        "display_name": name,
        "job_title": job,
        "organisation": organisation,
        "bio": bio,
        "expertise": expertise,
        "languages": ["fr"],
        "open_to_contact": True,
        "consents": [EMAIL],
    }
    person.update(extra)
    return person


PEOPLE = [
    # Montérégie (16)
    _person(
        "isabelle.gagnon@exemple.qc.ca",
        "Isabelle Gagnon",
        "Responsable de l'alimentation",
        "CPE Les Petites Pousses",
        "Je cuisine chaque jour pour 80 enfants de 18 mois à 5 ans. Mon défi : "
        "servir plus de légumes d'ici sans dépasser le budget par repas.",
        ["Petite enfance", "Menus saisonniers", "Budget alimentaire"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "martin.bouchard@exemple.qc.ca",
        "Martin Bouchard",
        "Chef de production",
        _HOPITAL_PAE,
        "Vingt ans en cuisine hospitalière. J'intègre peu à peu les légumes racines "
        "de la région dans notre menu cyclique de quatre semaines.",
        ["Cuisine en grande quantité", "Menus saisonniers"],
        languages=["fr", "en"],
    ),
    _person(
        "julie.cote@exemple.qc.ca",
        "Julie Côté",
        "Nutritionniste",
        _HOPITAL_PAE,
        "Je veille à ce que les menus restent adaptés aux besoins des patients tout "
        "en faisant plus de place aux aliments du Québec.",
        ["Nutrition clinique", "Aliments du Québec au menu"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "sylvain.roy@exemple.qc.ca",
        "Sylvain Roy",
        "Maraîcher",
        "Ferme maraîchère Les Jardins du Coteau",
        "Nous cultivons une quarantaine de légumes sur 12 hectares. Depuis trois "
        "ans, nous livrons deux CPE et une école du secteur.",
        ["Production maraîchère", "Circuits courts", "Saisonnalité"],
        consents=[DIRECTORY],
    ),
    _person(
        "gabrielle.menard@exemple.qc.ca",
        "Gabrielle Ménard",
        "Responsable de la mise en marché",
        "Ferme maraîchère Les Jardins du Coteau",
        "Paniers, marchés publics et, depuis peu, établissements : je m'occupe de "
        "vendre nos légumes et de planifier les volumes avec les cuisines.",
        ["Mise en marché", "Production maraîchère"],
    ),
    _person(
        "nathalie.morin@exemple.qc.ca",
        "Nathalie Morin",
        "Copropriétaire",
        "Vergers Mont-Rosée",
        "Pommes, poires et petits fruits. J'aimerais vendre nos fruits déclassés "
        "aux cuisines institutionnelles plutôt que de les perdre.",
        ["Pommes et petits fruits", "Gaspillage alimentaire"],
        open_to_contact=False,
    ),
    _person(
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
    _person(
        "melanie.fortin@exemple.qc.ca",
        "Mélanie Fortin",
        "Agente de développement agroalimentaire",
        _TABLE_MC,
        "J'accompagne les établissements qui veulent s'approvisionner localement "
        "et je coanime la communauté Montérégie mange local.",
        ["Concertation régionale", "Approvisionnement local"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
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
    _person(
        "chantal.ouellet@exemple.qc.ca",
        "Chantal Ouellet",
        "Technicienne en diététique",
        _CHSLD_QUATRE_VENTS,
        "Textures adaptées, goûts d'autrefois : je remets des recettes d'ici au "
        "menu de nos résidentes et résidents.",
        ["Textures adaptées", "Nutrition clinique", "Recettes traditionnelles"],
        consents=[],
    ),
    _person(
        "francois.pelletier@exemple.qc.ca",
        "François Pelletier",
        "Directeur",
        "Conserverie Le Bocal d'Or",
        "Nous transformons les surplus de récolte en soupes, sauces et légumes en "
        "conserve, en formats adaptés aux cuisines institutionnelles.",
        ["Transformation", "Conservation", "Gaspillage alimentaire"],
        consents=[DIRECTORY],
    ),
    _person(
        "karine.belanger@exemple.qc.ca",
        "Karine Bélanger",
        "Coordonnatrice",
        "Banque alimentaire La Récolte solidaire",
        "Je coordonne la récupération des invendus de la région et leur "
        "redistribution à une trentaine d'organismes.",
        ["Sécurité alimentaire", "Gaspillage alimentaire"],
    ),
    _person(
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
    _person(
        "valerie.bergeron@exemple.qc.ca",
        "Valérie Bergeron",
        "Cuisinière",
        "École secondaire du Val-Fleuri",
        "Cuisinière à l'école depuis 12 ans. J'adore faire goûter de nouveaux "
        "légumes aux ados, quitte à les déguiser un peu!",
        ["Éducation alimentaire", "Cuisine en grande quantité"],
    ),
    _person(
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
    _person(
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
    _person(
        "marc-andre.girard@exemple.qc.ca",
        "Marc-André Girard",
        "Conseiller en approvisionnement",
        _HOPITAL_PAE,
        "Je rédige nos appels d'offres alimentaires et je cherche comment les "
        "ouvrir aux petits fournisseurs sans alourdir la gestion.",
        ["Appels d'offres", "Approvisionnement local"],
        consents=[EMAIL, DIRECTORY],
    ),
    # Estrie (05)
    _person(
        "genevieve.tremblay@exemple.qc.ca",
        "Geneviève Tremblay",
        "Nutritionniste, cheffe du service alimentaire",
        _CH_LAC_BRILLANT,
        "J'anime la communauté Estrie à table. Notre cuisine centrale prépare "
        "3 000 repas par jour pour l'hôpital et deux CHSLD.",
        ["Animation de communautés", "Cuisine centrale", "Nutrition clinique"],
        languages=["fr", "en"],
        consents=[EMAIL, DIRECTORY],
        can_launch_communities=True,
    ),
    _person(
        "luc.caron@exemple.qc.ca",
        "Luc Caron",
        "Chef cuisinier",
        _CH_LAC_BRILLANT,
        "Je mets au point des recettes en grande quantité avec des légumineuses et "
        "des grains cultivés au Québec.",
        ["Cuisine en grande quantité", "Légumineuses"],
    ),
    _person(
        "pierre.boucher@exemple.qc.ca",
        "Pierre Boucher",
        "Directeur de la logistique",
        _CH_LAC_BRILLANT,
        "Parrain d'Estrie à table : j'aide à lever les obstacles administratifs "
        "qui freinent les achats locaux.",
        ["Logistique", "Gestion contractuelle"],
        open_to_contact=False,
    ),
    _person(
        "marie-eve.poulin@exemple.qc.ca",
        "Marie-Ève Poulin",
        "Responsable de l'alimentation",
        "CPE La Ribambelle des Cantons",
        "Nos menus suivent les saisons depuis cinq ans. Je partage volontiers mes "
        "menus et ma liste de fournisseurs.",
        ["Petite enfance", "Menus saisonniers"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "emilie.vachon@exemple.qc.ca",
        "Émilie Vachon",
        "Éducatrice et responsable du potager",
        "CPE La Ribambelle des Cantons",
        "Avec les enfants, on sème, on récolte et on cuisine. Le potager nourrit "
        "aussi nos menus d'automne.",
        ["Petite enfance", "Potagers éducatifs"],
        consents=[DIRECTORY],
    ),
    _person(
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
    _person(
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
    _person(
        "daniel.fournier@exemple.qc.ca",
        "Daniel Fournier",
        "Producteur laitier",
        "Ferme laitière des Trois-Clochers",
        "Troisième génération sur la ferme. Nous étudions la possibilité de "
        "transformer une part de notre lait en yogourt pour les CPE.",
        ["Produits laitiers", "Production agricole"],
    ),
    _person(
        "caroline.dube@exemple.qc.ca",
        "Caroline Dubé",
        "Coordonnatrice des achats",
        "Coop de distribution Panier estrien",
        "Notre coop regroupe 35 producteurs et livre chaque semaine une vingtaine "
        "d'établissements de l'Estrie.",
        ["Distribution", "Achats regroupés", "Logistique"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
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
    _person(
        "audrey.gingras@exemple.qc.ca",
        "Audrey Gingras",
        "Agente de liaison",
        _TABLE_CANTONS,
        "Je fais du maillage entre producteurs et acheteurs : visites de fermes, "
        "rencontres d'affaires, catalogue de produits régionaux.",
        ["Concertation régionale", "Maillage d'affaires"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "claudia.gosselin@exemple.qc.ca",
        "Claudia Gosselin",
        "Conseillère en développement",
        _TABLE_CANTONS,
        "Je prépare un catalogue des produits régionaux offerts aux établissements, "
        "avec les formats, les volumes et les périodes de disponibilité.",
        ["Maillage d'affaires", "Saisonnalité"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "vincent.hebert@exemple.qc.ca",
        "Vincent Hébert",
        "Cuisinier",
        "École primaire La Clé-des-Champs",
        "Je prépare les dîners de 250 élèves. Cette année, on a lancé un potager "
        "scolaire avec les enseignantes et enseignants.",
        ["Éducation alimentaire", "Potagers éducatifs"],
        consents=[],
    ),
    _person(
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
    _person(
        "simon.mercier@exemple.qc.ca",
        "Simon Mercier",
        "Intervenant en sécurité alimentaire",
        "Regroupement Manger mieux Estrie",
        "J'organise des cuisines collectives et des achats groupés dans les "
        "quartiers de Sherbrooke.",
        ["Sécurité alimentaire", "Cuisines collectives"],
    ),
    # Bas-Saint-Laurent (01)
    _person(
        "catherine.michaud@exemple.qc.ca",
        "Catherine Michaud",
        "Coordonnatrice",
        "Table bioalimentaire du Fleuve et des Monts",
        "J'anime Bas-Saint-Laurent nourricier. Notre territoire est grand : on "
        "mise sur le transport et l'entreposage partagés.",
        ["Animation de communautés", "Concertation régionale", "Logistique"],
        consents=[EMAIL, DIRECTORY],
        can_launch_communities=True,
    ),
    _person(
        "olivier.theriault@exemple.qc.ca",
        "Olivier Thériault",
        "Producteur en serre",
        "Les Serres du Littoral",
        "Tomates, concombres et laitues toute l'année dans des serres chauffées à "
        "la biomasse forestière.",
        ["Production en serre", "Saisonnalité"],
    ),
    _person(
        "marie-claude.rioux@exemple.qc.ca",
        "Marie-Claude Rioux",
        "Éleveuse",
        "Ferme bovine Les Pâturages de l'Anse",
        "Bœuf nourri à l'herbe. Avec d'autres éleveurs, nous cherchons un abattoir "
        "et un atelier de découpe pour servir les établissements.",
        ["Viandes", "Circuits courts"],
        open_to_contact=False,
        consents=[],
    ),
    _person(
        "guillaume.saint-pierre@exemple.qc.ca",
        "Guillaume Saint-Pierre",
        "Boulanger",
        "Boulangerie coopérative Le Pain du Fleuve",
        "Pains au levain faits de farines québécoises. Nous livrons déjà trois "
        "écoles et un CHSLD.",
        ["Boulangerie", "Farines du Québec"],
        consents=[DIRECTORY],
    ),
    _person(
        "maxime.fillion@exemple.qc.ca",
        "Maxime Fillion",
        "Poissonnier",
        "Poissonnerie-fumoir L'Anse-aux-Harengs",
        "Hareng, maquereau et flétan du Saint-Laurent, fumés ou en portions. "
        "J'aimerais en voir plus souvent au menu des écoles.",
        ["Produits de la mer", "Transformation"],
        consents=[DIRECTORY],
    ),
    _person(
        "lise.landry@exemple.qc.ca",
        "Lise Landry",
        "Responsable de l'alimentation",
        "CPE Les Bourgeons du Fleuve",
        "Je cuisine pour deux installations. Mon objectif : un menu d'hiver "
        "composé aux deux tiers d'aliments de la région.",
        ["Petite enfance", "Menus saisonniers"],
    ),
    _person(
        "denis.gagne@exemple.qc.ca",
        "Denis Gagné",
        "Chef cuisinier",
        "CHSLD du Havre-Fleuri",
        "On a remplacé les desserts industriels par des desserts maison aux petits "
        "fruits de la région. Les résidents en redemandent.",
        ["Cuisine en grande quantité", "Recettes traditionnelles"],
    ),
    _person(
        "helene.lepage@exemple.qc.ca",
        "Hélène Lepage",
        "Technicienne en diététique",
        "CHSLD du Havre-Fleuri",
        "Je planifie les menus et les commandes. Je m'intéresse à la réduction du "
        "gaspillage dans les unités de soins.",
        ["Gaspillage alimentaire", "Planification des menus"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "sebastien.berube@exemple.qc.ca",
        "Sébastien Bérubé",
        "Gérant de la cafétéria",
        "Cégep de Sainte-Agathe-du-Fleuve",
        "Notre cafétéria étudiante sert les produits de trois fermes voisines; on "
        "cherche à élargir l'offre locale l'hiver.",
        ["Restauration collective", "Saisonnalité"],
        languages=["fr", "en"],
        open_to_contact=False,
        consents=[],
    ),
    _person(
        "sandra.lebel@exemple.qc.ca",
        "Sandra Lebel",
        "Technicienne en gestion des services alimentaires",
        "Cégep de Sainte-Agathe-du-Fleuve",
        "Je gère les commandes et les stocks. J'ai mis en place un suivi mensuel "
        "de la part d'aliments du Québec dans nos achats.",
        ["Indicateurs d'achats", "Gestion des stocks"],
    ),
    _person(
        "manon.proulx@exemple.qc.ca",
        "Manon Proulx",
        "Directrice",
        "Carrefour alimentaire du Bas-du-Fleuve",
        "Notre centre de distribution regroupe les commandes des établissements "
        "pour rentabiliser chaque tournée de livraison.",
        ["Distribution", "Achats regroupés", "Logistique"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "alexandre.martel@exemple.qc.ca",
        "Alexandre Martel",
        "Enseignant en cuisine",
        "École secondaire des Battures",
        "Avec mes élèves du programme de cuisine, on transforme les légumes de la "
        "région pour la cafétéria de l'école.",
        ["Éducation alimentaire", "Transformation"],
    ),
    _person(
        "johanne.paradis@exemple.qc.ca",
        "Johanne Paradis",
        "Coordonnatrice",
        "Centre d'action bénévole Le Semoir",
        "Popote roulante et cuisine communautaire : nous servons 200 repas par "
        "semaine aux aînés du secteur.",
        ["Sécurité alimentaire", "Popote roulante"],
        consents=[],
    ),
    _person(
        "richard.bernier@exemple.qc.ca",
        "Richard Bernier",
        "Directeur",
        "Fonds régional Nourrir le Fleuve",
        "Notre fonds soutient les projets d'approvisionnement local des "
        "établissements de la région. Parrain de Bas-Saint-Laurent nourricier.",
        ["Financement de projets"],
        open_to_contact=False,
    ),
    # Montréal (06)
    _person(
        "marie-pier.labelle@exemple.qc.ca",
        "Marie-Pier Labelle",
        "Coordonnatrice",
        "Cuisine collective Les Mijoteuses",
        "Nos groupes cuisinent ensemble les repas de la semaine. Je coanime "
        "Cuisines collectives de Montréal.",
        ["Cuisines collectives", "Animation de communautés", "Sécurité alimentaire"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "rejean.harvey@exemple.qc.ca",
        "Réjean Harvey",
        "Cuisinier bénévole",
        "Cuisine collective Les Mijoteuses",
        "Retraité de la restauration, je partage mes trucs pour cuisiner de "
        "grandes quantités sans rien perdre.",
        ["Gaspillage alimentaire", "Cuisine en grande quantité"],
        consents=[],
    ),
    _person(
        "karim.benali@exemple.qc.ca",
        "Karim Benali",
        "Chef cuisinier",
        "Coopérative de travail Cafétéria Le Midi",
        "Notre coop cuisine pour trois cafétérias d'entreprise du centre-ville; on "
        "mise sur les légumineuses et les légumes de saison.",
        ["Légumineuses", "Restauration collective", "Menus saisonniers"],
        languages=["fr", "en"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "samuel.dion@exemple.qc.ca",
        "Samuel Dion",
        "Cuisinier",
        "Coopérative de travail Cafétéria Le Midi",
        "Spécialiste des sauces et des bouillons maison préparés avec les parures "
        "de légumes.",
        ["Gaspillage alimentaire", "Cuisine en grande quantité"],
        open_to_contact=False,
    ),
    _person(
        "nadia.haddad@exemple.qc.ca",
        "Nadia Haddad",
        "Nutritionniste",
        "CHSLD Plateau-Bellerive",
        "Je concilie les besoins nutritionnels des aînés, leurs préférences "
        "culturelles et les produits d'ici.",
        ["Nutrition clinique", "Diversité culturelle"],
        languages=["fr", "en"],
    ),
    _person(
        "mathieu.poirier@exemple.qc.ca",
        "Mathieu Poirier",
        "Responsable des achats",
        "CHSLD Plateau-Bellerive",
        "Je négocie les contrats alimentaires du CHSLD et je cherche des "
        "fournisseurs locaux capables de livrer de petites quantités.",
        ["Appels d'offres", "Approvisionnement local"],
    ),
    _person(
        "thomas.nguyen@exemple.qc.ca",
        "Thomas Nguyen",
        "Cofondateur",
        "Ferme urbaine Les Toits verts",
        "Nous cultivons des micropousses et des fines herbes sur les toits de "
        "Montréal et nous les livrons à vélo.",
        ["Agriculture urbaine", "Circuits courts"],
        languages=["fr", "en"],
        consents=[DIRECTORY],
    ),
    _person(
        "roxanne.cyr@exemple.qc.ca",
        "Roxanne Cyr",
        "Directrice",
        "CPE Le Jardin des Lucioles",
        "Notre CPE participe à un achat groupé de fruits et légumes avec quatre "
        "autres CPE du quartier.",
        ["Petite enfance", "Achats regroupés"],
        open_to_contact=False,
    ),
    _person(
        "david.thompson@exemple.qc.ca",
        "David Thompson",
        "Acheteur",
        "Distribution Marché central frais",
        "J'achète auprès des maraîchers du Québec pour des hôpitaux et des écoles. "
        "Je travaille en français comme en anglais.",
        ["Distribution", "Appels d'offres"],
        languages=["fr", "en"],
        language="en",
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "jessica.campbell@exemple.qc.ca",
        "Jessica Campbell",
        "Directrice de production",
        "Atelier de transformation Légumes en folie",
        "Nous coupons, blanchissons et surgelons les légumes d'ici pour les "
        "cuisines qui manquent de temps de préparation.",
        ["Transformation", "Légumes prêts à cuisiner"],
        languages=["fr", "en"],
        language="en",
    ),
    _person(
        "yves.gendron@exemple.qc.ca",
        "Yves Gendron",
        "Cuisinier",
        "École primaire des Érables-Rouges",
        "Je cuisine pour le service de garde et les dîners communautaires de l'école.",
        ["Éducation alimentaire", "Cuisine en grande quantité"],
        open_to_contact=False,
        consents=[],
    ),
    _person(
        "louise.brassard@exemple.qc.ca",
        "Louise Brassard",
        "Agente de concertation",
        "Table de concertation alimentaire des Faubourgs",
        "Je soutiens les organismes du quartier dans leurs projets de sécurité "
        "alimentaire et d'achats regroupés.",
        ["Concertation régionale", "Sécurité alimentaire"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "elise.marchand@exemple.qc.ca",
        "Élise Marchand",
        "Directrice",
        _ASSIETTE_LOCALE,
        "Notre réseau soutient les communautés de pratique en approvisionnement "
        "alimentaire durable partout au Québec.",
        ["Évaluation", "Financement de projets", "Animation de communautés"],
        languages=["fr", "en"],
        consents=[EMAIL, DIRECTORY],
    ),
    _person(
        "ariane.lachance@exemple.qc.ca",
        "Ariane Lachance",
        "Chargée de projet",
        _ASSIETTE_LOCALE,
        "Je rédige des fiches pratiques et j'aide les équipes d'animation à "
        "évaluer la vitalité de leur communauté.",
        ["Évaluation", "Fiches pratiques"],
        languages=["fr", "en"],
    ),
]

# --- Memberships -------------------------------------------------------------

# Active members of each community besides its creator, with their role. They
# join the way the community's join policy allows (open: join; on request:
# request then approval; on invitation: invitation then acceptance).
MEMBERS = {
    "monteregie-mange-local": [
        ("melanie.fortin@exemple.qc.ca", "facilitator"),
        ("annie.leblanc@exemple.qc.ca", "sponsor"),
        ("josee.lemieux@exemple.qc.ca", "guest_expert"),
        ("membre@maillage.demo", "member"),
        ("isabelle.gagnon@exemple.qc.ca", "member"),
        ("martin.bouchard@exemple.qc.ca", "member"),
        ("julie.cote@exemple.qc.ca", "member"),
        ("sylvain.roy@exemple.qc.ca", "member"),
        ("gabrielle.menard@exemple.qc.ca", "member"),
        ("nathalie.morin@exemple.qc.ca", "member"),
        ("eric.lavoie@exemple.qc.ca", "member"),
        ("patrick.gauthier@exemple.qc.ca", "member"),
        ("chantal.ouellet@exemple.qc.ca", "member"),
        ("francois.pelletier@exemple.qc.ca", "member"),
        ("valerie.bergeron@exemple.qc.ca", "member"),
        ("marc-andre.girard@exemple.qc.ca", "member"),
        ("stephane.levesque@exemple.qc.ca", "member"),
        ("karim.benali@exemple.qc.ca", "member"),
        ("jessica.campbell@exemple.qc.ca", "member"),
        ("caroline.dube@exemple.qc.ca", "member"),
    ],
    "estrie-a-table": [
        ("audrey.gingras@exemple.qc.ca", "facilitator"),
        ("pierre.boucher@exemple.qc.ca", "sponsor"),
        ("eric.lavoie@exemple.qc.ca", "guest_expert"),
        ("membre@maillage.demo", "member"),
        ("luc.caron@exemple.qc.ca", "member"),
        ("marie-eve.poulin@exemple.qc.ca", "member"),
        ("emilie.vachon@exemple.qc.ca", "member"),
        ("jean-francois.nadeau@exemple.qc.ca", "member"),
        ("sophie.beaulieu@exemple.qc.ca", "member"),
        ("daniel.fournier@exemple.qc.ca", "member"),
        ("caroline.dube@exemple.qc.ca", "member"),
        ("michel.cloutier@exemple.qc.ca", "member"),
        ("vincent.hebert@exemple.qc.ca", "member"),
        ("josee.lemieux@exemple.qc.ca", "member"),
        ("claudia.gosselin@exemple.qc.ca", "member"),
    ],
    "bas-saint-laurent-nourricier": [
        ("richard.bernier@exemple.qc.ca", "sponsor"),
        ("sylvain.roy@exemple.qc.ca", "guest_expert"),
        ("manon.proulx@exemple.qc.ca", "member"),
        ("olivier.theriault@exemple.qc.ca", "member"),
        ("marie-claude.rioux@exemple.qc.ca", "member"),
        ("guillaume.saint-pierre@exemple.qc.ca", "member"),
        ("maxime.fillion@exemple.qc.ca", "member"),
        ("lise.landry@exemple.qc.ca", "member"),
        ("denis.gagne@exemple.qc.ca", "member"),
        ("helene.lepage@exemple.qc.ca", "member"),
        ("sebastien.berube@exemple.qc.ca", "member"),
        ("sandra.lebel@exemple.qc.ca", "member"),
        ("alexandre.martel@exemple.qc.ca", "member"),
    ],
    "cuisines-collectives-montreal": [
        ("marie-pier.labelle@exemple.qc.ca", "facilitator"),
        ("elise.marchand@exemple.qc.ca", "sponsor"),
        ("ariane.lachance@exemple.qc.ca", "guest_expert"),
        ("rejean.harvey@exemple.qc.ca", "member"),
        ("karim.benali@exemple.qc.ca", "member"),
        ("samuel.dion@exemple.qc.ca", "member"),
        ("nadia.haddad@exemple.qc.ca", "member"),
        ("mathieu.poirier@exemple.qc.ca", "member"),
        ("thomas.nguyen@exemple.qc.ca", "member"),
        ("roxanne.cyr@exemple.qc.ca", "member"),
        ("david.thompson@exemple.qc.ca", "member"),
        ("jessica.campbell@exemple.qc.ca", "member"),
        ("yves.gendron@exemple.qc.ca", "member"),
        ("louise.brassard@exemple.qc.ca", "member"),
    ],
}

# Requests waiting for a facilitator's decision (communities "on request").
PENDING_REQUESTS = [
    (
        "estrie-a-table",
        "simon.mercier@exemple.qc.ca",
        "Bonjour! J'organise des cuisines collectives à Sherbrooke et j'aimerais "
        "apprendre de vos achats regroupés avec les CPE.",
    ),
    (
        "estrie-a-table",
        "martin.bouchard@exemple.qc.ca",
        "Je travaille en Montérégie, mais notre hôpital achète des fromages de "
        "l'Estrie. J'aimerais suivre vos échanges avec les fromageries.",
    ),
    (
        "estrie-a-table",
        "nadia.haddad@exemple.qc.ca",
        "Nutritionniste en CHSLD à Montréal : vos fiches sur les textures adaptées "
        "m'intéressent beaucoup. Merci de considérer ma demande!",
    ),
    (
        "bas-saint-laurent-nourricier",
        "johanne.paradis@exemple.qc.ca",
        "Notre popote roulante aimerait acheter davantage auprès des producteurs "
        "de la région. Puis-je me joindre à vous?",
    ),
    (
        "bas-saint-laurent-nourricier",
        "francois.pelletier@exemple.qc.ca",
        "Nous cherchons des légumes de conservation du Bas-Saint-Laurent pour nos "
        "soupes d'hiver. J'aimerais rencontrer vos producteurs.",
    ),
    (
        "bas-saint-laurent-nourricier",
        "claudia.gosselin@exemple.qc.ca",
        "Je voudrais voir comment vous partagez le transport sur un aussi grand "
        "territoire, pour m'en inspirer en Estrie.",
    ),
]

# Invitations not yet answered, to people with an account and to addresses
# without one: (community, e-mail, role, personal message).
PENDING_INVITATIONS = [
    (
        "monteregie-mange-local",
        "benoit.lessard@exemple.qc.ca",
        "member",
        "Benoît, le comité de cafétéria de ton école aurait toute sa place ici!",
    ),
    (
        "monteregie-mange-local",
        "conseillere.achats@exemple.qc.ca",
        "guest_expert",
        "Nous aimerions profiter de votre expérience des appels d'offres publics "
        "lors de notre prochaine rencontre.",
    ),
    (
        "estrie-a-table",
        "responsable.alimentation@exemple.qc.ca",
        "member",
        "Votre CPE fait un travail remarquable avec les producteurs de Coaticook; "
        "venez nous en parler!",
    ),
    (
        "bas-saint-laurent-nourricier",
        "david.thompson@exemple.qc.ca",
        "guest_expert",
        "Votre expérience de la distribution vers les établissements nous serait "
        "précieuse.",
    ),
    (
        "cuisines-collectives-montreal",
        "karine.belanger@exemple.qc.ca",
        "member",
        "Karine, ton expérience de la récupération des invendus intéresserait "
        "beaucoup nos cuisines collectives.",
    ),
    (
        "cuisines-collectives-montreal",
        "simon.mercier@exemple.qc.ca",
        "member",
        "Simon, viens comparer vos achats groupés de Sherbrooke avec les nôtres!",
    ),
    (
        "cuisines-collectives-montreal",
        "coordination.cuisine@exemple.qc.ca",
        "member",
        "Bienvenue! Notre groupe échange sur les achats groupés et les surplus de "
        "récolte.",
    ),
]

PRIVACY_OFFICER = {
    "name": "Hélène Bastien-Lafleur",
    "title": "Responsable de la protection des renseignements personnels",
    "email": "vie-privee@maillage.demo",
    "phone": "514 555-0199",
    "address": "1234, rue de l'Exemple, bureau 100\nMontréal (Québec)  H0H 0H0",
}
