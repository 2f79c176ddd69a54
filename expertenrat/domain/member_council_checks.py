"""A member beside the council's other memberships (the index of them:
:mod:`expertenrat.domain.member_index`): two terms of one person at once, a role held
twice at once, a possible duplicate; and :func:`validate_member`, every rule at once (the
member's own: :mod:`expertenrat.domain.members`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.member_index import MemberIndex, email_key
from expertenrat.domain.members import Member, consent_date_problems, member_problems


def validate_member(
    member: Member,
    others: MemberIndex | Iterable[Member],
    today: date,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
) -> list[FieldProblem]:
    """Check a member against the rules and the council's other memberships.

    ``others`` are the council's other memberships, or an index of them that may also hold
    ``member`` itself. The same as :func:`member_problems` followed by
    :func:`council_problems`.
    """
    index = others if isinstance(others, MemberIndex) else MemberIndex(others)
    return (
        member_problems(member)
        + consent_date_problems(member, today)
        + council_problems(member, index, titles)
    )


def council_problems(
    member: Member, index: MemberIndex, titles: RoleTitles = DEFAULT_ROLE_TITLES
) -> list[FieldProblem]:
    """What the member breaks beside the council's other memberships (``index``): two
    terms of one person at once or a role held twice at once (errors), a possible duplicate
    (a warning)."""
    return (
        _term_problems(member, index)
        + _role_problems(member, index, titles)
        + _duplicate_warnings(member, index)
    )


def _term_problems(member: Member, index: MemberIndex) -> list[FieldProblem]:
    other = index.same_person_at_once(member)
    if other is None:
        return []
    return [
        FieldProblem(
            "term_start",
            f"Die Amtszeit überschneidet sich mit der Amtszeit derselben Person "
            f"{_term_text(other)}; eine Person hat nur eine Amtszeit zugleich.",
        )
    ]


def _term_text(member: Member) -> str:
    start = f"{member.term_start:%d.%m.%Y}"
    if member.term_end is None:
        return f"ab {start} (unbefristet)"
    return f"vom {start} bis {member.term_end:%d.%m.%Y}"


def _role_problems(member: Member, index: MemberIndex, titles: RoleTitles) -> list[FieldProblem]:
    other = index.same_role_at_once(member)
    if other is None:
        return []
    return [
        FieldProblem(
            "role",
            f"{titles.of(member.role)} hat in dieser Zeit bereits {other.full_name}. "
            "Es kann nur eine Person zugleich diese Rolle haben.",
        )
    ]


def _duplicate_warnings(member: Member, index: MemberIndex) -> list[FieldProblem]:
    """ "Möglicherweise doppelt: …" where another person has the member's name or e-mail
    address, saying which of them: both in one warning where one person has both."""
    same_name, same_mail = index.same_name(member), index.same_email(member)
    mail = email_key(member)
    if same_name is not None and mail and email_key(same_name) == mail:
        return [
            _possibly_double(
                "family_name",
                member,
                index.last_term(same_name),
                "denselben Namen und dieselbe E-Mail-Adresse",
            )
        ]
    warnings = []
    if same_name is not None:
        warnings.append(
            _possibly_double("family_name", member, index.last_term(same_name), "denselben Namen")
        )
    if same_mail is not None:
        warnings.append(
            _possibly_double("email", member, index.last_term(same_mail), "dieselbe E-Mail-Adresse")
        )
    return warnings


def _possibly_double(field: str, member: Member, other: Member, what: str) -> FieldProblem:
    """The warning naming ``other`` (the other person's last term); where that term ended
    before ``member``'s begins, the person may be coming back: saved as a new person, the
    council would hold one human twice, so the warning names the way to a further term."""
    if other.term_end is None or other.term_end >= member.term_start:
        return FieldProblem(
            field, f"Möglicherweise doppelt: {other.full_name} hat {what}.", warning=True
        )
    return FieldProblem(
        field,
        f"Möglicherweise doppelt: {other.full_name} (Mitglied bis "
        f"{other.term_end:%d.%m.%Y}) hat {what}. Ist es dieselbe Person, wählen Sie bitte "
        "ihren Eintrag unter „Ehemalige“ und „Weitere Amtszeit …“, statt sie doppelt "
        "anzulegen.",
        warning=True,
    )
