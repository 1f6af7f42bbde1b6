from django.db import migrations

SECTORS = [
    ("cpe", "Service de garde (CPE)", "Daycare (CPE)"),
    ("school", "École", "School"),
    ("college_university", "Cégep ou université", "College or university"),
    ("health", "Santé et services sociaux", "Health and social services"),
    (
        "workplace",
        "Milieu de travail (cafétéria d'entreprise)",
        "Workplace (company cafeteria)",
    ),
    ("producer", "Producteur", "Producer"),
    ("processor", "Transformateur", "Processor"),
    ("distributor", "Distributeur", "Distributor"),
    ("agrifood_table", "Table de concertation bioalimentaire", "Agri-food round table"),
    ("community_org", "Organisme communautaire", "Community organisation"),
    ("other", "Autre", "Other"),
]


def load(apps, schema_editor):
    Sector = apps.get_model("organisations", "Sector")
    for position, (code, name_fr, name_en) in enumerate(SECTORS):
        Sector.objects.update_or_create(
            code=code,
            defaults={"name_fr": name_fr, "name_en": name_en, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
