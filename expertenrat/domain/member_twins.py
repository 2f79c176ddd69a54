"""The same new person entered on two PCs at once: the second save finds the first one's
person (same e-mail address, else same name) among the council's members, one that was not
there when the second PC began, and is refused instead of making a twin record of the
same human. A person known then with the same name or address stays a warning only
(``member_council_checks.council_problems``): the user saw it and may mean another person.

No unique index can do this: many members have no e-mail address, and two people may
share a name. The check runs inside the saving transaction, after the council is held
(``services.unit_of_work.hold_council``), so a PC saving at the same moment is waited for
and then seen.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.member_index import MemberIndex
from expertenrat.domain.members import Member


class SamePersonAddedError(ExpertenratError):
    """``twin``, a stored member of a person the saving PC did not know of yet, has the same
    e-mail address (``by_email``) or else the same name as the new person being saved."""

    def __init__(self, twin: Member, *, by_email: bool) -> None:
        self.twin = twin
        self.by_email = by_email
        self.added = f"„{twin.full_name}“ wurde inzwischen von jemand anderem angelegt"
        super().__init__(
            f"{self.added}, mit {'derselben E-Mail-Adresse' if by_email else 'demselben Namen'}."
            " Ist es dieselbe Person, ergänzen Sie bitte den gespeicherten Eintrag, statt sie "
            "doppelt anzulegen."
        )


def check_no_twin_added(
    member: Member, stored: Iterable[Member], known_persons: Collection[int]
) -> None:
    """Raise :class:`SamePersonAddedError` if ``member`` is a new person (no membership, no
    person yet) and ``stored`` (the council's memberships now) holds a person not among
    ``known_persons`` (those stored when the user began) with the same e-mail address or,
    failing that, the same name (both compared as ``member_index`` does)."""
    if member.id is not None or member.person_id is not None:
        return
    added = MemberIndex(m for m in stored if m.person_id not in known_persons)
    twin = added.same_email(member)
    if twin is not None:
        raise SamePersonAddedError(twin, by_email=True)
    twin = added.same_name(member)
    if twin is not None:
        raise SamePersonAddedError(twin, by_email=False)
