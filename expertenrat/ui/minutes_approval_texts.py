"""What the Genehmigung tab (``ui.minutes_approval_panel``) says: where the minutes stand,
and why "Genehmigen …" is disabled."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.council_periods import period_text
from expertenrat.domain.minutes_approval import Choice, MinutesStatus
from expertenrat.ui.i18n import tr

_CONTEXT = "MinutesApprovalPanel"  # the tab's: its texts are translated together


def state_text(status: MinutesStatus) -> str:
    """Where the minutes stand and how they are approved; a meeting not held has no
    minutes, so no "Stand: Entwurf" under the hint that says so."""
    lines = []
    if status.held:
        lines.append(tr(_CONTEXT, "Stand: {summary}").format(summary=status.summary()))
    if status.approval_plan():  # what is next, as the Übersicht says (found by a tester)
        lines.append(status.approval_plan())
    lines.append(
        # the settings' names (Einstellungen), one source (found by a tester)
        "{}: {}; {}: {}".format(
            field_label("council", "minutes_approval"),
            status.practice.label,
            field_label("council", "objection_period_days"),
            period_text("objection_period_days", status.objection_period_days),
        )
    )
    if status.changed_since_sent:
        lines.append(status.change_note())
    return "\n".join(lines)  # the checksums stand under it (:class:`MinutesFingerprints`)


def why_not_approvable(
    status: MinutesStatus | None, circulated: bool, approving: Sequence[Choice], today: date
) -> str:
    """Why "Genehmigen …" is disabled, for its tooltip ("" while it is not); ``approving``:
    the meetings that may approve (:meth:`MinutesStatus.approving`); ``today``: the
    page's day, before the first day the minutes may be approved on (the deadline for
    objections not passed) they may not."""
    if status is None or status.frozen or not status.held:
        return ""
    if not circulated:
        return tr(_CONTEXT, "Das Protokoll muss zuerst versandt werden.")
    if status.open_objections:
        return tr(_CONTEXT, "Über die offenen Einwände ist zuerst zu entscheiden.")
    earliest = status.earliest_approval()
    if earliest is not None and earliest > today:
        return tr(
            _CONTEXT,
            "Die Frist für Einwände läuft bis {due:%d.%m.%Y}; genehmigt werden kann das "
            "Protokoll ab dem {earliest:%d.%m.%Y}.",
        ).format(due=earliest - timedelta(days=1), earliest=earliest)
    if approving:
        return ""
    first = status.first_approving_day()
    if first is not None:
        return tr(
            _CONTEXT,
            "Genehmigen kann eine Sitzung, die nach Ablauf der Frist für Einwände (ab dem "
            "{first:%d.%m.%Y}) stattgefunden hat und deren eigenes Protokoll noch nicht "
            "genehmigt ist; es gibt noch keine.",
        ).format(first=first)
    return tr(
        _CONTEXT,
        "Genehmigen kann eine spätere Sitzung, die nach dem Versand stattgefunden hat "
        "und deren eigenes Protokoll noch nicht genehmigt ist; es gibt noch keine.",
    )


def why_no_objections(status: MinutesStatus | None, circulated: bool) -> str:
    """Why no objection can be raised, for the tooltip of "Einwand erheben …" and in place
    of the empty table ("" while one can)."""
    if status is None:
        return ""
    if not status.held:
        return tr(
            _CONTEXT,
            "Einwände gibt es erst, wenn die Sitzung stattgefunden hat und ihr Protokoll "
            "versandt ist.",
        )
    if status.frozen:
        return tr(_CONTEXT, "Das Protokoll ist genehmigt; Einwände sind nicht mehr möglich.")
    if not circulated:
        return tr(
            _CONTEXT,
            "Einwände lassen sich erheben, sobald das Protokoll versandt ist "
            "(„Protokoll versenden …“).",
        )
    return ""
