"""The warnings that the OParl export, the open data, the Tätigkeitsbericht or the public
recommendations report name a member who may not be named.

They publish a recommendation's title (the reports: only the title) and text, and the titles
of the public agenda of meetings whose minutes are not approved yet, as typed
(:mod:`expertenrat.domain.oparl_public` decides what goes out; approved public minutes have
a check of their own, :mod:`expertenrat.services.approved_public_mentions`). A text that
names a member who has not agreed to the publication of the name ("Herr Pál übernimmt die
Lizenzprüfung") is looked for as in the public minutes
(:mod:`expertenrat.domain.unnamed_mentions`): the family name as a whole word, in any case.
A warning, not a refusal: a namesake may be meant, and the secretariat decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.domain.oparl_public import Exposure, PublicCouncil
from expertenrat.domain.oparl_records import CouncilRecord, PersonRecord
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.unnamed_mentions import UnnamedMember, mention_warning, named_in


def unnamed_in_recommendations(councils: Iterable[CouncilRecord]) -> tuple[str, ...]:
    """ "Empfehlung E-2026-01 (Smart City Expert*innenrat): Im veröffentlichten Titel oder
    Wortlaut steht der Name von Ödön Pál, der nicht genannt werden darf.": one warning per
    published recommendation and member of its council without that consent it names."""
    warnings = []
    for council, public, unnamed in _with_unnamed(councils):
        for r in council.recommendations:
            if public.recommendations[r.stamp.key] is not Exposure.FULL:
                continue
            label = f"{r.kind.label} {r.code} ({council.name})"
            warnings += _named_in_recommendation(label, (r.title, r.text), unnamed)
    return tuple(dict.fromkeys(warnings))


def unnamed_in_titles(
    rows: Iterable[RecommendationRow], unnamed: Sequence[UnnamedMember]
) -> tuple[str, ...]:
    """ "Empfehlung E-2026-01: Im veröffentlichten Titel steht der Name von Ödön Pál, der
    nicht genannt werden darf.": for the public reports, which print the recommendations'
    titles (found by a tester); ``unnamed``: the council's members without that consent."""
    warnings = []
    for row in rows:
        label = f"{row.kind.label} {row.code}"
        warnings += _named_in_recommendation(label, (row.title,), unnamed, "Titel")
    return tuple(dict.fromkeys(warnings))


def _named_in_recommendation(
    label: str,
    texts: tuple[str, ...],
    unnamed: Sequence[UnnamedMember],
    published: str = "Titel oder Wortlaut",
) -> list[str]:
    return [
        f"{label}: Im veröffentlichten {published} steht der Name von {person.name}, der "
        "nicht genannt werden darf."
        for person in named_in(texts, unnamed)
    ]


def unnamed_in_agendas(councils: Iterable[CouncilRecord]) -> tuple[str, ...]:
    """ "Tagesordnung der 7. Sitzung am 15.12.2026 (Smart City Expert*innenrat): Im
    öffentlichen Text von TOP 3 steht der Name von Ödön Pál, der nicht genannt werden
    darf.": for each published item of a meeting without approved public minutes."""
    warnings = []
    for council, public, unnamed in _with_unnamed(councils):
        for meeting in council.meetings:
            if meeting.minutes is not None:
                continue  # approved: warned of with the minutes, place by place
            label = dated_meeting_label(
                meeting.number, meeting.kind, meeting.start.date(), meeting.title
            )
            warnings += [
                f"Tagesordnung der {label} ({council.name}): "
                + mention_warning(f"von TOP {item.number}", person)
                for item in meeting.items
                if public.items[item.stamp.key] is Exposure.FULL
                for person in named_in((item.title,), unnamed)
            ]
    return tuple(dict.fromkeys(warnings))


def _with_unnamed(
    councils: Iterable[CouncilRecord],
) -> Iterator[tuple[CouncilRecord, PublicCouncil, list[UnnamedMember]]]:
    """Each council with members who may not be named: the council, what of it is public,
    and those members."""
    for council in councils:
        unnamed = [_unnamed(p) for p in council.persons if not p.publish_name]
        if unnamed:
            yield council, PublicCouncil(council), unnamed


def _unnamed(person: PersonRecord) -> UnnamedMember:
    name = " ".join(part for part in (person.title, person.given_name, person.family_name) if part)
    return UnnamedMember(name, person.family_name)
