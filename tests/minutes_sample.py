"""Minutes with hostile text, shared by the minutes PDF tests and benchmarks."""

from __future__ import annotations

from datetime import date, time

from meeting_sample import HOSTILE, LETTERHEAD

from expertenrat.domain.annexes import AnnexEntry
from expertenrat.domain.enums import MinutesState, MinutesStyle, VoteMode
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.minutes_attendees import AbsentMember, GuestLine, PresentMember
from expertenrat.domain.minutes_document import ApprovalStamp, Invitation, MinutesDocument
from expertenrat.domain.minutes_items import AdoptedRecommendation, MinutesItem, VoteRecord
from expertenrat.domain.quorum import QuorumResult

SECRET = "Vergabe Straßenbeleuchtung – vertraulich"
SECRET_GUEST = "Zoë Brontë"
SECRET_REASON = "Geschäftsführer der Stadtwerke Rostock AG"
APPROVAL = ApprovalStamp(date(2026, 6, 9), "6. Sitzung am 09.06.2026", "ab" * 32)

ITEMS = (
    MinutesItem("1", "Eröffnung und Begrüßung", kind_label="Eröffnung und Formalien",
                presenter="Dr. Łukasz Wiśniewski", result="Die Sitzung wird eröffnet."),
    MinutesItem("2", "Beratung: Offene Daten für Rostock", presenter="Gülşen Yılmaz",
                project_title="Urbane Datenplattform", kind_label="Beratung eines Projekts",
                discussion="Die Projektleitung berichtet über den Stand.\nRückfragen: keine.",
                motion="Der Rat möge empfehlen, die Daten offen zu lizenzieren.",
                resolution="Der Expert*innenrat empfiehlt, die Daten unter CC BY 4.0 "
                           "zu veröffentlichen.",
                votes=(VoteRecord(yes=7, no=1, abstain=1, adopted=True),),
                recused=(DeclaredConflict("Dr. Hanna Ost", "Mitarbeiterin im Projekt"),),
                recommendations=(AdoptedRecommendation("E-2026-07", "Offene Lizenz",
                                 text="Daten unter CC BY 4.0.", action_field="Stadtdaten",
                                 project_title="Urbane Datenplattform"),)),
    MinutesItem("2.1", f"Zwischenbericht {HOSTILE}", presenter=HOSTILE, discussion=HOSTILE,
                resolution=HOSTILE, votes=(VoteRecord(mode=VoteMode.UNANIMOUS, adopted=True),)),
    MinutesItem("3", "Bericht der Geschäftsstelle",
                votes=(VoteRecord(mode=VoteMode.NOTED),)),
    MinutesItem("4", SECRET, public=False, presenter=SECRET_GUEST, project_title="Smarte Laternen",
                resolution="Zuschlag an Bieter B.",
                votes=(VoteRecord(yes=6, no=0, abstain=0, recused=1, adopted=True),),
                recused=(DeclaredConflict("Ödön Pál", SECRET_REASON),)),
    MinutesItem("5", "Verschiedenes"),
)  # fmt: skip


def minutes(**changes: object) -> MinutesDocument:
    values: dict[str, object] = {
        "letterhead": LETTERHEAD,
        "number": 5,
        "day": date(2026, 3, 10),
        "style": MinutesStyle.COURSE,
        "place": "Rathaus Rostock",
        "room": "Raum 1.23",
        "opened_at": time(16, 5),
        "closed_at": time(18, 10),
        "chair": "Prof. Dr. Maria Nord",
        "minute_taker": "Frau Schulz",
        "present": (
            PresentMember("Prof. Dr. Maria Nord", "Vorsitz", "Stadtdaten"),
            PresentMember("Dr. Hanna Ost", "Mitglied", "Moderne Verwaltung", arrived_at_item="2"),
            PresentMember("Ödön Pál", "Mitglied", "Umwelt", left_after_item="4",
                          left_at=time(17, 40)),
            PresentMember("Jan West", "Stellv. Vorsitz", "Soziale Stadt", voting=False),
        ),
        "excused": ("Erika Süd",),
        "absent": (AbsentMember("Max Mustermann"),),
        "guests": (GuestLine("Gülşen Yılmaz", "Amt für Digitalisierung", "Projektleitung"),
                   GuestLine(SECRET_GUEST, "Stadtwerke", "Bieterin")),
        "invitation": Invitation(date(2026, 2, 24), 7),
        "quorum": QuorumResult(7, 9, 0, True),
        "quorum_noted": True,
        "agenda_approved": True,
        "agenda_changes": "TOP 3 wurde vorgezogen.",
        "items": ITEMS,
        "annexes": (AnnexEntry(1, "Präsentation Datenplattform", "praesentation.pdf"),
                    AnnexEntry(2, "Angebotsvergleich", "vergleich.pdf", public=False)),
        "state": MinutesState.DRAFT,
    }  # fmt: skip
    values.update(changes)
    return MinutesDocument(**values)  # type: ignore[arg-type]
