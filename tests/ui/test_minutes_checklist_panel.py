"""The Vollständigkeit list: each kind of line has a mark of its own, not only a colour,
and a screen reader hears what the mark means."""

from __future__ import annotations

from datetime import date

from dark_palettes import DARK, palette_of
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette

from expertenrat.domain.minutes import DraftFinish
from expertenrat.domain.minutes_checklist_lines import Checklist, ChecklistLine, ChecklistTarget
from expertenrat.ui.minutes_checklist_panel import ChecklistPanel
from expertenrat.ui.theme_colours import contrast_ratio

TARGET = ChecklistTarget("agenda_changes")


def _ok_warning_and_missing(qtbot) -> ChecklistPanel:
    """The panel showing a line that is fine, a warning and one missing, in that order."""
    panel = ChecklistPanel()
    qtbot.addWidget(panel)
    panel.show_checklist(
        Checklist(
            (
                ChecklistLine("minute_taker", True, "Protokoll: Frau Schulz", TARGET),
                ChecklistLine("agenda_order", True, "TOP 2 in anderer Reihenfolge.", TARGET, True),
                ChecklistLine("place", False, "Der Sitzungsort fehlt.", TARGET),
            )
        )
    )
    return panel


def test_ok_warning_and_missing_lines_are_marked_apart(qtbot) -> None:
    panel = _ok_warning_and_missing(qtbot)
    lines = [panel.lines.item(i) for i in range(panel.lines.count())]

    # (found by a tester) The warnings before the green lines: sorted among them, one stood
    # at the foot of a long list, out of sight under "Alles vollständig.".
    assert [line.text() for line in lines] == [
        "✗ Der Sitzungsort fehlt.",
        "⚠ TOP 2 in anderer Reihenfolge.",
        "✓ Protokoll: Frau Schulz",
    ]
    assert [line.data(Qt.ItemDataRole.AccessibleTextRole) for line in lines] == [
        "Fehlt: Der Sitzungsort fehlt.",
        "Hinweis: TOP 2 in anderer Reihenfolge.",
        "In Ordnung: Protokoll: Frau Schulz",
    ]
    metrics = QFontMetrics(panel.lines.font())
    assert all(metrics.inFontUcs4(ord(mark)) for mark in "✓⚠✗")  # no empty box


def test_the_summary_counts_the_warnings_of_a_complete_list(qtbot) -> None:
    panel = ChecklistPanel()
    qtbot.addWidget(panel)
    ok = ChecklistLine("minute_taker", True, "Protokoll: Frau Schulz", TARGET)
    warning = ChecklistLine("agenda_order", True, "TOP 2 in anderer Reihenfolge.", TARGET, True)
    other = ChecklistLine("item_quorum", True, "TOP 3: ohne Beschlussfähigkeit.", TARGET, True)

    panel.show_checklist(Checklist((ok,)))
    assert panel.summary.text() == "Alles vollständig."
    panel.show_checklist(Checklist((ok, warning)))
    assert panel.summary.text() == "Alles vollständig; 1 Hinweis."  # (found by a tester)
    panel.show_checklist(Checklist((ok, warning, other)))
    assert panel.summary.text() == "Alles vollständig; 2 Hinweise."


def test_the_lines_colours_follow_a_palette_switched_to_dark(qtbot, qapp) -> None:
    # (found by a tester) In dark mode the green, brown and red were dark on dark.
    panel = _ok_warning_and_missing(qtbot)
    lines = [panel.lines.item(i) for i in range(panel.lines.count())]
    assert [line.foreground().color().name() for line in lines] == [
        "#b00020",
        "#8a5300",
        "#1b6e20",
    ]  # on the light palette as they were
    before = qapp.palette()
    try:
        qapp.setPalette(palette_of(DARK))  # Windows switched to dark mode
        dark = QColor(DARK[QPalette.ColorRole.Base])
        qtbot.waitUntil(lambda: panel.lines.palette().color(QPalette.ColorRole.Base) == dark)
        assert all(contrast_ratio(line.foreground().color(), dark) >= 4.5 for line in lines)
    finally:
        qapp.setPalette(before)


def test_a_finished_draft_says_where_it_is_sent(qtbot) -> None:
    """(found by a tester) "er kann versandt werden" left a newcomer looking for where: the
    minutes go out from another tab."""
    panel = ChecklistPanel()
    qtbot.addWidget(panel)
    ok = ChecklistLine("minute_taker", True, "Protokoll: Frau Schulz", TARGET)

    panel.show_checklist(Checklist((ok,), DraftFinish(date(2026, 12, 2))))

    assert panel.finish_label.text() == (
        "Entwurf abgeschlossen am 02.12.2026; er kann versandt werden: Reiter „Genehmigung“ "
        "→ „Protokoll versenden …“."
    )


def test_entwurf_abschliessen_says_it_is_optional_and_where_the_minutes_go_out(qtbot) -> None:
    """(found by a tester) A complete draft's button said nothing: a newcomer took the step
    for the sending, and looked for the sending beside it."""
    panel = ChecklistPanel()
    qtbot.addWidget(panel)
    ok = ChecklistLine("minute_taker", True, "Protokoll: Frau Schulz", TARGET)
    missing = ChecklistLine("place", False, "Der Sitzungsort fehlt.", TARGET)

    panel.show_checklist(Checklist((ok,)))
    assert panel.finish_button.isEnabled()
    assert panel.finish_button.toolTip() == (
        "Den vollständigen Entwurf als fertig zum Versand kennzeichnen (freiwillig); versandt "
        "wird das Protokoll im Reiter „Genehmigung“ mit „Protokoll versenden …“."
    )
    panel.show_checklist(Checklist((ok, missing)))
    assert panel.finish_button.toolTip() == "Erst wenn alle Zeilen grün sind."
