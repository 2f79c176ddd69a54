"""A project's name where it is chosen or listed: "Klimaportal (abgeschlossen)" for one
marked as finished, the one mark of the project choosers (the recommendation dialogs,
the register's project filter, the reminders)."""

from __future__ import annotations

from expertenrat.ui.i18n import tr

_CONTEXT = "ProjectNames"


def project_name(title: str, ended: bool) -> str:
    """ "Klimaportal", or "Klimaportal (abgeschlossen)" where ``ended``."""
    return tr(_CONTEXT, "{} (abgeschlossen)").format(title) if ended else title
