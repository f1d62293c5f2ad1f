import pytest

from classifiers.htmltext import HTMLInputError, html_to_lines


def test_block_elements_become_lines_and_inline_ones_do_not():
    html = "<div><p>Satu <b>dua</b>\n tiga.</p><ul><li>empat</li><li>lima</li></ul>enam<br>tujuh</div>"
    assert html_to_lines(html) == ["Satu dua tiga.", "empat", "lima", "enam", "tujuh"]


def test_scripts_styles_and_comments_are_dropped():
    html = "<p>Teks<script>alert(1)</script> utama<!-- catatan --></p><style>p{}</style>"
    assert html_to_lines(html) == ["Teks utama"]


def test_empty_html_is_an_error():
    with pytest.raises(HTMLInputError):
        html_to_lines("   ")
