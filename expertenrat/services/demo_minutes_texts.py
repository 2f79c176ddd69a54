"""What the minutes of a held demo meeting say per agenda item: the opening, the
invitation, the agenda, the report, the approval of the previous minutes, the two
consultations with the resolution, the urgent item and "Verschiedenes"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from expertenrat.domain.attendance_sheet import AttendanceSheet
from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.projects import Project
from expertenrat.services import demo_urgent

TOPICS_DISCUSSED = "Datenschutz, Betrieb und Übertragbarkeit"
TOPICS_CORRECTED = "Datenschutz, Barrierefreiheit, Betrieb und Übertragbarkeit"
AGENDA = "Die Tagesordnung wird ohne Änderungen genehmigt."
MISC = "Keine Wortmeldungen. Die Sitzung wird um 18:20 Uhr geschlossen."


def item_texts(
    chair_name: str,
    roles: Mapping[str, int],
    projects: Sequence[Project],
    invited_on: date,
    previous_label: str | None,
    sheet: AttendanceSheet,
    decision: str,
) -> dict[str, ItemTexts]:
    """The texts of a held demo meeting's items by role ("opening", "consult_a", … as in
    ``roles``; the two ``projects`` are those consulted): the invitation sent on
    ``invited_on``, the approval of the minutes of ``previous_label`` (``None``: no
    previous meeting) as moved and approved or, with a ``decision`` on objections, as that
    decision; the urgent item's, if the meeting took one up."""
    names = [g.name for g in sheet.guests]  # not named where several: the public
    guests = f" sowie als Gast {names[0]}" if len(names) == 1 else " sowie die Gäste"
    guests = guests if names else ""  # minutes leave out who presented non-publicly
    urgent = "urgent" in roles  # taken up before "Verschiedenes"
    texts = {
        "opening": ItemTexts(
            f"{chair_name} eröffnet die Sitzung um 16:05 Uhr und begrüßt die Mitglieder{guests}."
        ),
        "invitation": ItemTexts(
            f"Die Einladung wurde am {invited_on:%d.%m.%Y} fristgerecht versandt. Die "
            "Sitzungsleitung stellt die ordnungsgemäße Ladung und die Beschlussfähigkeit "
            f"fest. {sheet.meeting_quorum.statement}."
        ),
        "agenda": ItemTexts(demo_urgent.URGENT_AGENDA if urgent else AGENDA),
        "report": ItemTexts(
            "Die Geschäftsstelle berichtet über den Stand der Projekte, die Mittel des "
            "Förderprogramms und die Öffentlichkeitsarbeit. Fragen der Mitglieder werden "
            "beantwortet."
        ),
        "misc": ItemTexts(MISC),
    }
    if previous_label is not None:
        texts["approval"] = (
            ItemTexts(decision)
            if decision
            else ItemTexts(
                "",
                f"Die Sitzungsleitung beantragt, das Protokoll der {previous_label} in der "
                "versandten Fassung zu genehmigen.",
                f"Das Protokoll der {previous_label} wird in der versandten Fassung genehmigt.",
            )
        )
    if "consult_a" in roles:
        first, second = projects
        texts["consult_a"] = ItemTexts(
            "Das Projektteam stellt den Stand vor. Der Rat diskutiert insbesondere "
            f"{TOPICS_DISCUSSED}."
        )
        # The motion is amended in the meeting, so motion and resolution differ; the
        # vote line says the outcome, so the item's "Ergebnis" stays empty.
        texts["resolution_a"] = ItemTexts(
            "Auf Anregung aus dem Rat wird der Antrag um einen schriftlichen Bericht "
            "des Projekts ergänzt.",
            f"Die Sitzungsleitung beantragt, dem Projekt „{first.title}“ zu empfehlen, die "
            "in der Beratung genannten Punkte bis zur nächsten Sitzung aufzugreifen.",
            f"Der Rat empfiehlt dem Projekt „{first.title}“, die in der Beratung genannten "
            "Punkte aufzugreifen und bis zur nächsten Sitzung schriftlich über den Stand "
            "zu berichten.",
        )
        texts["consult_b"] = ItemTexts(
            f"Die Projektleitung von „{second.title}“ berichtet über Zeitplan, Beteiligung "
            "und offene Fragen. Der Rat regt an, Erfahrungen anderer Modellprojekte "
            "einzubeziehen, und hält das als Empfehlung fest."
        )
    if urgent:
        texts["urgent"] = demo_urgent.URGENT_TEXTS
    return texts
