"""The Hilfe menu's texts: "Erste Schritte" (the README's "First steps" in German, for a
secretariat that reads no English) and "Tastenkürzel" (the keys the program knows).

Each key is also named where it acts (a sidebar entry's or a button's tooltip); the list
is for the newcomer who wants them all at a glance. Add a key here when one is added, and
change a step here when the README's "First steps" change.
"""

from __future__ import annotations

from expertenrat.ui.i18n import tr

_CONTEXT = "HelpTexts"


def first_steps() -> list[tuple[str, str]]:
    """(step, what to do) as in the README's "First steps"."""
    return [
        (
            tr(_CONTEXT, "Gremium anlegen"),
            tr(
                _CONTEXT,
                "Auf der Willkommensseite „Demodaten laden“ zum Ausprobieren oder „Gremium "
                "anlegen“ (Name, Stadt, Bundesland, Handlungsfelder). Unter „Einstellungen“ "
                "folgen Logo, Ladungsfrist, Protokollart und Genehmigungsweise.",
            ),
        ),
        (
            tr(_CONTEXT, "Mitglieder"),
            tr(
                _CONTEXT,
                "„Mitglieder“ → „Neues Mitglied …“ (Strg+N) mit Beginn der Amtszeit, oder "
                "„Importieren …“ für eine Excel- oder CSV-Liste.",
            ),
        ),
        (
            tr(_CONTEXT, "Sitzung planen"),
            tr(
                _CONTEXT,
                "„Sitzungen“ → „Neue Sitzung“ (Strg+N) schlägt Datum, Uhrzeit und Ort passend zur "
                "Ladungsfrist vor; im Reiter „Tagesordnung“ weitere Punkte ergänzen.",
            ),
        ),
        (
            tr(_CONTEXT, "Einladen"),
            tr(
                _CONTEXT,
                "Unter „Dokumente“ „Einladung …“ als PDF, Ausdruck oder E-Mail-Entwurf; danach "
                "„Einladung versandt“ vermerken.",
            ),
        ),
        (
            tr(_CONTEXT, "Am Sitzungstag"),
            tr(_CONTEXT, "Reiter „Anwesenheit“ ausfüllen, dann „Durchgeführt“."),
        ),
        (
            tr(_CONTEXT, "Protokoll"),
            tr(
                _CONTEXT,
                "Reiter „Protokoll“: Kopfdaten und ein Text je Punkt; es speichert sich "
                "selbst. Die Liste „Vollständigkeit“ nennt, was noch fehlt.",
            ),
        ),
        (
            tr(_CONTEXT, "Versenden und genehmigen"),
            tr(
                _CONTEXT,
                "Reiter „Genehmigung“ → „Protokoll versenden …“; nach der nächsten Sitzung "
                "„Genehmigen …“.",
            ),
        ),
        (
            tr(_CONTEXT, "Daten sichern"),
            tr(
                _CONTEXT,
                "Wo die Daten liegen, nennt „Über Expertenrat“; beim Start entsteht eine "
                "tägliche Sicherung. „Sicherung jetzt …“ im Menü „Datei“ schreibt eine "
                "Sicherungsdatei, die Sie an anderer Stelle aufbewahren.",
            ),
        ),
    ]


def shortcut_rows() -> list[tuple[str, str]]:
    """(key, what it does) in the order a user meets them."""
    return [
        (tr(_CONTEXT, "F1"), tr(_CONTEXT, "Diese Hilfe: Erste Schritte")),
        (tr(_CONTEXT, "Strg+1 … Strg+8"), tr(_CONTEXT, "Bereich der Seitenleiste wählen")),
        (
            tr(_CONTEXT, "Strg+N"),
            tr(_CONTEXT, "Neues Mitglied, neues Projekt, neue Sitzung, neue Empfehlung"),
        ),
        (tr(_CONTEXT, "Strg+F"), tr(_CONTEXT, "In die Suche der Liste springen")),
        (tr(_CONTEXT, "Strg+S"), tr(_CONTEXT, "Das Formular der Seite speichern")),
        (
            tr(_CONTEXT, "Eingabetaste"),
            tr(_CONTEXT, "In einem Eingabefeld: speichern (im Textfeld: neue Zeile)"),
        ),
        (tr(_CONTEXT, "Entf"), tr(_CONTEXT, "Markierte Zeile einer Liste löschen (mit Rückfrage)")),
        (
            tr(_CONTEXT, "Alt+Pfeiltasten"),
            tr(_CONTEXT, "Tagesordnung und Partnerlisten: Eintrag verschieben, ein- und ausrücken"),
        ),
        (
            tr(_CONTEXT, "Strg+Eingabetaste"),
            tr(_CONTEXT, "Protokoll: nächster Punkt (Strg+Umschalt+Eingabetaste: vorheriger)"),
        ),
        (tr(_CONTEXT, "Strg+Q"), tr(_CONTEXT, "Programm beenden")),
    ]


def shortcuts_text() -> str:
    rows = "".join(
        f"<tr><td style='padding-right:12px'><b>{key}</b></td><td>{meaning}</td></tr>"
        for key, meaning in shortcut_rows()
    )
    return tr(_CONTEXT, "<h3>Tastenkürzel</h3>") + f"<table>{rows}</table>"


def first_steps_text() -> str:
    steps = "".join(f"<li><b>{title}:</b> {text}</li>" for title, text in first_steps())
    return tr(_CONTEXT, "<h3>Erste Schritte</h3>") + f"<ol>{steps}</ol>"
