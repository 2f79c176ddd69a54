"""The German labels of the domain's enumerations (:mod:`expertenrat.domain.enums`), by
enumeration's name and member's value, for the UI and the documents."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "Sector": {
        "research": "Wissenschaft",
        "business": "Wirtschaft",
        "civil_society": "Zivilgesellschaft",
        "administration": "Verwaltung",
        "other": "Sonstige",
    },
    "MemberRole": {"chair": "Vorsitz", "vice_chair": "Stellv. Vorsitz", "member": "Mitglied"},
    "ProjectPhase": {
        "idea": "Idee",
        "planning": "Planung",
        "implementation": "Umsetzung",
        "operation": "Verstetigung",
        "completed": "abgeschlossen",
    },
    "QuorumRule": {
        "more_than_half": "mehr als die Hälfte",
        "at_least_half": "mindestens die Hälfte",
        "two_thirds": "mindestens zwei Drittel",
    },
    "MeetingKind": {
        "regular": "Ordentliche Sitzung",
        "extraordinary": "Außerordentliche Sitzung",
        "constituent": "Konstituierende Sitzung",
        "workshop": "Klausur / Workshop",
    },
    "MeetingState": {
        "planned": "geplant",
        "invited": "eingeladen",
        "held": "durchgeführt",
        "cancelled": "abgesagt",
    },
    "AgendaItemKind": {
        "formal": "Eröffnung und Formalien",
        "minutes_approval": "Genehmigung des Protokolls",
        "report": "Bericht",
        "consultation": "Beratung eines Projekts",
        "resolution": "Beschlussfassung",
        "miscellaneous": "Verschiedenes",
    },
    "AgendaItemOutcome": {"discussed": "beraten", "postponed": "vertagt", "withdrawn": "abgesetzt"},
    "PresenterKind": {"member": "Mitglied", "project_staff": "Projektteam", "guest": "Gast"},
    "AttendanceStatus": {"present": "anwesend", "excused": "entschuldigt", "absent": "abwesend"},
    "ConflictOrigin": {"declared": "erklärt", "screening": "Prüfung"},
    "ConflictDecision": {"recused": "befangen", "overruled": "nicht befangen (entschieden)"},
    "RecommendationKind": {
        "recommendation": "Empfehlung",
        "impulse": "Impuls",
        "statement": "Stellungnahme",
    },
    "RecommendationStatus": {
        "draft": "Entwurf",
        "adopted": "beschlossen",
        "sent": "übermittelt",
        "answered": "beantwortet",
        "implemented": "umgesetzt",
        "partly_implemented": "teilweise umgesetzt",
        "not_implemented": "nicht umgesetzt",
        "withdrawn": "zurückgezogen",
    },
    "ResponseVerdict": {
        "complied": "entsprochen",
        "partly_complied": "teilweise entsprochen",
        "not_complied": "nicht entsprochen",
        "planned": "Umsetzung geplant",
    },
    "HistoryKind": {
        "status": "Statuswechsel",
        "response": "Antwort",
        "reminder": "Erinnerung",
        "due_date": "Frist geändert",
        "edit": "geändert",
    },
    "MinutesState": {"draft": "Entwurf", "circulated": "versandt", "approved": "genehmigt"},
    "ObjectionState": {"open": "offen", "accepted": "berücksichtigt", "rejected": "zurückgewiesen"},
    "MinutesStyle": {"results": "Ergebnisprotokoll", "course": "Verlaufsprotokoll"},
    "MinutesApproval": {
        "vote": "Genehmigung durch Abstimmung in der nächsten Sitzung",
        "objections": "Einwände der Teilnehmenden, Entscheidung in der nächsten Sitzung",
    },
    "VoteMode": {
        "counted": "ausgezählt",
        "unanimous": "einstimmig",
        "noted": "ohne Abstimmung zur Kenntnis genommen",
        "election": "Wahl",
    },
    "TextTemplatePurpose": {"minutes": "Protokoll"},
    "ConsentKind": {"name": "Name und Institution", "contact": "Kontaktdaten"},
    "ConsentSource": {
        "form": "Formular",
        "import": "Import",
        "demo": "Demo",
        "migration": "Übernahme",
    },
    "AuditAction": {
        "create": "angelegt",
        "update": "geändert",
        "delete": "gelöscht",
        "import": "importiert",
    },
}
