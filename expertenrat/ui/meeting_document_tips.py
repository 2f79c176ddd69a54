"""What the Sitzungen page's document buttons say in their tooltips, by the meeting's
state (:class:`~expertenrat.ui.meeting_document_actions_view.MeetingDocumentActionsView`):
a cancelled meeting has an Absage and no Ablaufplan or Anwesenheitsliste; the Sitzungsmappe
of a meeting ahead holds the minutes only once it is held."""

from __future__ import annotations

from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingDocumentActions"


def letter_texts(*, cancelled: bool) -> tuple[str, str, str]:
    """The letter button's text and tooltip, and the Serienbrief's tooltip."""
    if cancelled:  # the letter tells the members the meeting does not take place
        return (
            tr(_CONTEXT, "Absage …"),
            tr(_CONTEXT, "Die Absage an die Mitglieder (PDF)"),
            tr(_CONTEXT, "Je Mitglied eine persönlich adressierte Absage, in einer PDF-Datei"),
        )
    return (
        tr(_CONTEXT, "Einladung …"),
        tr(_CONTEXT, "Die Einladung an die Mitglieder (PDF)"),
        tr(_CONTEXT, "Je Mitglied eine persönlich adressierte Einladung, in einer PDF-Datei"),
    )


def run_sheet_tip(*, cancelled: bool) -> str:
    if cancelled:
        return tr(_CONTEXT, "Die Sitzung ist abgesagt: für sie gibt es keinen Ablaufplan.")
    return tr(
        _CONTEXT, "Intern, für die Sitzungsleitung: Zeitplan, Vortragende, Befangenheiten (PDF)"
    )


def attendance_list_tip(*, cancelled: bool) -> str:
    if cancelled:
        return tr(_CONTEXT, "Die Sitzung ist abgesagt: für sie gibt es keine Anwesenheitsliste.")
    return tr(_CONTEXT, "Zum Unterschreiben am Eingang: Mitglieder, Gäste, freie Zeilen (PDF)")


def dossier_tips(*, coming: bool) -> tuple[str, str]:
    """The Sitzungsmappe's tooltip and its public version's, before the meeting
    (``coming``: the minutes follow) or after it."""
    if coming:
        return (
            tr(
                _CONTEXT,
                "Deckblatt mit Stand, Einladung mit Tagesordnung und Anlagen in einer "
                "PDF-Datei (das Protokoll folgt nach der Sitzung)",
            ),
            tr(
                _CONTEXT,
                "Deckblatt mit Stand, öffentliche Einladung und die öffentlichen Anlagen in "
                "einer PDF-Datei (das öffentliche Protokoll folgt nach der Sitzung)",
            ),
        )
    return (
        tr(_CONTEXT, "Deckblatt mit Inhalt, Einladung, Protokoll und Anlagen in einer PDF-Datei"),
        tr(
            _CONTEXT,
            "Deckblatt mit Inhalt, öffentliche Einladung, öffentliches Protokoll und die "
            "öffentlichen Anlagen in einer PDF-Datei",
        ),
    )
