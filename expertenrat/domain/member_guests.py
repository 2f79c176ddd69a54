"""A member of the council entered as a guest of its meeting: the minutes list them twice
(among the members and the guests), and as a guest they never count toward the quorum
(found by a tester). The guest names the member where the member's given name and family
name each stand in it as a whole word, in any order, in any case, accents aside, an
umlaut also spelt out ("Dr. Anna Berg", "Berg, Anna", "Juergen Mueller" for Jürgen
Müller), as the Auskunft and the warning about names in the public minutes read a name
(:func:`~expertenrat.domain.name_mentions.family_name_pattern`). A warning, never a
refusal: namesakes exist."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from expertenrat.domain.attendance_sheet import AttendanceEntry
from expertenrat.domain.minutes_checklist_lines import ChecklistLine, ChecklistTarget
from expertenrat.domain.name_mentions import family_name_pattern
from expertenrat.domain.wording import isolated


def member_named(guest_name: str, members: Iterable[AttendanceEntry]) -> AttendanceEntry | None:
    """The first of ``members`` (the council's, as the attendance lists them) whom
    ``guest_name`` names; ``None`` for none (or a member without a family name)."""
    for member in members:
        names = [n for n in (member.given_name, member.family_name) if n.strip()]
        if member.family_name.strip() and all(
            family_name_pattern([name]).search(guest_name) for name in names
        ):
            return member
    return None


def guest_form_warning(guest_name: str, members: Iterable[AttendanceEntry]) -> str:
    """What the guest form says while ``guest_name`` names one of ``members``; "" else."""
    member = member_named(guest_name, members)
    if member is None:
        return ""
    return (
        f"{isolated(member.name)} ist Mitglied des Gremiums. Ein Mitglied wird in der "
        "Anwesenheit erfasst, nicht als Gast: als Gast stünde es doppelt im Protokoll und "
        "zählte nicht zur Beschlussfähigkeit. Ist es eine andere Person gleichen Namens, "
        "speichern Sie einfach."
    )


def member_guest_lines(member_guests: Sequence[tuple[str, str]]) -> list[ChecklistLine]:
    """A warning for each member of the council entered as a guest, given as (the member's
    name, the guest's name as typed)."""
    return [
        ChecklistLine(
            "member_guest",
            True,
            f"{isolated(member)} ist Mitglied des Gremiums und als Gast eingetragen "
            f"(„{isolated(guest)}“): im Protokoll doppelt genannt, als Gast nicht zur "
            "Beschlussfähigkeit gezählt. Ist es eine andere Person gleichen Namens, ist "
            "nichts zu tun.",
            ChecklistTarget("attendance"),
            warning=True,
        )
        for member, guest in member_guests
    ]
