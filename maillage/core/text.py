"""Text normalisation shared by every app."""

import unicodedata


def fold(value: str) -> str:
    """Lower-case ``value``, strip accents and collapse spaces, for comparisons."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())
