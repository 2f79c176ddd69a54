"""The two lines of a status line: a long message shortened in the second."""

from __future__ import annotations

from expertenrat.ui.status_line import StatusLine

PATH = "/home/sekretariat/Dokumente/Expertenrat/Protokolle/2026/Dezember/Sitzung-12-Entwurf.pdf"


def test_a_long_path_broken_in_the_middle_gets_no_space_in_the_shortened_line(qtbot) -> None:
    """(found by review) The rest of the lines was joined with spaces, and a path Qt broke
    in the middle (it is one word) was shown with a space in it."""
    line = StatusLine()
    qtbot.addWidget(line)
    line.setText(f"Nicht gespeichert: die Datei {PATH} ist schreibgeschützt.\nBitte prüfen.")
    metrics = line.fontMetrics()
    widths = range(metrics.horizontalAdvance("Nicht gespeichert:"), metrics.horizontalAdvance(PATH))

    lasts = {w: line.shown_lines(w)[1] for w in widths if len(line.lines_at(w)) > 2}

    # As the text stands (its line feed a space): no space put where Qt broke the path.
    text = line.text().replace("\n", " ")
    spaced = {w: last for w, last in lasts.items() if last.rstrip("…").rstrip() not in text}
    assert len(lasts) > 100 and spaced == {}


def test_a_line_feed_in_the_shortened_line_is_a_space(qtbot) -> None:
    line = StatusLine()
    qtbot.addWidget(line)
    line.setText("Erste Zeile\nZweite Zeile\nDritte Zeile")
    wide = line.fontMetrics().horizontalAdvance(line.text()) * 2

    assert line.shown_lines(wide) == ["Erste Zeile", "Zweite Zeile Dritte Zeile"]
