"""A council's row as its settings and back, or as the letterhead of its documents, and
the reads of councils other services share: the switcher's choices and the label a file's
name gives a council."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from expertenrat.domain.councils import CouncilChoice, CouncilSettings, file_name_label
from expertenrat.domain.enums import MinutesApproval, MinutesStyle, QuorumRule
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.services.unit_of_work import fetch
from expertenrat.store import models

_SETTINGS_FIELDS = (
    "name",
    "city",
    "short_name",
    "logo_png",
    "min_members",
    "max_members",
    "notice_period_days",
    "response_period_months",
    "objection_period_days",
    "minutes_draft_weeks",
    "bundesland",
    "time_zone",
    "website",
    "classification",
    "secretariat",
    "secretariat_email",
    "recommendation_prefix",
    "chair_title",
    "vice_chair_title",
)

# A council read for its settings or a document's letterhead: its logo in the same
# statement (every other read leaves it out, see ``models.Council.logo_png``).
WITH_LOGO = (undefer(models.Council.logo_png),)


def council_settings(row: models.Council, *, with_logo: bool = True) -> CouncilSettings:
    """The council's settings; ``with_logo=False``: without its logo (``logo_png`` empty),
    for a read that needs no logo and so leaves its bytes on the server (the row read
    without :data:`WITH_LOGO`; reading the logo would fetch it in a statement of its own)."""
    return CouncilSettings(
        id=row.id,
        name=row.name,
        city=row.city,
        short_name=row.short_name,
        logo_png=row.logo_png if with_logo else None,
        min_members=row.min_members,
        max_members=row.max_members,
        quorum_rule=QuorumRule(row.quorum_rule),
        notice_period_days=row.notice_period_days,
        response_period_months=row.response_period_months,
        version=row.version,
        minutes_style=MinutesStyle(row.minutes_style),
        minutes_approval=MinutesApproval(row.minutes_approval),
        objection_period_days=row.objection_period_days,
        minutes_draft_weeks=row.minutes_draft_weeks,
        bundesland=row.bundesland,
        time_zone=row.time_zone,
        website=row.website,
        classification=row.classification,
        secretariat=row.secretariat,
        secretariat_email=row.secretariat_email,
        recommendation_prefix=row.recommendation_prefix,
        chair_title=row.chair_title,
        vice_chair_title=row.vice_chair_title,
    )


def apply_settings(row: models.Council, settings: CouncilSettings) -> None:
    """Copy cleaned settings (``clean_settings``) onto the row."""
    for name in _SETTINGS_FIELDS:
        setattr(row, name, getattr(settings, name))
    row.quorum_rule = settings.quorum_rule.value
    row.minutes_style = settings.minutes_style.value
    row.minutes_approval = settings.minutes_approval.value


def council_file_label(session: Session, council_id: int) -> str:
    """See :meth:`~expertenrat.services.settings.SettingsService.file_label`."""
    if len(council_choices(session)) < 2:
        return ""
    row = fetch(session, models.Council, council_id, "Das Gremium")
    return file_name_label(council_settings(row, with_logo=False))


def council_choices(session: Session) -> list[CouncilChoice]:
    """Every council as the switcher offers it, by id."""
    council = models.Council
    columns = select(council.id, council.name, council.city, council.time_zone, council.bundesland)
    rows = session.execute(columns.order_by(council.id))
    return [CouncilChoice(r.id, r.name, r.city, r.time_zone, r.bundesland) for r in rows]


def letterhead_of(council: models.Council) -> Letterhead:
    """The council as its letters and documents are headed, with who signs its letters."""
    return Letterhead(
        council_name=council.name,
        city=council.city,
        short_name=council.short_name,
        logo_png=council.logo_png,
        time_zone=council.time_zone,
        secretariat=council.secretariat,
        bundesland=council.bundesland,
        secretariat_email=council.secretariat_email,
    )
