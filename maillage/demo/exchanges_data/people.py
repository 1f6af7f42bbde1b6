"""The two demo accounts that take part everywhere, and how a person is named."""

AMELIE = "animatrice@maillage.demo"
MARC = "membre@maillage.demo"


def person(name):
    return f"{name}@exemple.qc.ca"
