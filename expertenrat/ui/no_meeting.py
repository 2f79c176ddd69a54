"""What a meeting's detail tab (Tagesordnung, Anwesenheit … Genehmigung) says while no
meeting is shown: one wording for all of them, and a fitting one for a council that has no
meeting yet (the tabs learn which from :class:`~expertenrat.ui.meeting_tabs.MeetingTabs`
through ``set_no_meeting_hint``)."""

from __future__ import annotations

from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingDetail"


def no_meeting_hint(*, any_meeting: bool = True) -> str:
    """The hint of a detail tab without a meeting; ``any_meeting``: the council has one."""
    if any_meeting:
        return tr(_CONTEXT, "Keine Sitzung gewählt. Bitte wählen Sie oben eine Sitzung aus.")
    return tr(
        _CONTEXT,
        "Das Gremium hat noch keine Sitzung. Legen Sie zuerst im Reiter „Sitzung“ eine an.",
    )


class KeepsNoMeetingHint:
    """The ``set_no_meeting_hint`` of a meeting's detail tab: the hint is kept in
    ``_no_meeting_hint`` (the tab starts it with :func:`no_meeting_hint`), which the tab
    shows while no meeting is shown."""

    _no_meeting_hint: str

    def set_no_meeting_hint(self, hint: str) -> None:
        """What the tab says while no meeting is shown."""
        self._no_meeting_hint = hint
