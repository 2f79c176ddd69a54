"""The Übersicht's first steps, without the window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from expertenrat.ui.overview_first_steps import FirstSteps


class _Opened:
    def emit(self, _target) -> None:
        pass


def test_the_settings_step_does_not_say_a_council_from_a_file_has_the_defaults(qtbot):
    """(found by a helper) The demo's Lübeck Beirat, made from its settings file, was told
    that "ein neues Gremium beginnt mit Vorgaben": its settings, its website and its
    Geschäftsstelle are the file's, which is why they are to be checked."""
    steps = FirstSteps(_Opened())
    qtbot.addWidget(steps)

    (hint,) = [
        label.text() for label in steps.findChildren(QLabel) if "Mitgliederzahl" in label.text()
    ]

    assert hint.endswith(
        "ein neues Gremium beginnt mit Vorgaben, eines aus einer Vorlage mit den Angaben der "
        "Vorlage."
    )
