"""The council settings file: what another city needs to start its council, and nothing personal.

A JSON document (UTF-8) in a versioned format, described by a JSON Schema shipped with the
program (``resources/schemas/council-settings-2.schema.json``): the council's settings
(name, city, logo as base64 PNG, member limits, quorum, periods, minutes practice,
profile and letterhead), its action fields with their colours, its standard phrases and
(since format 2) its templates for recurring agenda items. A format-1 file has no agenda
templates (``CouncilTemplate.agenda_templates`` is ``None``): importing it leaves the
council's as they are.
There is no field for a person, a meeting or a record of any kind, and the schema allows
no others (``additionalProperties: false``), so a file can carry no personal data.

This module names the format and what it carries; ``council_transfer`` writes and reads
the file, ``council_transfer_differences`` and ``council_transfer_preview`` show what
importing it changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.councils import (
    DEFAULT_CHAIR_TITLE,
    DEFAULT_VICE_CHAIR_TITLE,
    ActionField,
    CouncilSettings,
)
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.follow_through import DEFAULT_MINUTES_DRAFT_WEEKS
from expertenrat.domain.recommendation_codes import DEFAULT_CODE_PREFIX
from expertenrat.domain.text_templates import TextTemplate

FORMAT = "expertenrat-council-settings"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)

# CouncilSettings attribute -> key in the file's "council" object (camelCase, as in JSON).
SETTING_KEYS = {
    "name": "name",
    "short_name": "shortName",
    "city": "city",
    "classification": "classification",
    "website": "website",
    "bundesland": "bundesland",
    "time_zone": "timeZone",
    "logo_png": "logoPng",
    "min_members": "minMembers",
    "max_members": "maxMembers",
    "quorum_rule": "quorumRule",
    "notice_period_days": "noticePeriodDays",
    "response_period_months": "responsePeriodMonths",
    "minutes_style": "minutesStyle",
    "minutes_approval": "minutesApproval",
    "objection_period_days": "objectionPeriodDays",
    "secretariat": "secretariat",
    # Optional, written only where one is set (a file without it stays one that the
    # programs before the setting read; imported, a council keeps its own).
    "secretariat_email": "secretariatEmail",
    # Optional, written only where it is not "E" (a file of the default prefix stays one
    # that the programs before the setting read).
    "recommendation_prefix": "recommendationPrefix",
    # Optional as well, written only where they are not the defaults ("Vorsitz",
    # "Stellv. Vorsitz").
    "chair_title": "chairTitle",
    "vice_chair_title": "viceChairTitle",
    # Optional, written only where it is not the default (four weeks).
    "minutes_draft_weeks": "minutesDraftWeeks",
}

# Settings a file carries only where they are not the default: a file of the defaults
# stays one that the programs before these settings read.
OPTIONAL_DEFAULTS = {
    "recommendation_prefix": DEFAULT_CODE_PREFIX,
    "chair_title": DEFAULT_CHAIR_TITLE,
    "vice_chair_title": DEFAULT_VICE_CHAIR_TITLE,
    "secretariat_email": "",
    "minutes_draft_weeks": DEFAULT_MINUTES_DRAFT_WEEKS,
}

ACTION_FIELDS, TEXT_TEMPLATES = "action_fields", "text_templates"
AGENDA_TEMPLATES = "agenda_templates"
AGENDA_TEMPLATE = "Vorlage für Tagesordnungspunkte"

# What says who the council is, how it is reached and what it works on: from another
# city's file it is not proposed (its website, logo, signature and mailbox, and the action
# fields of its own city's strategy, would be this council's).
OWN_SETTINGS = frozenset(
    {"name", "short_name", "city", "classification", "website", "bundesland", "logo_png",
     "secretariat", "secretariat_email", ACTION_FIELDS}
)  # fmt: skip

# What the file carries, in the words the program tells its users (the export's message in
# the window and on the command line): not "ohne personenbezogene Daten", since the
# Geschäftsstelle can name a person.
WHAT_IT_CARRIES = "ohne Mitgliederdaten, aber mit der Geschäftsstelle und ihrer E-Mail-Adresse"


class SettingsFileError(DataEntryError):
    """A settings file that cannot be used; nothing was changed."""


@dataclass(frozen=True, slots=True)
class CouncilTemplate:
    """A council's transferable setup: its settings, action fields, standard phrases and
    agenda templates (``None``: not in the file, a format-1 file).

    ``given`` names the settings (``SETTING_KEYS`` attributes) a file holds; the others are
    the defaults, which an import into a council leaves as the council has them. ``None``:
    all of them (a council's own setup).
    """

    settings: CouncilSettings
    action_fields: tuple[ActionField, ...] = ()
    text_templates: tuple[TextTemplate, ...] = ()
    agenda_templates: tuple[AgendaTemplate, ...] | None = None
    given: frozenset[str] | None = field(default=None, compare=False)


def schema_file(version: int) -> tuple[str, str]:
    """The JSON Schema of format ``version``, as a path under ``resources``."""
    return ("schemas", f"council-settings-{version}.schema.json")


def setting_label(name: str) -> str:
    """The German name of a council setting (a ``SETTING_KEYS`` attribute)."""
    return "Logo" if name == "logo_png" else field_label("council", name)
