"""(found by a tester) A recommendation's title or text that names a member who has not
agreed to the publication of the name ("Herr Pál übernimmt die Lizenzprüfung") went into
the OParl export and the open data without a word, while the public minutes warn of the
same. Published recommendations are searched as the minutes are: by the family name, as a
whole word in any case; drafts and those of non-public items are not published."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from expertenrat.domain.enums import MeetingState, RecommendationKind, RecommendationStatus
from expertenrat.domain.oparl_records import (
    AgendaItemRecord,
    CouncilRecord,
    FileRecord,
    MeetingRecord,
    PersonRecord,
    RecommendationRecord,
    Stamp,
)
from expertenrat.domain.published_mentions import (
    unnamed_in_agendas,
    unnamed_in_recommendations,
)

AT = datetime(2026, 3, 1, tzinfo=UTC)
START = datetime(2026, 12, 15, 16, tzinfo=UTC)


def _stamp(key: str) -> Stamp:
    return Stamp(key, AT, AT)


def _recommendation(code: str, text: str, **kwargs) -> RecommendationRecord:
    values = {"status": RecommendationStatus.SENT, "kind": RecommendationKind.RECOMMENDATION}
    return RecommendationRecord(
        _stamp(code), code, title=f"Titel {code}", text=text, **{**values, **kwargs}
    )


def _council(*recommendations: RecommendationRecord) -> CouncilRecord:
    hidden = AgendaItemRecord(_stamp("top-geheim"), "7", 7, "Personalien", public=False)
    meeting = MeetingRecord(_stamp("sitzung"), 3, "", MeetingState.HELD, AT, items=(hidden,))
    return CouncilRecord(
        _stamp("rat"),
        "Smart City Expert*innenrat",
        "SCER",
        "Rostock",
        persons=(
            PersonRecord(_stamp("pal"), "Ödön", "Pál", publish_name=False),
            PersonRecord(_stamp("lee"), "Kim", "Lee", title="Dr.", publish_name=False),
            PersonRecord(_stamp("berg"), "Anna", "Berg", publish_name=True),
        ),
        meetings=(meeting,),
        recommendations=recommendations,
    )


def test_a_published_text_naming_a_member_without_consent_is_warned_of() -> None:
    council = _council(
        _recommendation("E-2026-01", "Herr PÁL übernimmt die Lizenzprüfung mit Frau Berg."),
        _recommendation("E-2026-02", "Dr. Lee und Pál berichten.", kind=RecommendationKind.IMPULSE),
        _recommendation("E-2026-03", "Die Pálinka-Frage bleibt offen."),  # no whole word
        _recommendation("E-2026-04", "Entwurf mit Pál", status=RecommendationStatus.DRAFT),
        _recommendation("E-2026-05", "Aus TOP 7: Pál", origin_item_key="top-geheim"),
    )

    assert unnamed_in_recommendations([council]) == (
        "Empfehlung E-2026-01 (Smart City Expert*innenrat): Im veröffentlichten Titel oder "
        "Wortlaut steht der Name von Ödön Pál, der nicht genannt werden darf.",
        "Impuls E-2026-02 (Smart City Expert*innenrat): Im veröffentlichten Titel oder "
        "Wortlaut steht der Name von Ödön Pál, der nicht genannt werden darf.",
        "Impuls E-2026-02 (Smart City Expert*innenrat): Im veröffentlichten Titel oder "
        "Wortlaut steht der Name von Dr. Kim Lee, der nicht genannt werden darf.",
    )


def test_a_public_agenda_title_not_yet_in_approved_minutes_is_searched_too() -> None:
    """(found by a tester) The OParl export publishes the public agenda of planned and
    invited meetings; a title naming a member without consent went out without a word.
    Approved public minutes are warned of by their own check (``approved_public_mentions``),
    which names each place in them."""
    shown = AgendaItemRecord(_stamp("top-3"), "3", 3, "Bericht von Herrn Pál", public=True)
    hidden = AgendaItemRecord(_stamp("top-4"), "4", 4, "Personalie Pál", public=False)
    approved = AgendaItemRecord(_stamp("top-1"), "1", 1, "Dank an Herrn Pál", public=True)
    minutes = FileRecord(_stamp("protokoll"), "Protokoll", "protokoll.pdf", b"%PDF")
    council = replace(
        _council(),
        meetings=(
            MeetingRecord(_stamp("m7"), 7, "", MeetingState.INVITED, START, items=(shown, hidden)),
            MeetingRecord(_stamp("m6"), 6, "", MeetingState.HELD, AT, items=(approved,),
                          minutes=minutes),
        ),
    )  # fmt: skip

    assert unnamed_in_agendas([council]) == (
        "Tagesordnung der 7. Sitzung am 15.12.2026 (Smart City Expert*innenrat): Im "
        "öffentlichen Text von TOP 3 steht der Name von Ödön Pál, der nicht genannt werden "
        "darf.",
    )
