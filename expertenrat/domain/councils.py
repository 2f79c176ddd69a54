"""A council's settings, its action fields' records and what it calls its chair. The
settings' checks are in :mod:`council_settings_checks`, the rules of the action fields in
:mod:`action_fields`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from expertenrat.domain.enums import MemberRole, MinutesApproval, MinutesStyle, QuorumRule
from expertenrat.domain.file_formats import file_system_words
from expertenrat.domain.follow_through import DEFAULT_MINUTES_DRAFT_WEEKS
from expertenrat.domain.wording import council_head

CLASSIFICATIONS = ("Expert*innenrat", "Beirat")
"""What kind of body a council is (OParl ``Body.classification``); free text is allowed."""
DEFAULT_CLASSIFICATION = CLASSIFICATIONS[0]
NEUTRAL_CLASSIFICATION = "Gremium"  # a new council whose name shows no kind of body


def classification_for(name: str) -> str:
    """The kind of body a new council called ``name`` likely is: "Beirat" for the
    "Digitalbeirat der Hansestadt Lübeck", "Expert*innenrat" for the "Smart City
    Expert*innenrat Rostock" (by the noun that heads the name); another head noun as it
    stands ("Zukunftsrat", "Jugendforum", "Digitalkommission"), and "Gremium" where the name
    shows none ("Smarte Köpfe"): never Rostock's "Expert*innenrat" for a body that is not
    one (it is published as the OParl Body's classification)."""
    head = council_head(name)
    if head is None:
        return NEUTRAL_CLASSIFICATION
    word = head[1].strip(",;:.")
    for kind in sorted(CLASSIFICATIONS, key=len, reverse=True):
        if word.casefold().endswith(kind.casefold()):
            return kind
    return word


@dataclass(frozen=True, slots=True)
class ActionField:
    id: int | None
    name: str
    colour: str = "#607d8b"
    position: int = 0
    version: int = 0


DEFAULT_CHAIR_TITLE = "Vorsitz"
MAX_MINUTES_DRAFT_WEEKS = 52
DEFAULT_TIME_ZONE = "Europe/Berlin"  # a new council's, which its days and deadlines count in


def new_council_today() -> date:
    """Today as a new council counts it (in :data:`DEFAULT_TIME_ZONE`), whatever zone the
    PC is set to: the day of the demo and of a window that shows no council yet."""
    return datetime.now(ZoneInfo(DEFAULT_TIME_ZONE)).date()


# Not "Stellvertretung", which reads like a member's substitute (see RoleTitles.in_sentence)
DEFAULT_VICE_CHAIR_TITLE = "Stellv. Vorsitz"


@dataclass(frozen=True, slots=True)
class RoleTitles:
    """What a council calls its chair and vice chair ("Vorsitzende*r", "Sprecher*in"):
    every list, dialog, document and export shows a member's role through :meth:`of`."""

    chair: str = DEFAULT_CHAIR_TITLE
    vice_chair: str = DEFAULT_VICE_CHAIR_TITLE

    def of(self, role: MemberRole) -> str:
        if role is MemberRole.CHAIR:
            return self.chair
        if role is MemberRole.VICE_CHAIR:
            return self.vice_chair
        return role.label

    def in_sentence(self, role: MemberRole) -> str:
        """The title of :meth:`of` inside a sentence ("dann stellv. Vorsitz statt
        Mitglied"): an abbreviated adjective in front ("Stellv. Vorsitz") in lower case, a
        council's other titles as they are written."""
        title = self.of(role)
        return f"stellv.{title[len(_STELLV) :]}" if title.startswith(_STELLV) else title


_STELLV = "Stellv."


DEFAULT_ROLE_TITLES = RoleTitles()


@dataclass(frozen=True, slots=True)
class CouncilSettings:
    id: int | None
    name: str
    city: str
    short_name: str = ""
    logo_png: bytes | None = None
    min_members: int = 8
    max_members: int = 10
    quorum_rule: QuorumRule = QuorumRule.MORE_THAN_HALF
    notice_period_days: int = 7
    response_period_months: int = 2
    version: int = 0
    minutes_style: MinutesStyle = MinutesStyle.RESULTS
    minutes_approval: MinutesApproval = MinutesApproval.VOTE
    objection_period_days: int = 14
    # weeks after a meeting by which its draft minutes go out (0 = no period)
    minutes_draft_weeks: int = DEFAULT_MINUTES_DRAFT_WEEKS
    bundesland: str = "DE-MV"  # ISO 3166-2, for public holidays; "" = nationwide only
    time_zone: str = DEFAULT_TIME_ZONE
    website: str = ""
    classification: str = DEFAULT_CLASSIFICATION
    secretariat: str = ""  # signs the council's letters; "" = "Ihre Geschäftsstelle"
    # the mailbox the council's e-mail drafts are sent from ("" = the mail program's own)
    secretariat_email: str = ""
    recommendation_prefix: str = "E"  # of the recommendation codes: "E-2026-07"
    # how the council calls its chair and vice chair ("Sprecher*in"); see RoleTitles
    chair_title: str = DEFAULT_CHAIR_TITLE
    vice_chair_title: str = DEFAULT_VICE_CHAIR_TITLE

    @property
    def role_titles(self) -> RoleTitles:
        return RoleTitles(self.chair_title, self.vice_chair_title)


@dataclass(frozen=True, slots=True)
class CouncilChoice:
    """A council as offered in the council switcher, with what its clock needs (its time
    zone and Bundesland, as stored: empty for the defaults)."""

    id: int
    name: str
    city: str
    time_zone: str = ""
    bundesland: str = ""


def file_name_label(council: CouncilSettings) -> str:
    """The council as a file name names it: its short name, else its name, with what a
    file system refuses (``<>:"/\\|?*``) left out ("Expert*innenrat" → "Expert innenrat")."""
    return file_system_words(council.short_name.strip() or council.name)[:60].rstrip(" .")
