"""The Hilfe menu's texts: "Erste Schritte" (the README's "First steps" in German, for a
secretariat that reads no English), "Laufende Aufgaben" (where the recurring work is found,
for one who takes over a running council) and "Tastenkürzel" (the keys the program knows).

Each key is also named where it acts (a sidebar entry's or a button's tooltip); the list
is for the newcomer who wants them all at a glance. Add a key here when one is added, and
change a step here when the README's "First steps" change.
"""

from __future__ import annotations

from expertenrat.domain.reminders import RECENTLY_REMINDED_DAYS
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
                "Wo die Daten liegen, nennt „Über Expertenrat“. Die tägliche Sicherung "
                "entsteht beim ersten Start des Tages (bleibt das Fenster über Nacht "
                "geöffnet, kurz nach Tagesbeginn). „Sicherung jetzt …“ im Menü „Datei“ "
                "schreibt eine Sicherungsdatei, die Sie an anderer Stelle aufbewahren.",
            ),
        ),
    ]


def running_tasks() -> list[tuple[str, str]]:
    """(question, where the program answers it): the work of a running year, for a
    colleague who takes the secretariat over with nobody left to ask."""
    return [
        (
            tr(_CONTEXT, "Was fällig ist"),
            tr(
                _CONTEXT,
                "Die „Übersicht“ (Strg+1): „Nächste Sitzungen“, „Einladung fällig“, "
                "„Protokolle zu versenden oder zu genehmigen“ (mit offenen Einwänden), "
                "„Überfällig: Stellungnahme oder geplante Umsetzung“, „Empfehlungen zu "
                "übermitteln“ und unter „Zusammensetzung“ endende Amtszeiten. Jede Zeile "
                "öffnet, wovon sie spricht.",
            ),
        ),
        (
            tr(_CONTEXT, "Stellungnahmen anmahnen"),
            tr(
                _CONTEXT,
                "„Empfehlungen“ → „Erinnerungen …“ (in der „Übersicht“: „Erinnerungen an die "
                "Projekte …“) nennt die Projekte, deren Stellungnahme überfällig oder bald "
                "fällig ist; wer in den letzten {} Tagen erinnert wurde, ist zunächst nicht "
                "gewählt. „Schreiben speichern …“ legt Schreiben und E-Mail-Entwürfe an und "
                "vermerkt die Erinnerung. Eine Antwort erfassen Sie bei der Empfehlung mit "
                "„Stellungnahme …“.",
            ).format(RECENTLY_REMINDED_DAYS),
        ),
        (
            tr(_CONTEXT, "Amtszeiten"),
            tr(
                _CONTEXT,
                "„Mitglieder“ → „Weitere Amtszeit …“ beruft ein Mitglied erneut, „Amtszeit "
                "beenden …“ trägt ein Ausscheiden ein.",
            ),
        ),
        (
            tr(_CONTEXT, "Genehmigte Protokolle"),
            tr(
                _CONTEXT,
                "„Sitzungen“ → die Sitzung wählen → unter „Dokumente“ „Protokoll …“: bei "
                "einem genehmigten Protokoll die bei der Genehmigung gespeicherte Datei. Der "
                "Reiter „Genehmigung“ sagt, wann und in welcher Sitzung es genehmigt wurde.",
            ),
        ),
        (
            tr(_CONTEXT, "Beschlüsse zu einem Projekt"),
            tr(
                _CONTEXT,
                "„Projekte“ → das Projekt wählen: daneben seine „Beratungen“ und "
                "„Empfehlungen“ (Doppelklick öffnet sie). Die „Suche“ (Strg+8) findet ein "
                "Wort auch in Protokolltexten und Stellungnahmen.",
            ),
        ),
        (
            tr(_CONTEXT, "Letzte Änderungen"),
            tr(
                _CONTEXT,
                "„Änderungsprotokoll“: „Zeitraum“ (zuerst die letzten 30 Tage) und die Wahl "
                "einer Person statt „Alle Personen“ zeigen, wer wann was geändert hat; ein "
                "gewählter Eintrag zeigt darunter, was vorher und nachher eingetragen war.",
            ),
        ),
        (
            tr(_CONTEXT, "Jahresbericht, Archiv, offene Daten"),
            tr(
                _CONTEXT,
                "„Übersicht“ → „Tätigkeitsbericht …“ speichert den Bericht eines Jahres als "
                "PDF, darunter „Archivpaket“ das Paket für das Archiv. Im Menü „Datei“: "
                "„Offene Daten exportieren …“ und „OParl-Export …“ für ein Open-Data-Portal, "
                "„Aufbewahrung …“ für ehemalige Mitglieder, deren Kontaktdaten nach Ablauf der "
                "Aufbewahrungsfrist zu löschen sind. Die Sitzungen des nächsten Jahres legt "
                "„Sitzungen“ → „Sitzungsreihe …“ auf einmal an.",
            ),
        ),
        (
            tr(_CONTEXT, "Sichern"),
            tr(
                _CONTEXT,
                "Die tägliche Sicherung entsteht beim ersten Start des Tages (bleibt das "
                "Fenster über Nacht geöffnet, kurz nach Tagesbeginn) im Ordner unter "
                "„Einstellungen“ → „Auf diesem PC“ → „Tägliche Sicherung in“. „Sicherung "
                "jetzt …“ im Menü „Datei“ schreibt eine Sicherungsdatei zum Aufbewahren an "
                "anderer Stelle, „Datenbank prüfen“ prüft die Daten auf Fehler.",
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
        (tr(_CONTEXT, "Pfeil nach unten"), tr(_CONTEXT, "Suche: vom Suchfeld zu den Treffern")),
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
    """The first steps, and where one who takes over a running council reads on (F1 opens
    these; found by a tester)."""
    onward = tr(
        _CONTEXT,
        "Sie übernehmen ein laufendes Gremium? Was fällig ist und wo die wiederkehrenden "
        "Aufgaben zu finden sind, sagt „Hilfe“ → „Laufende Aufgaben …“.",
    )
    steps = _numbered(first_steps()) + f"<p>{onward}</p>"
    return tr(_CONTEXT, "<h3>Erste Schritte</h3>") + _ellipsis_kept(steps)


def running_tasks_text() -> str:
    return tr(_CONTEXT, "<h3>Laufende Aufgaben</h3>") + _ellipsis_kept(_numbered(running_tasks()))


def _ellipsis_kept(html: str) -> str:
    """A label's "…" on the line of its words, by a no-break space before it: „Amtszeit
    beenden …“ broke before it at the dialog's width (found by a tester)."""
    return html.replace(" …", "\u00a0…")


def _numbered(steps: list[tuple[str, str]]) -> str:
    items = "".join(f"<li><b>{title}:</b> {text}</li>" for title, text in steps)
    return f"<ol>{items}</ol>"
