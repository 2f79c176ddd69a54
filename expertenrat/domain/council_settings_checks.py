"""The checks of a council's settings (:class:`~expertenrat.domain.councils.CouncilSettings`):
their texts cleaned, and what is missing, out of range or unusable, each a German message
for its field."""

from __future__ import annotations

import re
from dataclasses import replace

from expertenrat.domain.bundeslaender import BUNDESLAENDER
from expertenrat.domain.councils import MAX_MINUTES_DRAFT_WEEKS, CouncilSettings
from expertenrat.domain.enums import MemberRole
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import COUNCIL, cleaned_texts, text_problems
from expertenrat.domain.mail_addresses import sender_address_problem
from expertenrat.domain.recommendation_codes import CODE_PREFIX
from expertenrat.domain.time_zones import zone_named

_WEBSITE = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


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
    return zone_named(name) is not None
