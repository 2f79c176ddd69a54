"""The merge dialog for a member: its rows (German field names, action fields by name), and
the offer to complete a person someone else saved meanwhile instead of saving them twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.councils import ActionField
from expertenrat.domain.merge import FieldDifference
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import MergeDialog
from expertenrat.ui.merge_rows import MergeRow, merge_rows, value_text

_CONTEXT = "MemberMerge"


def member_merge_rows(found: list[FieldDifference], fields: list[ActionField]) -> list[MergeRow]:
    names = {field.id: field.name for field in fields}
    labels = {
        "primary_field_id": tr(_CONTEXT, "Primäres Handlungsfeld"),
        "further_field_ids": tr(_CONTEXT, "Weitere Handlungsfelder"),
    }

    def text(name: str, value: Any) -> str:
        if name == "primary_field_id":
            return names.get(value, "") if value is not None else ""
        if name == "further_field_ids":
            return ", ".join(names.get(v, str(v)) for v in value)
        return value_text(value)

    return merge_rows(found, lambda name: labels.get(name) or field_label("membership", name), text)


def open_twin_merge(
    parent: QWidget,
    name: str,
    by_email: bool,
    rows: list[MergeRow],
    chosen: Callable[[set[str]], None],
) -> MergeDialog:
    """Open "Gleichzeitig angelegt – ``name``": the person typed as a new member was saved
    meanwhile by someone else (the same e-mail address, ``by_email``, or name). ``chosen``
    gets the fields to take from the stored record, which is then completed; "Abbrechen"
    keeps the typed input. The dialog deletes itself once finished."""
    same = (
        tr(_CONTEXT, "mit derselben E-Mail-Adresse")
        if by_email
        else tr(_CONTEXT, "mit demselben Namen")
    )
    dialog = MergeDialog(
        tr(_CONTEXT, "Gleichzeitig angelegt – {}").format(name),
        tr(
            _CONTEXT,
            "Jemand anderes hat diese Person {same} angelegt, während Sie sie als neues "
            "Mitglied eingegeben haben. Wählen Sie je Feld, welche Angabe gelten soll: "
            "„Auswahl speichern“ ergänzt den gespeicherten Eintrag, statt die Person doppelt "
            "anzulegen. Ist es eine andere Person, schließen Sie dieses Fenster mit "
            "„Abbrechen“.",
        ).format(same=same),
        rows,
        parent,
    )
    dialog.chosen.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
