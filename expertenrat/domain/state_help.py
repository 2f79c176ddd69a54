"""What each state of a meeting and of a recommendation means, and what the secretariat
does next, in one German sentence each: the tooltips of the Status column of the
Sitzungen and Empfehlungen lists, for whoever meets the words for the first time."""

from __future__ import annotations

from expertenrat.domain.enums import MeetingState, RecommendationStatus

MEETING_STATE_HELP: dict[MeetingState, str] = {
    MeetingState.PLANNED: (
        "Geplant: Die Einladung ist noch nicht versandt.\nNächster Schritt: Einladung "
        "unter Dokumente → „Einladung …“ erstellen und versenden, dann „Einladung versandt“."
    ),
    MeetingState.INVITED: (
        "Eingeladen: Die Einladung ist versandt.\nNächster Schritt: nach der Sitzung "
        "„Durchgeführt“, dann das Protokoll schreiben."
    ),
    MeetingState.HELD: (
        "Durchgeführt: Die Sitzung hat stattgefunden.\nIhr Protokoll entsteht im Reiter "
        "„Protokoll“; versandt und genehmigt wird es im Reiter „Genehmigung“."
    ),
    MeetingState.CANCELLED: "Abgesagt: Die Sitzung findet nicht statt.",
}

RECOMMENDATION_STATUS_HELP: dict[RecommendationStatus, str] = {
    RecommendationStatus.DRAFT: (
        "Entwurf: noch nicht vom Gremium beschlossen.\nNächster Schritt: „Beschließen …“, "
        "sobald das Gremium sie beschlossen hat."
    ),
    RecommendationStatus.ADOPTED: (
        "Beschlossen: vom Gremium beschlossen, noch nicht an die Projekte übermittelt.\n"
        "Nächster Schritt: „Versenden …“."
    ),
    RecommendationStatus.SENT: (
        "Übermittelt: Die Stellungnahme der Projekte steht aus (bis zur Frist).\n"
        "Nächster Schritt: „Stellungnahme …“ erfassen, wenn sie eingeht; sonst "
        "„Erinnerungen …“."
    ),
    RecommendationStatus.ANSWERED: (
        "Beantwortet: Die Stellungnahme ist eingegangen.\nNächster Schritt: „Abschließen …“, "
        "sobald feststeht, ob die Empfehlung umgesetzt ist."
    ),
    RecommendationStatus.IMPLEMENTED: "Umgesetzt: abgeschlossen; nichts mehr zu tun.",
    RecommendationStatus.PARTLY_IMPLEMENTED: (
        "Teilweise umgesetzt: abgeschlossen; nichts mehr zu tun."
    ),
    RecommendationStatus.NOT_IMPLEMENTED: "Nicht umgesetzt: abgeschlossen; nichts mehr zu tun.",
    RecommendationStatus.WITHDRAWN: (
        "Zurückgezogen: vom Gremium zurückgezogen; nichts mehr zu tun."
    ),
}
