"""(found by a tester) The member form names the fields each consent lets the public
documents show: the public roster prints the postal address under "Kontaktdaten", the
OParl export never publishes it, and the form did not say so."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from expertenrat.domain.councils import ActionField
from expertenrat.ui.member_form import MemberForm


def test_the_consents_name_the_fields_they_cover(qtbot, today) -> None:
    form = MemberForm([ActionField(id=1, name="Stadtdaten")], today)
    qtbot.addWidget(form)

    hint = " ".join(label.text() for label in form.findChildren(QLabel))

    assert (
        "Name und Institution: Anrede, Titel, Name, Institution, Rolle, Amtszeit, "
        "Handlungsfelder; in der öffentlichen Mitgliederliste auch Funktion und Sektor, im "
        "OParl-Export das Stimmrecht." in hint
    )
    assert (
        "Kontaktdaten: E-Mail und Telefon; in der öffentlichen Mitgliederliste auch die "
        "Postanschrift. Ohne Einwilligung bleiben die Angaben intern." in hint
    )
