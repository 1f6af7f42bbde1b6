"""The guide's key steps as setup-step templates, and a copy for each community.

Staff edit the templates in the admin afterwards; the text here is only the
starting point. Communities that already exist get their own copy, as a
community created later gets one from ``create_community``.
"""

from django.db import migrations

STEPS = [
    {
        "title_fr": "Analyser le territoire et ses besoins",
        "title_en": "Analyse the territory and its needs",
        "advice_fr": """\
Avant de réunir qui que ce soit, faites le portrait de votre territoire.

- **Repérez les acteurs** : établissements (CPE, écoles, cégeps et universités,
  hôpitaux et CHSLD, milieux de travail), services alimentaires, productrices et
  producteurs, transformateurs, distributeurs, table de concertation
  bioalimentaire, santé publique.
- **Recensez les initiatives existantes** : achats regroupés, circuits courts,
  projets de cuisine locale, réseaux déjà actifs. La communauté doit les mettre en
  valeur, pas les dédoubler.
- **Écoutez quelques personnes clés** : quels défis vivent-elles au quotidien
  (budget, temps du personnel, saisonnalité, appels d'offres)? Qu'aimeraient-elles
  apprendre des autres?
- **Vérifiez l'intérêt** : un besoin partagé, assez fort pour réunir des pairs sur
  la durée, est la condition de départ.""",
        "advice_en": """\
Before you bring anyone together, draw a portrait of your territory.

- **Find the actors**: institutions (daycare centres, schools, colleges and
  universities, hospitals and long-term care homes, workplaces), food services,
  producers, processors, distributors, the regional agri-food table, public health.
- **List the existing initiatives**: group purchasing, short supply chains, local
  cooking projects, networks already at work. The community should build on them,
  not duplicate them.
- **Listen to a few key people**: what do they struggle with every day (budget,
  staff time, seasons, tenders)? What would they like to learn from others?
- **Check the interest**: a shared need, strong enough to bring peers together over
  time, is the starting condition.""",
        "deliverable_fr": (
            "Un portrait du territoire : les acteurs, les initiatives en cours et "
            "les besoins nommés."
        ),
        "deliverable_en": (
            "A portrait of the territory: its actors, the initiatives under way and "
            "the needs people named."
        ),
    },
    {
        "title_fr": "Définir le domaine, le mandat et les objectifs",
        "title_en": "Define the domain, mandate and objectives",
        "advice_fr": """\
- **Le domaine** est le champ de savoir qui rassemble les membres, par exemple :
  augmenter la part d'aliments du Québec dans les menus des CPE. Dites-le en une
  phrase claire.
- **Le mandat** précise ce que la communauté fait et ne fait pas : c'est un lieu
  d'apprentissage entre pairs, pas un comité de décision ni un groupe d'achat.
- **Les objectifs** : fixez-en deux à quatre, mesurables, chacun avec un
  indicateur, un point de départ, une cible et une échéance. Ils donnent le cap et
  diront quand la communauté aura atteint son but.
- **Validez avec de futurs membres** : les objectifs appartiennent au groupe, pas à
  l'animation.""",
        "advice_en": """\
- **The domain** is the field of knowledge that brings members together, for
  example: raising the share of Québec food on daycare menus. Say it in one clear
  sentence.
- **The mandate** says what the community does and does not do: it is a place for
  peer learning, not a decision committee nor a buying group.
- **The objectives**: set two to four measurable ones, each with an indicator, a
  baseline, a target and a due date. They give the direction and will tell when the
  community has reached its aim.
- **Check with future members**: the objectives belong to the group, not to the
  facilitators.""",
        "deliverable_fr": (
            "Un énoncé du domaine, un mandat et une première liste d'objectifs "
            "mesurables."
        ),
        "deliverable_en": (
            "A statement of the domain, a mandate and a first list of measurable "
            "objectives."
        ),
    },
    {
        "title_fr": "Repérer et recruter les membres",
        "title_en": "Identify and recruit members",
        "advice_fr": """\
- **Commencez par les personnes bien réseautées** : celles qu'on appelle quand il y
  a un problème. Elles en entraîneront d'autres.
- **Visez la diversité** des établissements et des maillons de la chaîne :
  gestionnaires, cuisinières et cuisiniers, nutritionnistes, mais aussi
  productrices, transformateurs et distributeurs.
- **Invitez personnellement**, en disant ce que la personne y gagnera et ce qu'on
  attend d'elle : peu de temps, beaucoup d'échanges.
- **Acceptez les niveaux de participation** : une communauté en santé a un petit
  noyau (10 à 15 %), un groupe actif et une large périphérie qui lit et apprend.
  Tout le monde n'a pas à publier.""",
        "advice_en": """\
- **Start with well-connected people**: those others call when there is a problem.
  They will bring others along.
- **Aim for diversity** of institutions and links of the supply chain: managers,
  cooks, nutritionists, and also producers, processors and distributors.
- **Invite people in person**, saying what they will gain and what is expected of
  them: little time, many exchanges.
- **Accept levels of participation**: a healthy community has a small core (10 to
  15 %), an active group and a wide periphery that reads and learns. Not everyone
  has to post.""",
        "deliverable_fr": (
            "Une liste de membres pressentis, un noyau de cinq à dix personnes "
            "engagées et les premières invitations envoyées."
        ),
        "deliverable_en": (
            "A list of likely members, a core of five to ten committed people and the "
            "first invitations sent."
        ),
    },
    {
        "title_fr": "Choisir l'animation, le rythme et les formats de rencontre",
        "title_en": "Decide facilitation, rhythm and meeting formats",
        "advice_fr": """\
- **Nommez une ou deux personnes à l'animation** : elles tiennent le rythme,
  accueillent les nouveaux, relancent les échanges et font le lien entre les
  rencontres.
- **Choisissez un rythme réaliste**, par exemple une rencontre par mois ou aux six
  semaines, et tenez-le : la régularité bâtit la confiance.
- **Variez les formats** selon les besoins : plénière, groupe de codéveloppement,
  café-conférence, visite terrain, webinaire, atelier pratique.
- **Alternez présentiel et virtuel** pour tenir compte des distances, et gardez un
  espace d'échange ouvert entre les rencontres.""",
        "advice_en": """\
- **Name one or two facilitators**: they keep the rhythm, welcome newcomers, revive
  the exchanges and make the link between meetings.
- **Choose a realistic rhythm**, for example one meeting a month or every six
  weeks, and keep to it: regularity builds trust.
- **Vary the formats** with the needs: plenary, co-development group, knowledge
  café, field visit, webinar, hands-on workshop.
- **Alternate in person and online** to make up for distances, and keep a space
  for exchanges open between meetings.""",
        "deliverable_fr": (
            "Une équipe d'animation, le calendrier des rencontres de la première "
            "année et les formats retenus."
        ),
        "deliverable_en": (
            "A facilitation team, the first year's meeting calendar and the chosen "
            "formats."
        ),
    },
    {
        "title_fr": "Rédiger la charte et la présentation",
        "title_en": "Write the charter and the presentation",
        "advice_fr": """\
- **La charte** rassemble ce qui a été décidé : mandat, domaine, qui peut se
  joindre, rythme, formats de rencontre, règles de participation, durée prévue ou
  date de révision.
- **Écrivez les règles de participation ensemble** : confidentialité des échanges,
  respect, droit à l'erreur, engagement mutuel à apprendre les uns des autres.
- **Rédigez une courte présentation publique** qui donne envie : à qui s'adresse la
  communauté, ce qu'on y trouve, comment y entrer.
- **Faites adopter la charte** par le groupe et notez la date d'adoption.""",
        "advice_en": """\
- **The charter** gathers what was decided: mandate, domain, who may join, rhythm,
  meeting formats, rules of engagement, expected lifespan or review date.
- **Write the rules of engagement together**: confidentiality of exchanges,
  respect, the right to make mistakes, the mutual commitment to learn from each
  other.
- **Write a short public presentation** that makes people want to join: whom the
  community is for, what they will find, how to get in.
- **Have the group adopt the charter** and note the date it was adopted.""",
        "deliverable_fr": "Une charte adoptée et une présentation publique.",
        "deliverable_en": "An adopted charter and a public presentation.",
    },
    {
        "title_fr": "Tenir la rencontre de démarrage",
        "title_en": "Hold the kick-off meeting",
        "advice_fr": """\
- **Soignez l'accueil** : tour de table, attentes de chacun, ce que chaque personne
  peut apporter au groupe.
- **Présentez la charte et les objectifs**, et ajustez-les avec le groupe au besoin.
- **Faites vivre un vrai échange entre pairs dès la première fois** : un défi
  concret soumis au groupe, un bon coup raconté par un membre.
- **Terminez en fixant la prochaine rencontre** et les suivis, chacun avec une
  personne responsable.""",
        "advice_en": """\
- **Take care of the welcome**: a round of introductions, everyone's expectations,
  what each person can bring.
- **Present the charter and the objectives**, and adjust them with the group if
  needed.
- **Make a real peer exchange happen the very first time**: a concrete challenge
  put to the group, a success told by a member.
- **End by setting the next meeting** and the follow-ups, each with someone in
  charge.""",
        "deliverable_fr": (
            "Le compte rendu de la rencontre de démarrage, les suivis et la date de la "
            "rencontre suivante."
        ),
        "deliverable_en": (
            "The minutes of the kick-off meeting, the follow-ups and the date of the "
            "next meeting."
        ),
    },
    {
        "title_fr": "Faire vivre, évaluer et ajuster",
        "title_en": "Live, evaluate and adjust",
        "advice_fr": """\
- **Entre les rencontres, faites circuler** les questions, les astuces et les
  ressources : c'est là que le savoir tacite se transmet.
- **Suivez vos objectifs et la participation** : qui vient, qui contribue, quels
  échanges ont eu de la valeur.
- **Recueillez des récits de valeur** : ce qu'un membre a changé dans sa pratique
  grâce à la communauté.
- **Faites le point au moins une fois par année** : qu'est-ce qui fonctionne,
  qu'est-ce qu'on change? Le rythme, les formats et même les objectifs peuvent
  évoluer.""",
        "advice_en": """\
- **Between meetings, keep things flowing**: questions, tips and resources. This is
  where tacit knowledge passes from one person to another.
- **Follow your objectives and participation**: who comes, who contributes, which
  exchanges had value.
- **Collect value stories**: what a member changed in their practice thanks to the
  community.
- **Take stock at least once a year**: what works, what do we change? The rhythm,
  the formats and even the objectives can evolve.""",
        "deliverable_fr": "Un bilan au moins annuel et les ajustements décidés.",
        "deliverable_en": "A review at least once a year and the adjustments decided.",
    },
]

TEXT_FIELDS = [
    "title_fr",
    "title_en",
    "advice_fr",
    "advice_en",
    "deliverable_fr",
    "deliverable_en",
]


def add_steps(apps, schema_editor):
    SetupStepTemplate = apps.get_model("communities", "SetupStepTemplate")
    CommunitySetupStep = apps.get_model("communities", "CommunitySetupStep")
    Community = apps.get_model("communities", "Community")
    templates = [
        SetupStepTemplate.objects.create(position=(index + 1) * 10, **step)
        for index, step in enumerate(STEPS)
    ]
    for community in Community.objects.all():
        if CommunitySetupStep.objects.filter(community=community).exists():
            continue
        CommunitySetupStep.objects.bulk_create(
            CommunitySetupStep(
                community=community,
                template=template,
                position=template.position,
                **{name: getattr(template, name) for name in TEXT_FIELDS},
            )
            for template in templates
        )


def remove_steps(apps, schema_editor):
    apps.get_model("communities", "CommunitySetupStep").objects.all().delete()
    apps.get_model("communities", "SetupStepTemplate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0004_method"),
    ]

    operations = [migrations.RunPython(add_steps, remove_steps)]
