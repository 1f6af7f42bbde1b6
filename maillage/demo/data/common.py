"""What the demo data's modules share: consent purposes, the names of
organisations that several people work for, and how a person is written."""

# An en dash separates an institution from its service, as French typography does.
# ruff: noqa: RUF001

# Consent purposes (values of accounts.models.Consent.Purpose).
EMAIL = "email_notifications"
DIRECTORY = "directory"

# Names of organisations used more than once below.
HOPITAL_PAE = "Hôpital régional de Pointe-aux-Érables – service alimentaire"
CH_LAC_BRILLANT = "Centre hospitalier de Lac-Brillant – cuisine centrale"
TABLE_MC = "Table bioalimentaire Montérégie-Centre"
TABLE_CANTONS = "Table de concertation bioalimentaire des Cantons"
CHSLD_QUATRE_VENTS = "CHSLD des Quatre-Vents"
ASSIETTE_LOCALE = "Réseau Assiette locale"


def person(email, name, job, organisation, bio, expertise, **extra):
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
