"""The method in the demo: each community at its own stage of life.

Montérégie is mature (adopted charter with two revisions, objectives in
progress), Estrie is new (setup path half done), Bas-Saint-Laurent reached its
objectives and was dissolved, Montréal (private) is in stewardship.

Writes go through the services, as a facilitator would make them; only their
dates are moved into the past afterwards, so that the timelines read like a
story. Each part is written once: if a community already has stage changes, a
charter, an objective of that title, a touched setup path or a dissolution,
that part is left as it is (what people did while trying the demo stays).
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from maillage.communities.models import Community, Membership
from maillage.method import services as method_services
from maillage.method.models import (
    CharterRevision,
    CommunitySetupStep,
    Dissolution,
    Objective,
    StageChange,
)

Stage = Community.Stage
Step = CommunitySetupStep.Status
Status = Objective.Status

CREATED_KEYS = (
    "stage_changes",
    "charter_revisions",
    "objectives",
    "setup_steps",
    "dissolutions",
)

# Charter texts shared by several revisions.
_MONTEREGIE_CHARTER = {
    "mandate": (
        "Apprendre entre pairs à mettre plus d'aliments du Québec dans les menus "
        "des CPE, des écoles et des établissements de santé de la Montérégie. La "
        "communauté n'achète rien et ne décide pour personne : chaque membre garde "
        "ses choix, et repart avec des idées, des outils et des contacts."
    ),
    "domain": (
        "L'approvisionnement local et durable des services alimentaires "
        "institutionnels : menus de saison, appels d'offres, liens avec les "
        "fermes, réduction du gaspillage."
    ),
    "who_may_join": (
        "Les responsables de l'alimentation, cuisinières et cuisiniers, "
        "nutritionnistes des établissements de la Montérégie, et les gens de "
        "l'offre (productrices, transformateurs, distributeurs) qui les servent."
    ),
    "rhythm": "Une rencontre toutes les six semaines, en ligne.",
    "meeting_formats": (
        "Plénière, groupe de codéveloppement, visite de ferme au printemps et à "
        "l'automne."
    ),
    "rules_of_engagement": (
        "On vient pour apprendre et pour partager. On parle de ses essais, "
        "réussis ou non. On respecte le temps et les contraintes de chacun."
    ),
    "lifespan": "Trois ans, avec un bilan chaque année.",
}

PLANS = {
    "monteregie-mange-local": {
        "age_days": 700,
        "stages": [
            (
                Stage.COALESCING,
                650,
                "Rencontre de démarrage tenue avec quatorze personnes de CPE, "
                "d'écoles et de fermes.",
            ),
            (
                Stage.MATURING,
                400,
                "La charte est adoptée et les rencontres attirent un noyau stable; "
                "les membres proposent eux-mêmes les sujets.",
            ),
        ],
        "charter": [
            {
                **_MONTEREGIE_CHARTER,
                "note": "Première version proposée à la rencontre de démarrage.",
                "days_ago": 640,
            },
            {
                **_MONTEREGIE_CHARTER,
                "rhythm": (
                    "Une rencontre par mois, en alternance en personne et en ligne, "
                    "et des échanges continus sur Maillage entre les rencontres."
                ),
                "rules_of_engagement": (
                    "On vient pour apprendre et pour partager. On parle de ses "
                    "essais, réussis ou non. On respecte le temps et les "
                    "contraintes de chacun. Les chiffres d'achat partagés restent "
                    "dans la communauté."
                ),
                "adopted_on": 600,
                "review_date": -170,
                "note": (
                    "Adoptée par les membres : rythme mensuel et confidentialité "
                    "des chiffres d'achat."
                ),
                "days_ago": 600,
            },
        ],
        "objectives": [
            {
                "title": (
                    "Atteindre 35 % d'aliments du Québec dans les achats des CPE "
                    "membres"
                ),
                "description": (
                    "Mesuré chaque saison à partir des factures des CPE membres qui "
                    "acceptent de les partager."
                ),
                "indicator": "Part des achats alimentaires en aliments du Québec",
                "baseline": "22",
                "target": "35",
                "unit": "%",
                "due_in_days": 240,
                "status": Status.IN_PROGRESS,
                "progress": [
                    (
                        "24",
                        300,
                        "Premier relevé, après la mise en commun des listes de "
                        "fournisseurs.",
                    ),
                    ("27.5", 180, "Trois CPE ont ajouté une ferme maraîchère locale."),
                    ("30", 45, "Les menus d'automne font une belle différence."),
                ],
            },
            {
                "title": "Publier 20 recettes de saison testées en CPE",
                "indicator": "Recettes publiées dans la bibliothèque de la communauté",
                "baseline": "0",
                "target": "20",
                "unit": "recettes",
                "due_in_days": 20,
                "status": Status.IN_PROGRESS,
                "progress": [
                    ("6", 120, "Les recettes de courges et de légumes racines."),
                    ("13", 30, "Sept recettes ajoutées après l'atelier d'été."),
                ],
            },
            {
                "title": "Tenir dix rencontres pendant la première année",
                "baseline": "0",
                "target": "10",
                "unit": "rencontres",
                "due_in_days": -330,
                "status": Status.REACHED,
                "progress": [
                    (
                        "10",
                        340,
                        "Dix rencontres, dont deux visites de ferme à Saint-Rémi.",
                    ),
                ],
            },
        ],
        "setup": [
            (Step.DONE, "Portrait fait avec la table de concertation bioalimentaire."),
            (Step.DONE, ""),
            (Step.DONE, "Noyau de départ : 6 CPE, 3 écoles, 4 fermes."),
            (Step.DONE, ""),
            (Step.DONE, "Charte adoptée."),
            (Step.DONE, "Quatorze personnes présentes."),
            (Step.IN_PROGRESS, "Bilan annuel prévu à la prochaine rencontre."),
        ],
    },
    "estrie-a-table": {
        "age_days": 90,
        "stages": [
            (
                Stage.COALESCING,
                60,
                "Le noyau de départ est formé; la rencontre de démarrage est "
                "prévue le mois prochain.",
            ),
        ],
        "charter": [
            {
                "mandate": (
                    "Comparer nos façons d'acheter auprès des fermes, fromageries "
                    "et boucheries de l'Estrie, et préparer ensemble des achats "
                    "regroupés."
                ),
                "domain": (
                    "Les achats locaux des cuisines de santé, de CPE et "
                    "d'enseignement supérieur de l'Estrie."
                ),
                "rhythm": "Aux six semaines, à Sherbrooke ou en ligne.",
                "note": "Brouillon à discuter à la rencontre de démarrage.",
                "days_ago": 30,
            },
        ],
        "objectives": [
            {
                "title": "Réunir 25 établissements membres",
                "indicator": "Établissements ayant au moins une personne membre",
                "baseline": "9",
                "target": "25",
                "unit": "établissements",
                "due_in_days": 180,
                "status": Status.IN_PROGRESS,
                "progress": [("15", 20, "Six CPE se sont joints ce mois-ci.")],
            },
            {
                "title": "Préparer un premier achat regroupé de fromages d'ici",
                "description": "Avec trois fromageries et les cuisines de santé.",
                "due_in_days": 150,
                "status": Status.PLANNED,
                "progress": [],
            },
        ],
        "setup": [
            (Step.DONE, "Portrait des acheteurs et des fromageries de la région."),
            (Step.DONE, ""),
            (Step.DONE, "Invitations envoyées aux personnes les mieux réseautées."),
            (Step.IN_PROGRESS, "Deux personnes à l'animation; calendrier à fixer."),
            (Step.TODO, ""),
            (Step.TODO, ""),
            (Step.TODO, ""),
        ],
    },
    "bas-saint-laurent-nourricier": {
        "age_days": 950,
        "stages": [
            (Stage.COALESCING, 900, "Première rencontre à Rimouski."),
            (Stage.MATURING, 700, "Le projet de transport mutualisé est lancé."),
            (
                Stage.TRANSFORMATION,
                100,
                "Le transport mutualisé fonctionne et les objectifs sont atteints.",
            ),
        ],
        "charter": [
            {
                "mandate": (
                    "Relier les producteurs, transformateurs et distributeurs de la "
                    "région aux cuisines des écoles, des CPE et des CHSLD."
                ),
                "domain": (
                    "La logistique des circuits courts sur un grand territoire : "
                    "transport, entreposage, planification des cultures."
                ),
                "rhythm": "Une rencontre par saison, en personne.",
                "lifespan": "Jusqu'à ce que le transport mutualisé soit en place.",
                "adopted_on": 860,
                "note": "Adoptée à la deuxième rencontre.",
                "days_ago": 860,
            },
        ],
        "objectives": [
            {
                "title": "Mutualiser les livraisons de cinq fermes vers douze écoles",
                "indicator": "Écoles livrées par le transport mutualisé",
                "baseline": "0",
                "target": "12",
                "unit": "écoles",
                "due_in_days": -200,
                "status": Status.REACHED,
                "progress": [("5", 400, ""), ("12", 250, "Les douze écoles.")],
            },
            {
                "title": "Un calendrier des récoltes partagé avec les cuisines",
                "due_in_days": -150,
                "status": Status.REACHED,
                "progress": [],
            },
        ],
        "setup": [(Step.DONE, "")] * 7,
        "dissolution": {
            "days_ago": 60,
            "achieved": (
                "Le transport mutualisé relie maintenant cinq fermes et douze "
                "écoles, deux fois par semaine. Un calendrier des récoltes est "
                "partagé avec les cuisines, qui planifient leurs menus en fonction."
            ),
            "learned": (
                "Commencer petit, avec une seule route, a rassuré tout le monde. "
                "Les cuisines ont besoin de connaître les volumes trois mois "
                "d'avance. Le transport est maintenant géré par la coopérative : "
                "la communauté a rempli son rôle."
            ),
        },
    },
    "cuisines-collectives-montreal": {
        "age_days": 1050,
        "stages": [
            (Stage.COALESCING, 1000, "Rencontre de démarrage au centre communautaire."),
            (Stage.MATURING, 800, "Les achats groupés mensuels sont en place."),
            (
                Stage.STEWARDSHIP,
                300,
                "La communauté tient depuis deux ans; une relève à l'animation "
                "est en place.",
            ),
        ],
        "charter": [
            {
                "mandate": (
                    "S'entraider entre coordonnatrices et coordonnateurs de cuisines "
                    "collectives, de popotes et de cafétérias solidaires."
                ),
                "domain": (
                    "Achats groupés, récupération des invendus, transformation des "
                    "surplus et menus abordables faits d'aliments d'ici."
                ),
                "who_may_join": "Sur invitation de l'équipe d'animation.",
                "rules_of_engagement": (
                    "Les situations des personnes que nous servons restent entre "
                    "nous. On partage ses outils sans gêne."
                ),
                "adopted_on": 980,
                "note": "Adoptée à la rencontre de démarrage.",
                "days_ago": 980,
            },
        ],
        "objectives": [
            {
                "title": (
                    "Récupérer 10 tonnes d'invendus par année pour les cuisines "
                    "collectives"
                ),
                "indicator": "Tonnes récupérées sur douze mois",
                "baseline": "4",
                "target": "10",
                "unit": "tonnes",
                "due_in_days": 120,
                "status": Status.IN_PROGRESS,
                "progress": [("5.5", 330, ""), ("7.8", 150, ""), ("8.6", 20, "")],
            },
        ],
        "setup": [
            (Step.DONE, ""),
            (Step.DONE, ""),
            (
                Step.SKIPPED,
                "",
                "Les membres sont venus des organismes partenaires, invités "
                "directement.",
            ),
            (Step.DONE, ""),
            (Step.DONE, ""),
            (Step.DONE, ""),
            (Step.DONE, ""),
        ],
    },
}


def seed_method(*, communities: dict[str, Community], created) -> None:
    """Give each demo community its stage, charter, objectives and setup path."""
    for key in CREATED_KEYS:
        created.setdefault(key, 0)
    now = timezone.now()
    for slug, plan in PLANS.items():
        community = communities.get(slug)
        if community is None:
            continue
        community.refresh_from_db()
        if community.is_archived:
            continue
        actor = _facilitator(community)
        _ensure_stages(community, actor, plan, now, created)
        _ensure_charter(community, actor, plan["charter"], now, created)
        _ensure_objectives(community, actor, plan["objectives"], now, created)
        _ensure_setup_path(community, actor, plan["setup"], created)
        if "dissolution" in plan:
            _ensure_dissolution(community, actor, plan["dissolution"], now, created)


def _facilitator(community):
    first = (
        Membership.objects.facilitators()
        .filter(community=community)
        .select_related("user")
        .order_by("joined_at", "pk")
        .first()
    )
    return first.user


def _ensure_stages(community, actor, plan, now, created) -> None:
    if community.stage_changes.exists():
        return
    # The story starts before its first stage change.
    Community.objects.filter(pk=community.pk).update(
        created_at=now - timedelta(days=plan["age_days"])
    )
    for stage, days_ago, reason in plan["stages"]:
        change = method_services.change_stage(
            actor=actor, community=community, stage=stage, reason=reason
        )
        StageChange.objects.filter(pk=change.pk).update(
            created_at=now - timedelta(days=days_ago)
        )
        created["stage_changes"] += 1


def _day(now, days_ago):
    if days_ago is None:
        return None
    return timezone.localdate(now - timedelta(days=days_ago))


def _ensure_charter(community, actor, revisions, now, created) -> None:
    if community.charter_revisions.exists():
        return
    for spec in revisions:
        values = dict(spec)
        days_ago = values.pop("days_ago")
        values["adopted_on"] = _day(now, values.get("adopted_on"))
        values["review_date"] = _day(now, values.get("review_date"))
        revision = method_services.save_charter(
            actor=actor, community=community, **values
        )
        CharterRevision.objects.filter(pk=revision.pk).update(
            created_at=now - timedelta(days=days_ago)
        )
        created["charter_revisions"] += 1


def _ensure_objectives(community, actor, objectives, now, created) -> None:
    for spec in objectives:
        if community.objectives.filter(title=spec["title"]).exists():
            continue
        fields = {
            "title": spec["title"],
            "description": spec.get("description", ""),
            "indicator": spec.get("indicator", ""),
            "baseline": Decimal(spec["baseline"]) if "baseline" in spec else None,
            "target": Decimal(spec["target"]) if "target" in spec else None,
            "unit": spec.get("unit", ""),
            "due_date": _day(now, -spec["due_in_days"]),
        }
        objective = method_services.create_objective(
            actor=actor, community=community, **fields
        )
        for value, days_ago, comment in spec["progress"]:
            method_services.record_progress(
                actor=actor,
                objective=objective,
                value=Decimal(value),
                measured_on=_day(now, days_ago),
                comment=comment,
            )
        objective.refresh_from_db()
        if objective.status != spec["status"]:
            method_services.update_objective(
                actor=actor, objective=objective, status=spec["status"], **fields
            )
        created["objectives"] += 1


def _ensure_setup_path(community, actor, statuses, created) -> None:
    steps = list(community.setup_steps.all())
    if any(step.changed_at for step in steps):
        return
    for step, (status, notes, *reason) in zip(steps, statuses, strict=False):
        if status == Step.TODO and not notes:
            continue
        method_services.update_setup_step(
            actor=actor,
            step=step,
            status=status,
            notes=notes,
            skip_reason=reason[0] if reason else "",
        )
        created["setup_steps"] += 1


def _ensure_dissolution(community, actor, spec, now, created) -> None:
    if community.dissolutions.exists():
        return
    dissolution = method_services.dissolve_community(
        actor=actor,
        community=community,
        achieved=spec["achieved"],
        learned=spec["learned"],
    )
    when = now - timedelta(days=spec["days_ago"])
    Dissolution.objects.filter(pk=dissolution.pk).update(created_at=when)
    Community.objects.filter(pk=community.pk).update(archived_at=when)
    created["dissolutions"] += 1
