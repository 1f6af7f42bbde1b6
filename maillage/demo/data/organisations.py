"""The demo organisations (employers and bodies), by region."""

# An en dash separates an institution from its service, as French typography does.
# ruff: noqa: RUF001


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
