"""(found by review) The line under a main action says why it is off only where the button
itself is off: its tooltip then says why. A button off with the whole panel around it keeps
its usual tooltip, which the line showed as the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from expertenrat.ui.off_reason import OffReason


def test_a_button_off_with_its_panel_gives_no_reason_its_own_off_state_does(qtbot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    button = QPushButton("Genehmigen …", panel)
    button.setToolTip("Genehmigt das Protokoll.")  # its usual tooltip
    layout.addWidget(button)
    reason = OffReason(button)
    layout.addWidget(reason)
    panel.show()

    panel.setEnabled(False)
    assert reason.isHidden()

    button.setEnabled(False)
    button.setToolTip("Das Protokoll muss zuerst versandt werden.")
    assert not reason.isHidden()
    panel.setEnabled(True)
    assert reason.isVisible()
    assert reason.text() == (
        "„Genehmigen …“ ist noch nicht möglich: Das Protokoll muss zuerst versandt werden."
    )
    button.setEnabled(True)
    assert reason.isHidden()
