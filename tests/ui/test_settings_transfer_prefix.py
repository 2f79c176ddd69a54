"""A settings file whose prefix of the recommendation codes another council uses, taken in
the window (Datei → "Neues Gremium aus Vorlage …", Einstellungen → "Einstellungen
übernehmen …"): warned of as the Einstellungen warn when saving and `import settings` does
(found by a helper: the window said nothing, and both councils issued "E-2026-01")."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import CouncilSettings
from expertenrat.ui.settings_transfer import SettingsTransfer

TITLE_NEW, TITLE_TAKE = "Neues Gremium aus Vorlage", "Einstellungen übernehmen"


def _transfer(qtbot, services, dialogs, council_id: int) -> SettingsTransfer:
    parent = QWidget()
    qtbot.addWidget(parent)
    return SettingsTransfer(
        services.council_transfer,
        services.settings,
        dialogs,
        parent,
        lambda: council_id,
        lambda _then: True,
    )


def _file(services, council_id: int, tmp_path, prefix: str, name: str = "") -> str:
    """The council's settings file with ``prefix`` (and ``name``: another council's)."""
    document = json.loads(services.council_transfer.export(council_id))
    document["council"]["recommendationPrefix"] = prefix
    document["council"]["name"] = name or document["council"]["name"]
    path = tmp_path / "vorlage.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return str(path)


def _councils(services):
    rostock = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    beirat = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Lübeck", recommendation_prefix="LB")
    )
    return rostock, beirat


def test_a_new_council_from_a_file_of_a_prefix_in_use_is_warned_of(
    qtbot, services, dialogs, tmp_path
):
    rostock, beirat = _councils(services)
    transfer = _transfer(qtbot, services, dialogs, rostock.id)
    created: list[int] = []
    transfer.created.connect(created.append)

    transfer.new_council_from(_file(services, beirat.id, tmp_path, "E", "Jugendbeirat"))

    (council_id,) = created
    assert services.settings.settings(council_id).recommendation_prefix == "E"
    assert dialogs.messages == [
        (
            "warning",
            TITLE_NEW,
            "Das Kürzel „E“ gilt auch für „Rat“ (Rostock): Empfehlungen verschiedener Gremien "
            "bekämen so dieselben Kennungen („E-…“).",
        )
    ]


def test_a_new_council_from_a_file_of_a_free_prefix_says_nothing(
    qtbot, services, dialogs, tmp_path
):
    rostock, beirat = _councils(services)
    transfer = _transfer(qtbot, services, dialogs, rostock.id)

    transfer.new_council_from(_file(services, beirat.id, tmp_path, "HL", "Jugendbeirat"))

    assert services.settings.councils()[-1].name == "Jugendbeirat"
    assert dialogs.messages == []


def test_a_prefix_taken_over_from_a_file_is_warned_of_where_another_council_uses_it(
    qtbot, services, dialogs, tmp_path
):
    rostock, beirat = _councils(services)
    services.settings.update_settings(replace(rostock, notice_period_days=12))
    transfer = _transfer(qtbot, services, dialogs, beirat.id)
    transfer.import_file(_file(services, rostock.id, tmp_path, "E"))
    dialog = transfer.dialog
    assert dialog is not None
    choices = {name for name, (_keep, take) in dialog.choices.items() if take.isChecked()}
    assert {"recommendation_prefix", "notice_period_days"} <= choices

    dialog.chosen.emit({"notice_period_days"})  # the prefix left as it is: no word of it
    assert dialogs.messages == []

    transfer.import_file(_file(services, rostock.id, tmp_path, "E"))
    transfer.dialog.chosen.emit({"recommendation_prefix"})

    assert services.settings.settings(beirat.id).recommendation_prefix == "E"
    assert dialogs.warnings() == [
        "Das Kürzel „E“ gilt auch für „Rat“ (Rostock): Empfehlungen verschiedener Gremien "
        "bekämen so dieselben Kennungen („E-…“)."
    ]
    assert dialogs.messages[-1][1] == TITLE_TAKE
