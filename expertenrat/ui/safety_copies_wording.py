"""The words of Datei → Aufbewahrung … for the safety copies of the database made before
restores and updates (:mod:`expertenrat.ui.retention_dialog`): how many, the oldest, the
rule and what is due, and what deleting them did."""

from __future__ import annotations

from expertenrat.domain.backup_rotation import SAFETY_COPIES_KEPT, SafetyCopies
from expertenrat.ui.i18n import tr

_CONTEXT = "RetentionDialog"  # the dialog's words, translated with it


def copies_counted(count: int) -> str:
    return (
        tr(_CONTEXT, "1 Sicherheitskopie")
        if count == 1
        else tr(_CONTEXT, "{} Sicherheitskopien").format(count)
    )


def not_deleted(count: int) -> str:
    if count == 1:
        return tr(
            _CONTEXT,
            "1 Sicherheitskopie konnte nicht gelöscht werden und bleibt erhalten: vielleicht "
            "ist sie in einem anderen Programm geöffnet, oder es fehlt die Berechtigung für "
            "ihren Ordner.",
        )
    return tr(
        _CONTEXT,
        "{} Sicherheitskopien konnten nicht gelöscht werden und bleiben erhalten: vielleicht "
        "sind sie in einem anderen Programm geöffnet, oder es fehlt die Berechtigung für "
        "ihren Ordner.",
    ).format(count)


def days_counted(count: int) -> str:
    """ "1 Tag", "90 Tage": the days the setting "Sicherheitskopien aufbewahren" holds."""
    return tr(_CONTEXT, "1 Tag") if count == 1 else tr(_CONTEXT, "{} Tage").format(count)


def copies_text(copies: SafetyCopies, days: int) -> str:
    """What the dialog says of the safety copies made before restores and updates."""
    rule = tr(
        _CONTEXT,
        "Kopien, die älter als {} sind, werden beim Programmstart gelöscht; die "
        "neuesten {} bleiben erhalten (Einstellungen → Auf diesem PC).",
    ).format(days_counted(days), SAFETY_COPIES_KEPT)
    if not copies.count:
        return tr(
            _CONTEXT, "Keine Sicherheitskopien vor Wiederherstellungen oder Aktualisierungen. {}"
        ).format(rule)
    text = tr(
        _CONTEXT,
        "{} der Datenbank vor Wiederherstellungen oder Aktualisierungen, die älteste vom {}. "
        "Sie enthalten auch Daten inzwischen anonymisierter oder gelöschter Personen. {}",
    ).format(copies_counted(copies.count), f"{copies.oldest:%d.%m.%Y}", rule)
    if copies.due:
        return text + " " + tr(_CONTEXT, "Jetzt fällig: {}.").format(copies_counted(copies.due))
    if copies.next_deletion is not None:
        return (
            text
            + " "
            + tr(_CONTEXT, "Die nächste ist ab dem {} fällig.").format(
                f"{copies.next_deletion:%d.%m.%Y}"
            )
        )
    return text
