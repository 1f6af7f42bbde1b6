"""The demo people of Montréal (region 06)."""

# An en dash separates an institution from its service, as French typography does.

from .common import ASSIETTE_LOCALE, DIRECTORY, EMAIL, person

MONTREAL = [
    person(
        "marie-pier.labelle@exemple.qc.ca",
        "Marie-Pier Labelle",
        "Coordonnatrice",
        "Cuisine collective Les Mijoteuses",
        "Nos groupes cuisinent ensemble les repas de la semaine. Je coanime "
        "Cuisines collectives de Montréal.",
        ["Cuisines collectives", "Animation de communautés", "Sécurité alimentaire"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "rejean.harvey@exemple.qc.ca",
        "Réjean Harvey",
        "Cuisinier bénévole",
        "Cuisine collective Les Mijoteuses",
        "Retraité de la restauration, je partage mes trucs pour cuisiner de "
        "grandes quantités sans rien perdre.",
        ["Gaspillage alimentaire", "Cuisine en grande quantité"],
        consents=[],
    ),
    person(
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
    person(
        "samuel.dion@exemple.qc.ca",
        "Samuel Dion",
        "Cuisinier",
        "Coopérative de travail Cafétéria Le Midi",
        "Spécialiste des sauces et des bouillons maison préparés avec les parures "
        "de légumes.",
        ["Gaspillage alimentaire", "Cuisine en grande quantité"],
        open_to_contact=False,
    ),
    person(
        "nadia.haddad@exemple.qc.ca",
        "Nadia Haddad",
        "Nutritionniste",
        "CHSLD Plateau-Bellerive",
        "Je concilie les besoins nutritionnels des aînés, leurs préférences "
        "culturelles et les produits d'ici.",
        ["Nutrition clinique", "Diversité culturelle"],
        languages=["fr", "en"],
    ),
    person(
        "mathieu.poirier@exemple.qc.ca",
        "Mathieu Poirier",
        "Responsable des achats",
        "CHSLD Plateau-Bellerive",
        "Je négocie les contrats alimentaires du CHSLD et je cherche des "
        "fournisseurs locaux capables de livrer de petites quantités.",
        ["Appels d'offres", "Approvisionnement local"],
    ),
    person(
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
    person(
        "roxanne.cyr@exemple.qc.ca",
        "Roxanne Cyr",
        "Directrice",
        "CPE Le Jardin des Lucioles",
        "Notre CPE participe à un achat groupé de fruits et légumes avec quatre "
        "autres CPE du quartier.",
        ["Petite enfance", "Achats regroupés"],
        open_to_contact=False,
    ),
    person(
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
    person(
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
    person(
        "yves.gendron@exemple.qc.ca",
        "Yves Gendron",
        "Cuisinier",
        "École primaire des Érables-Rouges",
        "Je cuisine pour le service de garde et les dîners communautaires de l'école.",
        ["Éducation alimentaire", "Cuisine en grande quantité"],
        open_to_contact=False,
        consents=[],
    ),
    person(
        "louise.brassard@exemple.qc.ca",
        "Louise Brassard",
        "Agente de concertation",
        "Table de concertation alimentaire des Faubourgs",
        "Je soutiens les organismes du quartier dans leurs projets de sécurité "
        "alimentaire et d'achats regroupés.",
        ["Concertation régionale", "Sécurité alimentaire"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "elise.marchand@exemple.qc.ca",
        "Élise Marchand",
        "Directrice",
        ASSIETTE_LOCALE,
        "Notre réseau soutient les communautés de pratique en approvisionnement "
        "alimentaire durable partout au Québec.",
        ["Évaluation", "Financement de projets", "Animation de communautés"],
        languages=["fr", "en"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "ariane.lachance@exemple.qc.ca",
        "Ariane Lachance",
        "Chargée de projet",
        ASSIETTE_LOCALE,
        "Je rédige des fiches pratiques et j'aide les équipes d'animation à "
        "évaluer la vitalité de leur communauté.",
        ["Évaluation", "Fiches pratiques"],
        languages=["fr", "en"],
    ),
]
