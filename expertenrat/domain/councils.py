"""A council's settings, its action fields' records and what it calls its chair; the
settings' checks. The rules of the action fields are in :mod:`action_fields`."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from expertenrat.domain.bundeslaender import BUNDESLAENDER
from expertenrat.domain.enums import MemberRole, MinutesApproval, MinutesStyle, QuorumRule
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import COUNCIL, cleaned_texts, text_problems
from expertenrat.domain.file_formats import file_system_words
from expertenrat.domain.follow_through import DEFAULT_MINUTES_DRAFT_WEEKS
from expertenrat.domain.mail_addresses import sender_address_problem
from expertenrat.domain.recommendation_codes import CODE_PREFIX
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


_WEBSITE = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


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


def clean_settings(settings: CouncilSettings) -> CouncilSettings:
    """``settings`` with its texts in NFC and without surrounding spaces, the prefix of the
    recommendation codes in capitals ("db" → "DB")."""
    cleaned = replace(settings, **cleaned_texts(settings, COUNCIL))
    return replace(cleaned, recommendation_prefix=cleaned.recommendation_prefix.strip().upper())


def validate_settings(settings: CouncilSettings) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not settings.name.strip():
        problems.append(FieldProblem("name", "Bitte geben Sie den Namen des Gremiums an."))
    if not settings.city.strip():
        problems.append(FieldProblem("city", "Bitte geben Sie die Stadt an."))
    if not settings.classification.strip():
        problems.append(FieldProblem("classification", "Bitte geben Sie die Art des Gremiums an."))
    problems.extend(_title_problems(settings))
    for name, spec in COUNCIL.items():
        problems.extend(text_problems(name, getattr(settings, name), spec))
    if not any(p.field == "secretariat_email" for p in problems):
        sender = sender_address_problem(settings.secretariat_email)
        problems += [FieldProblem("secretariat_email", sender)] if sender else []
    if settings.min_members < 1:
        problems.append(
            FieldProblem("min_members", "Die Mindestzahl der Mitglieder muss mindestens 1 sein.")
        )
    if settings.max_members < settings.min_members:
        problems.append(
            FieldProblem(
                "max_members",
                "Die Höchstzahl der Mitglieder darf nicht kleiner als die Mindestzahl sein.",
            )
        )
    if not 0 <= settings.notice_period_days <= 365:
        problems.append(
            FieldProblem(
                "notice_period_days", "Die Ladungsfrist muss zwischen 0 und 365 Tagen liegen."
            )
        )
    if not 1 <= settings.response_period_months <= 24:
        problems.append(
            FieldProblem(
                "response_period_months",
                "Die Frist für Stellungnahmen muss zwischen 1 und 24 Monaten liegen.",
            )
        )
    if not 1 <= settings.objection_period_days <= 365:
        problems.append(
            FieldProblem(
                "objection_period_days",
                "Die Frist für Einwände muss zwischen 1 und 365 Tagen liegen.",
            )
        )
    if not 0 <= settings.minutes_draft_weeks <= MAX_MINUTES_DRAFT_WEEKS:
        problems.append(
            FieldProblem(
                "minutes_draft_weeks",
                "Die Frist für den Protokollentwurf muss zwischen 0 (keine Frist) und "
                f"{MAX_MINUTES_DRAFT_WEEKS} Wochen liegen.",
            )
        )
    if not CODE_PREFIX.match(settings.recommendation_prefix):
        problems.append(
            FieldProblem(
                "recommendation_prefix",
                "Das Kürzel der Empfehlungen besteht aus 1 bis 6 Großbuchstaben (A–Z) und "
                "Ziffern und beginnt mit einem Buchstaben, z. B. „E“ oder „DB“.",
            )
        )
    return problems + _place_problems(settings)


def _title_problems(settings: CouncilSettings) -> list[FieldProblem]:
    """The titles of chair and vice chair: given, and not the same (a list could not tell
    the two apart) nor "Mitglied"."""
    chair, vice = settings.chair_title.strip(), settings.vice_chair_title.strip()
    problems = []
    if not chair:
        problems.append(
            FieldProblem(
                "chair_title",
                "Bitte geben Sie an, wie der Vorsitz heißt, z. B. „Vorsitz“ oder „Sprecher*in“.",
            )
        )
    if not vice:
        problems.append(
            FieldProblem(
                "vice_chair_title",
                "Bitte geben Sie an, wie die Stellvertretung heißt, z. B. „Stellv. Vorsitz“.",
            )
        )
    member = MemberRole.MEMBER.label.casefold()
    for field, title in (("chair_title", chair), ("vice_chair_title", vice)):
        if title and title.casefold() == member:
            problems.append(FieldProblem(field, f"„{title}“ heißen schon alle übrigen Mitglieder."))
    if chair and chair.casefold() == vice.casefold():
        problems.append(
            FieldProblem(
                "vice_chair_title",
                "Vorsitz und Stellvertretung brauchen verschiedene Bezeichnungen.",
            )
        )
    return problems


def _website_example(typed: str) -> str:
    """The address typed as it would do ("https://www.leipzig.de" for "www.leipzig.de"),
    else one of no city in particular (never Rostock's for another city's council)."""
    fixed = f"https://{typed}"
    return fixed if "://" not in typed and _WEBSITE.match(fixed) else "https://www.stadt.de"


def _place_problems(settings: CouncilSettings) -> list[FieldProblem]:
    """Website, Bundesland and time zone: empty or something the program can use."""
    problems = []
    if settings.website and not _WEBSITE.match(settings.website):
        example = _website_example(settings.website)
        problems.append(
            FieldProblem("website", f"Die Website muss mit https:// beginnen, z. B. {example}.")
        )
    if settings.bundesland and settings.bundesland not in BUNDESLAENDER:
        problems.append(
            FieldProblem(
                "bundesland",
                f"„{settings.bundesland}“ ist kein Bundesland-Kürzel (z. B. DE-MV, DE-SH).",
            )
        )
    if not known_time_zone(settings.time_zone):
        problems.append(
            FieldProblem("time_zone", f"Die Zeitzone „{settings.time_zone}“ ist unbekannt.")
        )
    return problems


def known_time_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone ("Europe/Berlin") this computer knows."""
    if not name or len(name) > 60 or not name.isprintable():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def file_name_label(council: CouncilSettings) -> str:
    """The council as a file name names it: its short name, else its name, with what a
    file system refuses (``<>:"/\\|?*``) left out ("Expert*innenrat" → "Expert innenrat")."""
    return file_system_words(council.short_name.strip() or council.name)[:60].rstrip(" .")
