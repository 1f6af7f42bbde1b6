"""Text normalisation shared by every app."""

import re
import unicodedata


def fold(value: str) -> str:
    """Lower-case ``value``, strip accents and collapse spaces, for comparisons."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


# C0 controls other than tab and line breaks, DEL, and lone surrogates: HTML and
# e-mail refuse them, and a lone surrogate cannot even be encoded.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def showable(value: str) -> str:
    """``value`` without the characters no page or e-mail can show."""
    return _UNSHOWABLE.sub("", value or "")
