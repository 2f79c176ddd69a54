"""Someone else saved the meeting first: the "Sitzung" tab offers both versions field by
field and saves the chosen values on the stored one.

:class:`MeetingMerging` adds this to the fields (:mod:`~expertenrat.ui.meeting_form_fields`);
:class:`~expertenrat.ui.meeting_form.MeetingForm` adds reading and saving.
"""

from __future__ import annotations

from collections.abc import Callable

from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.meetings import Meeting
from expertenrat.domain.merge import differences, merged
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_form_fields import MeetingFields
from expertenrat.ui.meeting_merge import MeetingEntry, meeting_merge_rows
from expertenrat.ui.merge_dialog import FormLine, OpenMergeDialog, open_conflict_merge

_CONTEXT = "MeetingForm"


class MeetingMerging(MeetingFields):
    """The meeting form's merge after a conflicting save. The form (``MeetingForm``) holds
    the meeting shown, the values it showed as loaded, and fills the chairs and saves."""

    merge_dialog = OpenMergeDialog()  # open after a conflicting save

    meeting: Meeting | None
    _meetings: MeetingsService
    _loaded: tuple
    _fill_chairs: Callable[[Meeting | None], None]
    save: Callable[[], bool]

    def _offer_merge(self, conflict: ConcurrentEditError) -> None:
        """Both versions field by field; the chosen values are saved on the stored one."""
        assert self.meeting is not None
        try:
            stored = self._meetings.get(self.meeting.id)
        except ExpertenratError as error:
            self.errors.show_general(error.message)
            return
        base = MeetingEntry.of(*self._loaded)
        mine = MeetingEntry.of(*self.entered())
        theirs = MeetingEntry.of(stored.draft(), stored.notes, stored.chair_membership_id)

        def take(names: set[str]) -> None:
            chosen = merged(mine, theirs, names)
            self.meeting = stored
            self._fill_chairs(stored)
            self.fill(chosen.draft(), chosen.notes)
            self.select_chair(chosen.chair_membership_id)
            self._loaded = (theirs.draft(), theirs.notes, theirs.chair_membership_id)
            self.save()

        found = differences(base, mine, theirs)
        if not found:  # the same values: only the versions differ
            take(set())
            return
        self._fill_chairs(stored)  # names the other version's chair too
        self.select_chair(mine.chair_membership_id)
        self.merge_dialog = open_conflict_merge(
            self,
            stored.label,
            tr(
                _CONTEXT,
                "Jemand anderes hat diese Sitzung gespeichert, während Sie sie bearbeitet haben.",
            ),
            meeting_merge_rows(found, self.chair_name),
            take,
            FormLine(
                conflict.changed,
                self.errors.show_general,
                tr(_CONTEXT, "Speichern"),
                tr(_CONTEXT, "„Verwerfen“ lässt sie fallen"),
            ),
        )
