"""A member of the council entered as a guest is named by the guest form and the
completeness check (found by a tester: the member stood twice in the minutes and did not
count toward the quorum)."""

from __future__ import annotations

import pytest

from expertenrat.domain.attendance_sheet import AttendanceEntry
from expertenrat.domain.member_guests import guest_form_warning, member_named

BERG = AttendanceEntry(1, "Dr. Anna Berg", "berg anna", given_name="Anna", family_name="Berg")
MUELLER = AttendanceEntry(2, "Jürgen Müller", "muller", given_name="Jürgen", family_name="Müller")


@pytest.mark.parametrize(
    ("guest", "member"),
    [
        ("Anna Berg", BERG),
        ("Berg, Anna", BERG),
        ("Prof. Dr. ANNA BERG", BERG),
        ("Juergen Mueller", MUELLER),
        ("Anna Bergmann", None),  # another family name
        ("Lena Berg", None),  # another given name: a namesake's relative, not her
        ("A. Berg", None),
    ],
)
def test_a_guest_names_a_member_by_given_and_family_name_as_whole_words(guest, member) -> None:
    assert member_named(guest, [BERG, MUELLER]) == member


def test_the_guest_form_warns_without_refusing() -> None:
    assert guest_form_warning("Berg, Anna", [BERG]).startswith(
        "Dr. Anna Berg ist Mitglied des Gremiums. Ein Mitglied wird in der Anwesenheit erfasst"
    )
    assert guest_form_warning("Anna Bergmann", [BERG]) == ""
