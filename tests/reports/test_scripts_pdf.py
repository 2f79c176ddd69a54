"""Names in Arabic, Hebrew, Greek and Cyrillic in the PDFs, read back with pypdf.

Arabic letters are printed in their joined presentation forms, so extracted text is compared
after NFKC normalisation, word by word (pypdf puts right-to-left runs back in reading
order by its own rules).
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace
from datetime import date

import pdf_reading
import pytest
from annual_report_sample import ROWS, report
from pypdf import PdfReader
from recommendations_report_sample import ROWS as REGISTER
from recommendations_report_sample import report as register_report
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.roster import RosterGrouping, build_roster
from expertenrat.reports import fonts, theme, user_text, visual_order
from expertenrat.reports.annual_report_pdf import render_annual_report
from expertenrat.reports.house_style import FONT_ITALIC
from expertenrat.reports.minutes_blocks import text_block
from expertenrat.reports.recommendations_report_pdf import render_recommendations_report
from expertenrat.reports.roster_pdf import render_roster

TODAY = date(2026, 3, 5)
FIELDS = [ActionField(1, "Stadtdaten", position=0), ActionField(2, "Umwelt", position=1)]
COUNCIL = CouncilSettings(1, "Smart City Expert*innenrat", "Rostock")
NAMES = {
    "Arabic": ("محمد", "عبد الله", "جامعة الملك عبد العزيز للعلوم والتقنية في جدة"),
    "Arabic with vowel marks and lam-alef": ("مُحَمَّد", "الأحمد", "وزارة الاقتصاد"),
    "Hebrew": ("שרה", "כהן", "האוניברסיטה העברית בירושלים"),
    "Greek": ("Αθηνά", "Παπαδοπούλου", "Εθνικό Μετσόβιο Πολυτεχνείο"),
    "Cyrillic": ("Иван", "Петров-Ёлкин", "Московский государственный университет"),
}


def member(member_id: int, given: str, family: str, **changes) -> Member:
    values = {
        "id": member_id,
        "person_id": member_id,
        "given_name": given,
        "family_name": family,
        "email": f"m{member_id}@example.org",
        "term_start": date(2025, 1, 1),
        "primary_field_id": 1 + member_id % 2,
        "publish_name": True,
        "publish_contact": True,
        **changes,
    }
    return Member(**values)


def cast() -> list[Member]:
    return [
        member(i, given, family, affiliation=affiliation)
        for i, (given, family, affiliation) in enumerate(NAMES.values(), start=1)
    ]


def render(members: list[Member], *, public: bool, grouping=RosterGrouping.ALPHABETICAL):
    doc = build_roster(members, FIELDS, COUNCIL, public=public, grouping=grouping, today=TODAY)
    return render_roster(doc)


def plain(text: str) -> str:
    """NFKC (joined Arabic forms become letters) without vowel marks, which pypdf misplaces."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def words_of(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return set(plain("\n".join(page.extract_text() for page in reader.pages)).split())


def drawn_characters(pdf: bytes) -> str:
    """Everything pypdf reads from the pages, before any normalisation."""
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("grouping", list(RosterGrouping))
@pytest.mark.parametrize("public", [False, True])
def test_every_script_reads_back_from_both_rosters(public, grouping):
    rendered = render(cast(), public=public, grouping=grouping)

    words = words_of(rendered.pdf)
    for given, family, affiliation in NAMES.values():
        for word in f"{given} {family} {affiliation}".split():
            expected = plain(word)
            assert expected in words or expected[::-1] in words, word
    assert rendered.warnings == ()


@pytest.mark.parametrize("public", [False, True])
def test_no_placeholder_and_every_drawn_letter_has_a_glyph(public):
    pdf = render(cast(), public=public).pdf

    drawn = drawn_characters(pdf)
    assert "\ufffd" not in drawn
    glyphs = fonts.coverage(theme.FONT) & fonts.coverage(theme.FONT_BOLD)
    assert {c for c in drawn if not c.isspace() and ord(c) not in glyphs} == set()
    assert any("\ufe70" <= c <= "\ufeff" for c in drawn)  # Arabic set in joined forms


@pytest.mark.parametrize("public", [False, True])
def test_only_embedded_dejavu_fonts(public):
    reader = PdfReader(io.BytesIO(render(cast(), public=public).pdf))

    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "DejaVuSans" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"]


def test_right_to_left_text_is_drawn_in_visual_order():
    assert visual_order.visual("שרה כהן") == "ןהכ הרש"
    assert visual_order.visual("Dr. שרה כהן") == "Dr. ןהכ הרש"
    # Arabic: joined forms, the first letter of the word drawn rightmost.
    drawn = visual_order.visual("محمد")
    assert unicodedata.normalize("NFKC", drawn[::-1]) == "محمد"
    assert [unicodedata.name(c) for c in (drawn[-1], drawn[0])] == [
        "ARABIC LETTER MEEM INITIAL FORM",
        "ARABIC LETTER DAL FINAL FORM",
    ]
    assert visual_order.visual("Anna Berg") == "Anna Berg"


def test_vowel_marks_follow_their_letter_when_drawn():
    drawn = visual_order.visual("مُحَمَّد")
    for index, char in enumerate(drawn):
        if unicodedata.combining(char):
            previous = drawn[index - 1]
            assert unicodedata.combining(previous) or "\ufe70" <= previous <= "\ufeff"
    # The shadda and fatha sit on the second meem (medial form), not on the dal.
    assert unicodedata.name(drawn[0]) == "ARABIC LETTER DAL FINAL FORM"
    assert not unicodedata.combining(drawn[1])


def test_letters_a_face_lacks_are_set_in_the_upright_fallback_of_the_same_weight():
    arabic = "محمد"
    assert "<font" not in theme.esc("Αθηνά שרה Иван")  # every DejaVu face has these
    assert '<font face="DejaVuSansUpright">' in theme.esc(arabic, FONT_ITALIC)
    assert '<font face="DejaVuSansUpright-Bold">' in theme.esc(arabic, theme.FONT_BOLD)
    assert theme.esc("a < b") == "a &lt; b"


def test_arabic_in_an_italic_paragraph_is_printed():
    style = theme.styles().note  # oblique DejaVu: no Arabic glyphs of its own
    story = [Paragraph(theme.esc("Hinweis: محمد عبد الله", style.fontName), style)]
    info = theme.DocumentInfo("Test", "Rat", "Rostock", TODAY)

    pdf = theme.build_pdf(story, info).pdf

    assert {"محمد", "عبد", "الله"} <= words_of(pdf)
    assert "\ufffd" not in drawn_characters(pdf)


def test_long_right_to_left_lines_break_in_reading_order():
    text = NAMES["Arabic"][2]

    wrapped = theme.wrap_rtl(text, theme.FONT_BOLD, 9, 90)

    lines = wrapped.split("\n")
    assert len(lines) > 1
    assert " ".join(line.removeprefix("\u200f") for line in lines) == text
    assert all(line.startswith("\u200f") for line in lines)  # each line stays right-to-left
    for line in lines:
        assert pdfmetrics.stringWidth(visual_order.visual(line), theme.FONT_BOLD, 9) <= 90
    assert theme.wrap_rtl("Anna Berg " * 30, theme.FONT_BOLD, 9, 90) == "Anna Berg " * 30


@pytest.mark.parametrize("public", [False, True])
def test_a_script_no_font_has_is_named_in_a_warning_and_the_export_completes(public):
    members = [
        *cast(),
        member(10, "小明", "王", affiliation="清华大学"),
        member(11, "Abebe", "ቢቂላ"),
        member(12, "Kim", "O'Neil 🚀"),
    ]

    rendered = render(members, public=public)

    assert rendered.pdf.startswith(b"%PDF-")
    assert sorted(w.split(" – ")[0] for w in rendered.warnings) == [
        "Mitglied „Abebe ቢቂላ“: äthiopische Schrift",
        "Mitglied „Kim O'Neil 🚀“: Symbole oder Emoji",
        "Mitglied „小明 王“: chinesische Schriftzeichen (CJK)",
    ]
    assert all(w.endswith("sie stehen im PDF als „\ufffd“.") for w in rendered.warnings)
    assert "\ufffd" in drawn_characters(rendered.pdf)  # shown as a placeholder, not dropped
    assert "Abebe" in words_of(rendered.pdf)


def test_an_emoji_sequence_is_one_placeholder_as_an_emoji_alone_is():
    """(found by a tester) A family of three, joined, is one picture on screen; each of its
    emoji was a placeholder of its own, "���". Letters joined so keep their joiner."""
    family, technologist = (
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
        "\U0001f469\U0001f3fd\u200d\U0001f4bb",
    )
    members = [member(12, "Kim", f"Lee {family}", affiliation=f"Verein {technologist} e. V.")]

    rendered = render(members, public=False)

    text = drawn_characters(rendered.pdf)
    assert "Kim Lee \ufffd\n" in text and "Verein \ufffd e. V." in text
    assert "\ufffd\ufffd" not in text
    assert [w.split(" – ")[0] for w in rendered.warnings] == [
        f"Mitglied „Kim Lee {family}“: Symbole oder Emoji"
    ]
    assert user_text.printable("\u06a9\u200d") == "\u06a9\u200d"  # Persian: kept as written


def test_missing_scripts_names_each_script_once():
    assert user_text.missing_scripts("王 小明 ቢቂላ 清华") == [
        "chinesische Schriftzeichen (CJK)",
        "äthiopische Schrift",
    ]
    assert user_text.missing_scripts("Łukasz محمد שרה Αθηνά Иван\n") == []


def test_characters_beyond_u_ffff_copy_as_themselves():
    """reportlab writes them into the font's text map as five hex digits (read as "ὠ")."""
    pdf = render([member(1, "Anna 😀", "Berg 😃", affiliation="Verein 😉")], public=False).pdf

    text = drawn_characters(pdf)

    assert "Anna 😀 Berg 😃" in text and "Verein 😉" in text
    assert "\u1f60" not in text and fonts.PLACEHOLDER not in text


@pytest.mark.parametrize("first", ["Frau", "שרה"])
def test_a_mixed_paragraph_keeps_direction_marks_out_of_its_german_lines(first):
    """Hebrew and German over several lines (a left-to-right paragraph, and one that
    starts in Hebrew): the lines with Hebrew letters get their mark, those without none,
    and the PDF's text holds no mark that nothing on the page shows."""
    text = (
        f"{first} שרה כהן erläutert den Zwischenbericht des Projekts und verlässt danach "
        "die Sitzung, weil ein weiterer Termin ansteht; Herr Berg übernimmt die Vorstellung "
        "der Ergebnisse und beantwortet die Fragen der Mitglieder zum Zeitplan, zu den "
        "Kosten und zur Beteiligung der Öffentlichkeit in den kommenden Monaten."
    )
    width = theme.content_width()

    lines = theme.wrap_rtl(text, theme.FONT_BOLD, 10, width).split("\n")
    story = text_block(text)
    printed = pdf_reading.text(
        theme.build_pdf(story, theme.DocumentInfo("T", "Rat", "R", TODAY)).pdf
    )

    assert len(lines) >= 3 and visual_order.has_rtl(lines[0])
    assert lines[0][0] in "\u200e\u200f"
    assert all(line[0] not in "\u200e\u200f" for line in lines[1:])
    assert not set(printed) & set("\u200e\u200f\u2066\u2067\u2068\u2069")
    assert "und verlässt danach" in printed and "Sitzung, weil ein weiterer Termin" in printed
    assert "in den kommenden Monaten." in printed


def test_right_to_left_lines_with_emoji_are_not_broken_again_by_reportlab():
    """wrap_rtl measures a line as it is drawn: "🎉" as "�", joiners gone. Measured as
    the bare letters, the lines came out too long and reportlab broke each once more,
    leaving a word or two alone on every other line (found by a tester)."""
    style = theme.styles().body
    text = "Notiz & <b>fett</b> 'einfach' 😀🎉 👩\u200d👩\u200d👧 מרחבא שלום עולם " * 12
    width = theme.content_width()

    wrapped = theme.wrap_rtl(text, style.fontName, style.fontSize, width).split("\n")
    paragraph = Paragraph(theme.markup(text, style), style)
    paragraph.wrap(width, 10_000)

    assert len(wrapped) > 3
    assert len(paragraph.blPara.lines) == len(wrapped)


def test_the_annual_report_names_the_project_whose_title_it_cannot_print():
    """(found by a tester) A project's title in Ethiopic under a recommendation was named
    as the recommendation ("E-2025-01: äthiopische Schrift"), whose own title has none:
    the warning now names the project, as the recommendations report does; and a field
    that only the composition table names was not checked at all."""
    project = AddressedProject(1, "ሰላም Klimaportal", "Umweltamt")
    rows = [replace(ROWS[0], projects=(project,)), *ROWS[1:]]
    fields = [*FIELDS, ActionField(3, "Klima 🌍", position=2)]

    rendered = render_annual_report(report(rows=rows, fields=fields))

    assert sorted(w.split(" – ")[0] for w in rendered.warnings) == [
        "Handlungsfeld „Klima 🌍“: Symbole oder Emoji",
        "Projekt „ሰላም Klimaportal“: äthiopische Schrift",
    ]


def test_the_recommendations_report_names_the_meeting_whose_title_it_cannot_print():
    """(found by a tester) A Klausur's title in Chinese, printed under each recommendation
    adopted there ("8. Sitzung – Klausur: … am 12.11.2026, TOP 2"), went without warning."""
    label = "8. Sitzung – Klausur: 数据战略 am 12.11.2026"
    rows = [replace(REGISTER[0], origin=Origin(8, label, 80, "2")), *REGISTER[1:]]

    rendered = render_recommendations_report(register_report(rows=rows))

    assert [w.split(" – diese")[0] for w in rendered.warnings] == [
        f"{label}: chinesische Schriftzeichen (CJK)"
    ]
