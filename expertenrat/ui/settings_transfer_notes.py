"""What changes within a list that "Einstellungen übernehmen …" takes from a file: the
tooltip of its row in the choice of differences."""

from __future__ import annotations

from expertenrat.domain.council_transfer_format import (
    ACTION_FIELDS,
    AGENDA_TEMPLATES,
    TEXT_TEMPLATES,
)
from expertenrat.domain.council_transfer_preview import TransferPreview
from expertenrat.ui.i18n import tr

_CONTEXT = "SettingsTransfer"
_NAMED = 8  # phrases, agenda templates or kept action fields named in a tooltip


def difference_note(preview: TransferPreview, name: str) -> str:
    """What changes within a list taken from the file (the tooltip of its row): phrases and
    agenda templates added, changed and dropped, and how action fields are matched; a few
    names each (a file of 500 phrases)."""
    if name == TEXT_TEMPLATES:
        return tr(_CONTEXT, "Ersetzt die Textbausteine. {}").format(preview.phrase_changes(_NAMED))
    if name == AGENDA_TEMPLATES:
        return tr(_CONTEXT, "Ersetzt die Vorlagen. {}").format(
            preview.agenda_template_changes(_NAMED)
        )
    if name != ACTION_FIELDS:
        return ""
    note = tr(_CONTEXT, "Handlungsfelder werden nach ihrem Namen zugeordnet.")
    if preview.kept_fields:
        note += " " + tr(
            _CONTEXT,
            "Bleiben, weil sie verwendet werden (Mitglieder, Projekte, Empfehlungen): {}.",
        ).format(preview.kept_field_names(_NAMED))
    return note
