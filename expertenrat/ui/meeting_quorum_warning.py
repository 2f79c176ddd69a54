"""The line under the state buttons of the Sitzungen page that warns, before a meeting,
where the apologies recorded leave too few voting members for a quorum under the
council's rule ("Nach 5 Entschuldigungen sind höchstens 4 von 9 stimmberechtigten
Mitgliedern zu erwarten – die Sitzung wäre nicht beschlussfähig …"): the secretariat sees
it where it plans the meeting, whichever tab is open, and can move or cancel it in time.
Hidden for every other meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.meetings import MeetingSummary
from expertenrat.services.attendance import AttendanceService


class MeetingQuorumWarning(QLabel):
    def __init__(self, attendance: AttendanceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attendance = attendance
        self.setObjectName("warningLabel")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def show_for(self, line: MeetingSummary | None) -> None:
        """Read the warning of the meeting shown, by its ``line`` in the list (``None``: no
        meeting shown, no warning); only a planned or invited one has one, the others are
        not read (the minutes' header saves reread the page). None either for one deleted
        on another PC while its form keeps what was typed."""
        try:
            warning = (
                self._attendance.quorum_warning(line.id)
                if line is not None and line.state in NOT_YET_HELD
                else ""
            )
        except NotFoundError:
            warning = ""
        self.setText(warning)
        self.setVisible(bool(warning))
