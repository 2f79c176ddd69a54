"""The lines of the minutes document that the domain words itself."""

from __future__ import annotations

from expertenrat.domain.minutes_document import earlier_minutes_line


def test_the_earlier_minutes_line_names_objections_decided_outside_a_meeting() -> None:
    meeting = "der 1. Sitzung"
    assert earlier_minutes_line(meeting, True, 1, 1, 1, 0) == (
        "Das Protokoll der 1. Sitzung wurde genehmigt; über 2 Einwände wurde entschieden "
        "(1 berücksichtigt, 1 zurückgewiesen); außerhalb einer Sitzung war über 1 Einwand "
        "entschieden worden (1 berücksichtigt, 0 zurückgewiesen)."
    )
    assert earlier_minutes_line(meeting, False, 0, 1, 0, 1) == (
        "Über die Einwände gegen das Protokoll der 1. Sitzung wurde entschieden "
        "(0 berücksichtigt, 1 zurückgewiesen); außerhalb einer Sitzung war über 1 Einwand "
        "entschieden worden (0 berücksichtigt, 1 zurückgewiesen)."
    )
    assert (
        earlier_minutes_line(meeting, True, 0, 0) == "Das Protokoll der 1. Sitzung wurde genehmigt."
    )
