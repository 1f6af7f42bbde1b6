"""Who belongs to each demo community, requests and invitations waiting for an
answer, and the privacy officer."""

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
