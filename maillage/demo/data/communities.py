"""The demo communities."""

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
