"""French number format as Québec writes it; the rest comes from Django's "fr".

Thousands are grouped with a narrow no-break space ("12 500"), as the Office
québécois de la langue française recommends; Django's default is a wide one.
Grouping only applies where a number is formatted with it on purpose
(``maillage.core.numbers``): ``USE_THOUSAND_SEPARATOR`` stays off, so that ids
in links are never split.
"""

THOUSAND_SEPARATOR = "\u202f"
NUMBER_GROUPING = 3
