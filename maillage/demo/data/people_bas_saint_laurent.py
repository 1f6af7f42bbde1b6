"""The demo people of Bas-Saint-Laurent (region 01)."""

# An en dash separates an institution from its service, as French typography does.

from .common import DIRECTORY, EMAIL, person

BAS_SAINT_LAURENT = [
    person(
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
    person(
        "olivier.theriault@exemple.qc.ca",
        "Olivier Thériault",
        "Producteur en serre",
        "Les Serres du Littoral",
        "Tomates, concombres et laitues toute l'année dans des serres chauffées à "
        "la biomasse forestière.",
        ["Production en serre", "Saisonnalité"],
    ),
    person(
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
    person(
        "guillaume.saint-pierre@exemple.qc.ca",
        "Guillaume Saint-Pierre",
        "Boulanger",
        "Boulangerie coopérative Le Pain du Fleuve",
        "Pains au levain faits de farines québécoises. Nous livrons déjà trois "
        "écoles et un CHSLD.",
        ["Boulangerie", "Farines du Québec"],
        consents=[DIRECTORY],
    ),
    person(
        "maxime.fillion@exemple.qc.ca",
        "Maxime Fillion",
        "Poissonnier",
        "Poissonnerie-fumoir L'Anse-aux-Harengs",
        "Hareng, maquereau et flétan du Saint-Laurent, fumés ou en portions. "
        "J'aimerais en voir plus souvent au menu des écoles.",
        ["Produits de la mer", "Transformation"],
        consents=[DIRECTORY],
    ),
    person(
        "lise.landry@exemple.qc.ca",
        "Lise Landry",
        "Responsable de l'alimentation",
        "CPE Les Bourgeons du Fleuve",
        "Je cuisine pour deux installations. Mon objectif : un menu d'hiver "
        "composé aux deux tiers d'aliments de la région.",
        ["Petite enfance", "Menus saisonniers"],
    ),
    person(
        "denis.gagne@exemple.qc.ca",
        "Denis Gagné",
        "Chef cuisinier",
        "CHSLD du Havre-Fleuri",
        "On a remplacé les desserts industriels par des desserts maison aux petits "
        "fruits de la région. Les résidents en redemandent.",
        ["Cuisine en grande quantité", "Recettes traditionnelles"],
    ),
    person(
        "helene.lepage@exemple.qc.ca",
        "Hélène Lepage",
        "Technicienne en diététique",
        "CHSLD du Havre-Fleuri",
        "Je planifie les menus et les commandes. Je m'intéresse à la réduction du "
        "gaspillage dans les unités de soins.",
        ["Gaspillage alimentaire", "Planification des menus"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
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
    person(
        "sandra.lebel@exemple.qc.ca",
        "Sandra Lebel",
        "Technicienne en gestion des services alimentaires",
        "Cégep de Sainte-Agathe-du-Fleuve",
        "Je gère les commandes et les stocks. J'ai mis en place un suivi mensuel "
        "de la part d'aliments du Québec dans nos achats.",
        ["Indicateurs d'achats", "Gestion des stocks"],
    ),
    person(
        "manon.proulx@exemple.qc.ca",
        "Manon Proulx",
        "Directrice",
        "Carrefour alimentaire du Bas-du-Fleuve",
        "Notre centre de distribution regroupe les commandes des établissements "
        "pour rentabiliser chaque tournée de livraison.",
        ["Distribution", "Achats regroupés", "Logistique"],
        consents=[EMAIL, DIRECTORY],
    ),
    person(
        "alexandre.martel@exemple.qc.ca",
        "Alexandre Martel",
        "Enseignant en cuisine",
        "École secondaire des Battures",
        "Avec mes élèves du programme de cuisine, on transforme les légumes de la "
        "région pour la cafétéria de l'école.",
        ["Éducation alimentaire", "Transformation"],
    ),
    person(
        "johanne.paradis@exemple.qc.ca",
        "Johanne Paradis",
        "Coordonnatrice",
        "Centre d'action bénévole Le Semoir",
        "Popote roulante et cuisine communautaire : nous servons 200 repas par "
        "semaine aux aînés du secteur.",
        ["Sécurité alimentaire", "Popote roulante"],
        consents=[],
    ),
    person(
        "richard.bernier@exemple.qc.ca",
        "Richard Bernier",
        "Directeur",
        "Fonds régional Nourrir le Fleuve",
        "Notre fonds soutient les projets d'approvisionnement local des "
        "établissements de la région. Parrain de Bas-Saint-Laurent nourricier.",
        ["Financement de projets"],
        open_to_contact=False,
    ),
]
