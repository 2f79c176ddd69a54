"""What keeps the minutes' headings and labels with their text: never a heading or a
label ("Antrag") alone at the foot of a page with its text overleaf."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from expertenrat.reports.page_geometry import content_height
from expertenrat.reports.theme import Paragraph

TEXT_LEADING = 13.5  # of the body text
LABEL_LEADING = 12  # the text's first baseline 8.5 + 13.5 below the label line's top


class _LabelLine(Paragraph):
    """A label ("Antrag") that goes to the next page unless the start of its text fits
    below it: never a label alone at a page's foot. The text's first paragraph
    (``follower``) must fit whole, or split, and reportlab splits a paragraph only with two
    of its lines on the page (no orphan line): room for one line was not enough."""

    follower: Paragraph

    def _room(self, availWidth: float, below: float) -> bool:
        """Whether the follower can begin in ``below`` points under the label."""
        follower = self.follower
        below -= max(self.getSpaceAfter(), follower.getSpaceBefore())
        leading = follower.style.leading
        if below >= 2 * leading:
            return True
        return below >= leading and follower.wrap(availWidth, below)[1] <= below

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        room = self._room(availWidth, availHeight - height)
        return (width, height) if room else (width, availHeight + 1)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not self._room(availWidth, availHeight - self.height):
            return []
        return super().split(availWidth, availHeight)


def label_over(markup: str, style: ParagraphStyle, text: list[Flowable]) -> list[Flowable]:
    """A label over ``text`` (its flowables), kept with the text's first lines."""
    label = _LabelLine(markup, style)
    label.follower = next(f for f in text if isinstance(f, Paragraph))
    return [label, *text]


class RoomForHeading(CondPageBreak):
    """A new page unless an item's heading and the first lines of its text fit, and at
    least 35 mm are left: a long title and facts over several lines stood alone at the foot
    of a page, the text overleaf, when a fixed 35 mm were asked for."""

    _BELOW = LABEL_LEADING + 4 + 2 * TEXT_LEADING  # a label and two lines of its text

    def __init__(self, heading: list[Paragraph]) -> None:
        super().__init__(35 * mm)
        self._heading = heading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        needed = self._BELOW + sum(
            p.getSpaceBefore() + p.wrap(availWidth, availHeight)[1] for p in self._heading
        )
        self.height = min(max(35 * mm, needed), content_height())
        return super().wrap(availWidth, availHeight)


class Closing(KeepTogether):
    """The minutes' closing (end of the meeting, annexes, signatures) on one page, started
    on the next unless it fits here; one taller than a page (a long list of annexes) starts
    where the text ends and keeps only its ``tail`` together: moved to a new page whole, it
    left the page before nearly empty, gaining nothing, as it breaks anyway."""

    def __init__(self, head: list[Flowable], tail: list[Flowable]) -> None:
        super().__init__([*head, *tail])
        self._head, self._tail = head, tail

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self.wrap(aW, aH)
        if content_height() < self._H:
            return [*self._head, KeepTogether(self._tail)]
        return super().split(aW, aH)
