"""render_markdown turns member text into safe HTML; fold() makes names comparable."""

import pytest
from django.utils.safestring import SafeString

from maillage.core import markdown as markdown_module
from maillage.core.markdown import render_markdown, render_markdown_many
from maillage.core.text import fold


def test_emphasis_is_kept():
    """Bold and italic Markdown become <strong> and <em>."""
    html = render_markdown("**gras** et *italique*")

    assert "<strong>gras</strong>" in html
    assert "<em>italique</em>" in html


def test_links_are_kept():
    """A Markdown link to a web page keeps its address and text."""
    html = render_markdown("[Le site](https://exemple.qc.ca/page)")

    assert 'href="https://exemple.qc.ca/page"' in html
    assert ">Le site</a>" in html


def test_mailto_links_are_kept():
    """A mailto: link is an allowed scheme."""
    html = render_markdown("[Écrire](mailto:info@exemple.qc.ca)")

    assert 'href="mailto:info@exemple.qc.ca"' in html


def test_links_get_rel_nofollow():
    """Every link is marked nofollow so that spam gains no search ranking."""
    html = render_markdown("[Le site](https://exemple.qc.ca)")

    assert 'rel="nofollow noopener noreferrer"' in html


def test_lists_are_kept():
    """Bulleted and numbered lists survive sanitising."""
    html = render_markdown("- pommes\n- poires\n\n1. laver\n2. couper")

    assert "<ul>" in html
    assert "<li>pommes</li>" in html
    assert "<ol>" in html
    assert "<li>couper</li>" in html


def test_script_tags_are_removed_with_their_content():
    """A <script> element disappears entirely, code included."""
    html = render_markdown("<script>alert('xss')</script>Bonjour")

    assert "<script" not in html
    assert "alert" not in html
    assert "Bonjour" in html


def test_event_handler_attributes_are_removed():
    """on* attributes such as onclick are stripped from allowed tags."""
    html = render_markdown('<p onclick="voler()" onmouseover="voler()">Salut</p>')

    assert "onclick" not in html
    assert "onmouseover" not in html
    assert "Salut" in html


@pytest.mark.parametrize(
    "text",
    [
        "[clic](javascript:alert(1))",
        "[clic](JaVaScRiPt:alert(1))",
        '<a href="javascript:alert(1)">clic</a>',
    ],
)
def test_javascript_urls_are_removed(text):
    """A javascript: address is dropped from the link, whatever its case."""
    html = render_markdown(text)

    assert "javascript" not in html.lower()
    assert "clic" in html


def test_iframes_are_removed():
    """An <iframe> cannot embed another site."""
    html = render_markdown('<iframe src="https://malveillant.example"></iframe>')

    assert "<iframe" not in html
    assert "malveillant" not in html


def test_images_with_onerror_are_removed():
    """An <img onerror> payload leaves neither the tag nor the handler."""
    html = render_markdown("<img src=x onerror=alert(1)>")

    assert "<img" not in html
    assert "onerror" not in html
    assert "alert" not in html


def test_style_tags_are_removed_with_their_content():
    """A <style> element cannot restyle the page."""
    html = render_markdown("<style>body { display: none }</style>Texte")

    assert "<style" not in html
    assert "display" not in html
    assert "Texte" in html


@pytest.mark.parametrize("text", ["", None])
def test_empty_input_gives_empty_string(text):
    """No text renders as an empty string."""
    assert render_markdown(text) == ""


def test_result_is_marked_safe_for_templates():
    """The sanitised HTML is a SafeString, so templates do not escape it again."""
    assert isinstance(render_markdown("*ok*"), SafeString)


def test_one_text_leaves_nothing_behind_for_the_next():
    """The parser is reused: an abbreviation or footnote of one post must not
    show up in the next one."""
    first = render_markdown(
        "Le CPE achète local.\n\n*[CPE]: Centre de la petite enfance"
    )
    assert 'title="Centre de la petite enfance"' in first

    second = render_markdown("Notre CPE aussi.")
    assert "abbr" not in second
    assert "Centre de la petite enfance" not in second

    with_note = render_markdown("Texte[^1]\n\n[^1]: Une note de bas de page.")
    assert "Une note de bas de page." in with_note
    assert "note de bas de page" not in render_markdown("Texte sans note.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Épicerie  ÉCOLE ", "epicerie ecole"),
        ("CPE Les Érables", "cpe les erables"),
        ("cpe les erables", "cpe les erables"),
        ("Ça\tva\nbien", "ca va bien"),
        ("Straße", "strasse"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_removes_accents_case_and_extra_spaces(value, expected):
    """fold() lower-cases, strips accents and collapses whitespace."""
    assert fold(value) == expected


def test_many_texts_render_each_as_render_markdown_does():
    texts = ["*un*", "**deux**", "*un*", "<script>x</script>trois"]

    assert render_markdown_many(texts) == [render_markdown(t) for t in texts]
    assert all(isinstance(html, SafeString) for html in render_markdown_many(texts))


def test_the_second_page_comes_from_the_cache(monkeypatch):
    """A page of replies is rendered once; later views read the cache."""
    texts = [f"Réponse **{n}** du banc d'essai du cache" for n in range(5)]
    render_markdown_many(texts)
    calls = []
    render = markdown_module._render

    def counting(text, seconds):
        calls.append(text)
        return render(text, seconds)

    monkeypatch.setattr(markdown_module, "_render", counting)
    render_markdown_many(texts)
    assert calls == []

    edited = [*texts[:4], "Réponse **modifiée**"]
    assert render_markdown_many(edited)[4] == "<p>Réponse <strong>modifiée</strong></p>"
    assert calls == ["Réponse **modifiée**"]
