"""The design system's colour pairs (docs/design.md) hold in the style sheet."""

import re
from pathlib import Path

from django.conf import settings

CSS = Path(settings.BASE_DIR) / "maillage" / "static" / "maillage" / "maillage.css"
DESIGN = Path(settings.BASE_DIR) / "docs" / "design.md"
COLOUR = r"`(#[0-9a-fA-F]{6}|--[a-z0-9-]+)`"
ROW = re.compile(rf"^\| {COLOUR} \| {COLOUR} \| [^|]+ \| (\d+\.\d\d) : 1 \|", re.M)


def _tokens() -> dict[str, str]:
    css = CSS.read_text()
    root = css[css.index(":root") : css.index("}", css.index(":root"))]
    return dict(re.findall(r"(--[a-z0-9-]+):\s*(#[0-9a-fA-F]{6})", root))


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours."""
    light, dark = sorted([_luminance(first), _luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_of_black_on_white_is_21():
    """The formula gives the known extremes."""
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert contrast("#777777", "#777777") == 1.0


def test_every_documented_pair_is_aa_and_matches_the_style_sheet():
    """Each text/background pair of docs/design.md has the ratio written there,
    computed from the style sheet's values, and reaches AA (4.5 : 1)."""
    tokens = _tokens()
    rows = ROW.findall(DESIGN.read_text())
    assert len(rows) >= 25, "the contrast table of docs/design.md was not found"
    wrong = []
    for text, background, written in rows:
        ratio = contrast(tokens.get(text, text), tokens.get(background, background))
        if f"{ratio:.2f}" != written or ratio < 4.5:
            wrong.append(f"{text} on {background}: {ratio:.2f} (written {written})")
    assert not wrong, "\n".join(wrong)


def test_every_avatar_colour_is_documented():
    """The eight avatar colours of the style sheet are all in the table."""
    css = CSS.read_text()
    avatars = re.findall(r"\.avatar-\d \{ background: (#[0-9a-fA-F]{6}); \}", css)
    documented = {
        background for _text, background, _ratio in ROW.findall(DESIGN.read_text())
    }
    assert len(avatars) == 8
    assert set(avatars) <= documented
