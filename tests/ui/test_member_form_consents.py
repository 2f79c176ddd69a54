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
        "Name und Institution: Anrede, Titel, Name, Institution, Rolle, Amtszeit und "
        "Handlungsfelder; in der öffentlichen Mitgliederliste dazu Funktion und Sektor, im "
        "OParl-Export das Stimmrecht." in hint
    )
    assert (
        "Kontaktdaten: E-Mail, Telefon und Postanschrift in der öffentlichen Mitgliederliste; "
        "im OParl-Export nur E-Mail und Telefon, nie die Postanschrift." in hint
    )
