"""Colours that follow the palette (found by a tester: on Windows in dark mode the status
colours were dark on dark, a pale wash carried the palette's white text)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from expertenrat.domain.consent import ConsentChange
from expertenrat.domain.enums import ConsentKind
from expertenrat.domain.member_import_preview import ImportRow, ImportStatus
from expertenrat.domain.members import Member
from expertenrat.ui import theme_colours
from expertenrat.ui.member_import_table_model import ImportRowsModel
from expertenrat.ui.recommendations_table_model import overdue_background, overdue_foreground
from expertenrat.ui.theme_colours import contrast_ratio, dimmed, readable, wash

ROLE = QPalette.ColorRole
FG, BG = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole


def test_contrast_ratio_is_wcags() -> None:
    assert round(contrast_ratio(QColor("black"), QColor("white")), 1) == 21.0
    assert round(contrast_ratio(QColor("#777777"), QColor("white")), 2) == 4.48


def test_a_readable_colour_is_kept_and_a_dark_one_lightened_on_dark() -> None:
    red, dark = QColor("#b00020"), QColor("#1e1e1e")
    assert readable(red, QColor("white")) == red
    lighter = readable(red, dark)
    assert contrast_ratio(lighter, dark) >= 4.5
    assert lighter.hslHue() == red.hslHue() and lighter.lightness() > red.lightness()


def test_a_wash_is_the_tint_on_a_light_palette_and_dark_on_a_dark_one(qapp, dark_palette) -> None:
    tint, accent = QColor("#fdecee"), QColor("#b00020")
    light = QPalette(QColor("#efefef"))
    assert wash(tint, accent, light) == tint
    assert contrast_ratio(dark_palette.color(ROLE.Text), wash(tint, accent)) >= 4.5


def on_dark_rows_read(foreground: QColor, background: QColor, palette: QPalette) -> bool:
    """The row's text reads on its background, which is as dark as the table's (no pale
    band in a dark table, and the palette's text reads on it too)."""
    text = palette.color(ROLE.Text)
    return contrast_ratio(foreground, background) >= 4.5 <= contrast_ratio(text, background)


def test_overdue_rows_read_in_dark_mode(qapp, dark_palette) -> None:
    assert on_dark_rows_read(overdue_foreground(), overdue_background(), dark_palette)


def test_overdue_rows_read_in_high_contrast(qapp, high_contrast_palette) -> None:
    assert on_dark_rows_read(overdue_foreground(), overdue_background(), high_contrast_palette)


def test_the_import_preview_reads_in_dark_mode(qapp, dark_palette) -> None:
    member = Member(id=None, given_name="Jan", family_name="Brandt", primary_field_id=1)
    consent = (ConsentChange(ConsentKind.CONTACT, True, date(2026, 11, 1)),)
    model = ImportRowsModel()
    model.set_rows(
        [
            ImportRow(5, ImportStatus.ERROR, None, "", ("Nachname fehlt.",)),
            ImportRow(2, ImportStatus.UNCHANGED, member, "Jan Brandt", changed=False),
            ImportRow(3, ImportStatus.NEW, member, "Jan Brandt", consent_changes=consent),
        ]
    )
    error = model.index(0, ImportRowsModel.COLUMN_RESULT)
    unchanged = model.index(1, ImportRowsModel.COLUMN_RESULT)
    consent_cell = model.index(2, ImportRowsModel.COLUMN_CONSENT)
    base, text = dark_palette.color(ROLE.Base), dark_palette.color(ROLE.Text)

    assert on_dark_rows_read(error.data(FG), error.data(BG), dark_palette)
    assert contrast_ratio(unchanged.data(FG), base) >= 4.5  # grey, not dark grey on dark
    # The palette's white text on the consent's wash: it was white on pale yellow.
    assert consent_cell.data(FG) is None
    assert contrast_ratio(text, consent_cell.data(BG)) >= 4.5


def reads_on_rows(colour: QColor, palette: QPalette) -> bool:
    rows = (palette.color(ROLE.Base), palette.color(ROLE.AlternateBase))
    return min(contrast_ratio(colour, row) for row in rows) >= 4.5


def test_the_grey_of_rows_no_longer_current_reads_on_a_light_palette(qapp) -> None:
    # Former members, completed projects, cancelled meetings: #7a828a had 3.9:1 on white.
    assert reads_on_rows(dimmed(), qapp.palette())


def test_the_grey_of_rows_no_longer_current_reads_in_dark_mode(qapp, dark_palette) -> None:
    assert reads_on_rows(dimmed(), dark_palette)


def test_under_the_systems_high_contrast_setting_text_gets_7_to_1(
    qapp, high_contrast_palette, monkeypatch
) -> None:
    # The colleague with low vision chose Windows' high-contrast theme: WCAG's AAA.
    red, paper = QColor("#b00020"), QColor("white")
    assert readable(red, paper) == red  # 6.6:1 is enough otherwise
    monkeypatch.setattr(
        theme_colours, "contrast_preference", lambda: Qt.ContrastPreference.HighContrast
    )
    assert contrast_ratio(readable(red, paper), paper) >= 7.0
    assert contrast_ratio(overdue_foreground(), overdue_background()) >= 7.0


def test_a_kept_answer_is_the_same_and_a_copy_changed_by_its_user_changes_nothing(qapp):
    """The answers are kept for paint time (a dark palette's search took ~0.1 ms a cell):
    asked again, the same colour; a caller that changes the colour it got spoils nothing."""
    dark = QColor("#1e1e1e")
    first = theme_colours.readable(QColor("#b3261e"), dark)
    assert theme_colours.contrast_ratio(first, dark) >= theme_colours.MINIMUM_CONTRAST
    kept = QColor(first)

    first.setRed(0)

    assert theme_colours.readable(QColor("#b3261e"), dark) == kept


def test_a_shade_found_keeps_its_contrast_once_painted_in_8_bits_a_channel() -> None:
    """(found by a helper) Amber darkened to 3:1 on #efefef came out 2.99:1 on screen."""
    window = QColor("#efefef")
    shade = readable(QColor("#d99e22"), window, minimum=3.0)
    assert contrast_ratio(QColor(shade.name()), window) >= 3.0
