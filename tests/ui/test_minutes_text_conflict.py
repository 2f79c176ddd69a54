"""The question when the same field of an item was typed here and on another PC, where the
other text holds an accepted objection's correction that the text typed here changed."""

from __future__ import annotations

from expertenrat.domain.minutes_objections import Correction
from expertenrat.ui.minutes_text_conflict import ask_which_text

CORRECTION = Correction("Dr. Eva Lind", "TOP 3", "offen & frei", "offen, frei und lesbar")


def test_keeping_text_that_changed_the_corrected_passage_warns_it_drops_the_correction(dialogs):
    answers: list[object] = []
    mine = {"discussion": "", "motion_text": "", "resolution_text": "Daten offen.", "result": ""}
    theirs = {**mine, "resolution_text": "Daten offen, frei und lesbar."}
    dialogs.choices = ["left"]

    ask_which_text(
        None,
        dialogs,
        "TOP 3 Beratung",
        lambda payload: payload["resolution_text"],
        (mine, theirs),
        [CORRECTION],
        (lambda: answers.append("mine"), lambda: answers.append("theirs"), answers.append),
    )

    assert dialogs.offered == [
        ("Gleichzeitig geändert", "Daten offen.", "Daten offen, frei und lesbar.")
    ]
    assert dialogs.offered_intros == [
        "„TOP 3 Beratung“ wurde inzwischen an einem anderen Arbeitsplatz geändert. Der andere "
        "Text enthält die Korrektur aus dem angenommenen Einwand von Dr. Eva Lind (TOP 3). "
        "Ihr Text ändert die berichtigte Stelle selbst: behalten Sie ihn, fehlt die Korrektur "
        "im Protokoll, obwohl der Einwand als angenommen vermerkt bleibt. Übernehmen Sie "
        "besser den anderen Text und tragen Sie Ihre Änderung dort erneut ein. Welche Fassung "
        "soll gelten? Die andere wird verworfen."
    ]
    assert answers == ["mine"]
