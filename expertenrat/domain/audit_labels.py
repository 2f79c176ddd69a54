"""The audit trail's German names: of the kinds of records and of their fields, and which
fields hold a labelled enum (shown by its label, see :mod:`expertenrat.domain.audit_fields`).

One mapping per audited kind of record (``entity`` as the services write it). Text fields
take their name from :mod:`expertenrat.domain.field_limits` (its subject without the
article), so a field is named the same in a form's message and here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from expertenrat.domain import enums, field_limits
from expertenrat.domain.field_limits import TextField

ENTITY_LABELS: Mapping[str, str] = {
    "membership": "Mitglied",
    "person": "Person",
    "council": "Gremium",
    "action_field": "Handlungsfeld",
    "text_template": "Textbaustein",
    "agenda_template": "Vorlage für Tagesordnungspunkte",
    "appointment_period": "Berufungsperiode",
    "project": "Projekt",
    "meeting": "Sitzung",
    "meeting_series": "Sitzungsreihe",
    "meeting_minutes": "Protokollkopf",
    "agenda_item": "Tagesordnungspunkt",
    "agenda_item_minutes": "Protokoll eines Punkts",
    "attendance": "Anwesenheit",
    "guest": "Gast",
    "late_invitation": "Nachgesandte Einladung",
    "conflict_of_interest": "Befangenheit",
    "votes": "Abstimmungen",
    "minutes": "Protokoll",
    "minutes_version": "Protokollfassung",
    "objection": "Einwand",
    "recommendation": "Empfehlung",
    "file": "Anlage",
    "demo": "Demodaten",
    "disclosure": "Auskunft (Art. 15)",
}


def field_noun(spec: TextField) -> str:
    """ "Der Vorname" -> "Vorname": the field name of the forms' messages as a label."""
    return re.sub(r"^(Der|Die|Das) ", "", spec.subject)


def _nouns(fields: Mapping[str, TextField]) -> dict[str, str]:
    return {key: field_noun(spec) for key, spec in fields.items()}


_COMMON = {
    "id": "Nr.",
    "council_id": "Gremium (Nr.)",
    "deleted_at": "gelöscht am",
    "position": "Reihenfolge",
    "order": "Reihenfolge",
    "meeting_id": "Sitzung (Nr.)",
    "agenda_item_id": "Tagesordnungspunkt (Nr.)",
    "membership_id": "Mitglied (Nr.)",
    "action_field_id": "Handlungsfeld (Nr.)",
    "project_id": "Projekt (Nr.)",
    "notes": "Notizen",
    "title": "Titel",
    "state": "Stand",
    "status": "Status",
    "kind": "Art",
    "number": "Nummer",
    "name": "Name",
    "text": "Text",
}

_FIELDS: Mapping[str, Mapping[str, str]] = {
    "membership": {
        **_nouns(field_limits.PERSON),
        "person_id": "Person (Nr.)",
        "sector": "Sektor",  # as the member form names it; "Bereich" is the trail's column
        "role": "Rolle",
        "term_start": "Beginn der Amtszeit",
        "term_end": "Ende der Amtszeit",
        "voting_right": "Stimmrecht",
        "primary_field_id": "Handlungsfeld (Nr.)",
        "further_field_ids": "Weitere Handlungsfelder (Nr.)",
        "publish_name": "Name veröffentlichen",
        "publish_name_on": "Einwilligung Name am",
        "publish_contact": "Kontaktdaten veröffentlichen",
        "publish_contact_on": "Einwilligung Kontaktdaten am",
        "title": "Titel",
    },
    "council": {
        **_nouns(field_limits.COUNCIL),
        "logo_png": "Logo",
        # the settings' names as the Einstellungen label them (they take them from here);
        # the periods' units go with their values (:func:`period_text`)
        "min_members": "Mindestzahl Mitglieder",
        "max_members": "Höchstzahl Mitglieder",
        "quorum_rule": "Beschlussfähig bei",
        "notice_period_days": "Ladungsfrist",
        "response_period_months": "Frist für Stellungnahmen",
        "bundesland": "Bundesland",
        "time_zone": "Zeitzone",
        "minutes_style": "Protokollart",
        "minutes_approval": "Genehmigung des Protokolls",
        "objection_period_days": "Frist für Einwände",
        "minutes_draft_weeks": "Protokollentwurf versenden binnen",
        "recommendation_prefix": "Kürzel der Empfehlungen",
        "chair_title": "Bezeichnung Vorsitz",
        "vice_chair_title": "Bezeichnung Stellvertretung",
    },
    "action_field": {"colour": "Farbe", "fields": "Handlungsfelder"},
    "text_template": {
        **_nouns(field_limits.TEXT_TEMPLATE),
        "purpose": "Zweck",
        "labels": "Textbausteine",
    },
    "agenda_template": {
        "titles": "Vorlagen",
        "title": "Titel",
        "kind": "Art",
        "public": "öffentlich",
        "planned_minutes": "geplante Minuten",
    },
    "appointment_period": {"starts_on": "Beginn", "ends_on": "Ende"},
    "project": {**_nouns(field_limits.PROJECT), "phase": "Phase", "partners": "Partner"},
    "meeting": {
        "series_id": "Sitzungsreihe (Nr.)",
        "starts_at": "Beginn",
        "ends_at": "Ende",
        "place": "Ort",
        "room": "Raum",
        "online_link": "Online-Link",
        "cancellation_reason": "Grund der Absage",
        "invitation_sent_on": "Einladung versandt am",
        "invitation_changed_on": "Einladung geändert am",
        "invitation_agenda_changed_on": "Tagesordnung nach der Einladung geändert am",
        "invitation_agenda_sent_on": "Geänderte Tagesordnung versandt am",
        "invitation_agenda_changed_public": "Öffentlicher Teil nach der Einladung geändert",
        "invitation_agenda_changed_non_public": (
            "Nichtöffentlicher Teil nach der Einladung geändert"
        ),
        "chair_membership_id": "Sitzungsleitung (Nr.)",
        "minute_taker": "Protokollführung",
        "opened_at": "eröffnet um",
        "closed_at": "geschlossen um",
        "agenda_approved": "Tagesordnung genehmigt",
        "agenda_changes": "Änderungen der Tagesordnung",
        "quorum_noted": "Beschlussfähigkeit festgestellt",
    },
    "meeting_series": {"rrule": "Wiederholung", "meeting_ids": "Sitzungen (Nr.)"},
    "agenda_item": {
        **_nouns(field_limits.AGENDA_ITEM),
        **_nouns(field_limits.MINUTES_ITEM),
        "parent_id": "übergeordneter Punkt (Nr.)",
        "presenter": "Vortragende*r",  # as the agenda's column and form call it
        "planned_minutes": "geplante Minuten",
        "public": "öffentlich",
        "title": "Titel",
        "urgent": "Dringlichkeitsantrag",
        "outcome": "Behandlung",
        "taken_up_from_id": "vertagter Punkt (Nr.)",
    },
    "attendance": {
        "voting_right": "Stimmrecht",
        "arrived_at": "gekommen um",
        "left_at": "gegangen um",
        "arrived_item_id": "gekommen bei Punkt (Nr.)",
        "left_item_id": "gegangen bei Punkt (Nr.)",
        "digital": "digital zugeschaltet",
        "away_item_id": "verlässt die Sitzung bei Punkt (Nr.)",
        "away_at": "verlässt die Sitzung um",
        "back_item_id": "kehrt zurück zu Punkt (Nr.)",
        "back_at": "kehrt zurück um",
    },
    "guest": {
        "affiliation": "Institution",
        "note": "Notiz",
        "non_public_only": "nur im nichtöffentlichen Teil anwesend",
        "digital": "digital zugeschaltet",
    },
    "late_invitation": {"sent_on": "nachgesandt am"},
    "conflict_of_interest": {
        "reason": "Grund",
        "origin": "Herkunft",
        "decision": "Entscheidung",
        "decided_by": "Entschieden von",
        "decision_reason": "Begründung",
    },
    "votes": {"votes": "Abstimmungen"},
    "minutes_version": {
        "circulated_on": "versandt am",
        "approved_on": "genehmigt am",
        "approved_in_meeting_id": "genehmigt in Sitzung (Nr.)",
        "objections_due_on": "Einwände bis",
        "public_sha256": "SHA-256 der öffentlichen Fassung",
    },
    "objection": {
        "minutes_version_id": "Protokollfassung (Nr.)",
        "raised_by": "Erhoben von",
        "raised_on": "erhoben am",
        "decision": "Entscheidung",
        "passage": "Textstelle",
        "proposed_text": "Vorgeschlagener Text",
        "decided_on": "entschieden am",
        "decided_in_meeting_id": "entschieden in Sitzung (Nr.)",
    },
    "recommendation": {
        **_nouns(field_limits.RECOMMENDATION),
        "code": "Kennung",
        "origin_agenda_item_id": "beschlossen in Punkt (Nr.)",
        "adopted_on": "beschlossen am",
        "sent_on": "übermittelt am",
        "due_on": "Antwort fällig am",
        "project_ids": "Projekte (Nr.)",
        "responses": "Stellungnahmen (Anzahl)",
        "answered_project_ids": "geantwortet haben Projekte (Nr.)",
        # a response removed as recorded by mistake, and its fields
        "removed_response": "Entfernte Stellungnahme",
        **_nouns(field_limits.RECOMMENDATION_RESPONSE),
        "received_on": "eingegangen am",
        "verdict": "Ergebnis",
        "measures_due_on": "Maßnahmen geplant bis",
        "final": "abschließend",
    },
    "file": {
        "mime_type": "Dateityp",
        "content": "Inhalt",
        "size": "Größe (Bytes)",
        "public": "öffentlich",
    },
}
_FIELDS = {
    **_FIELDS,
    "person": _FIELDS["membership"],
    "meeting_minutes": _FIELDS["meeting"],
    "agenda_item_minutes": _FIELDS["agenda_item"],
    "minutes": _FIELDS["minutes_version"],
}

# Fields whose values are the value of a labelled enum: shown by their German label.
ENUM_FIELDS: Mapping[str, type[enums.LabelledEnum]] = {
    "membership.sector": enums.Sector,
    "membership.role": enums.MemberRole,
    "person.sector": enums.Sector,
    "council.quorum_rule": enums.QuorumRule,
    "council.minutes_style": enums.MinutesStyle,
    "council.minutes_approval": enums.MinutesApproval,
    "project.phase": enums.ProjectPhase,
    "meeting.kind": enums.MeetingKind,
    "meeting.state": enums.MeetingState,
    "agenda_item.kind": enums.AgendaItemKind,
    "agenda_item.outcome": enums.AgendaItemOutcome,
    "agenda_item_minutes.outcome": enums.AgendaItemOutcome,
    "agenda_template.kind": enums.AgendaItemKind,
    "attendance.status": enums.AttendanceStatus,
    "conflict_of_interest.origin": enums.ConflictOrigin,
    "conflict_of_interest.decision": enums.ConflictDecision,
    "recommendation.kind": enums.RecommendationKind,
    "recommendation.status": enums.RecommendationStatus,
    "recommendation.verdict": enums.ResponseVerdict,
    "minutes_version.state": enums.MinutesState,
    "minutes.state": enums.MinutesState,
    "objection.state": enums.ObjectionState,
    "text_template.purpose": enums.TextTemplatePurpose,
}


def entity_label(entity: str) -> str:
    """The German name of a kind of record; an unknown kind as it is written."""
    return ENTITY_LABELS.get(entity, entity)


def field_label(entity: str, field: str) -> str:
    return _FIELDS.get(entity, {}).get(field) or _COMMON.get(field) or field
