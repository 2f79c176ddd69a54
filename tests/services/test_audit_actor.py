"""Who the audit trail names: a configured name, else the OS login."""

from __future__ import annotations

import getpass

from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.audit import ACTOR_ENV, default_actor
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.settings import SettingsService


def test_the_configured_name_wins(monkeypatch):
    monkeypatch.setenv(ACTOR_ENV, "  Geschäftsstelle – Frau Müller  ")
    assert default_actor() == "Geschäftsstelle – Frau Müller"


def test_without_a_configured_name_the_login_is_used(monkeypatch):
    monkeypatch.delenv(ACTOR_ENV, raising=False)
    assert default_actor() == getpass.getuser()


def test_an_odd_name_is_recorded_cleaned_and_every_change_can_still_be_saved(monkeypatch, database):
    """(found by a tester) A name with a byte that is no UTF-8 (Python holds it as a lone
    surrogate) made every audited change fail with a UnicodeEncodeError; control characters
    (a terminal's colour codes) stood in the audit trail, and a login longer than the
    column (200) would be refused by PostgreSQL at every change."""
    monkeypatch.setenv(ACTOR_ENV, "Fr\udcffau\tM\x1b[31müller\u202e ")
    actor = default_actor()
    assert actor == "Fr\ufffdau M[31müller"

    monkeypatch.delenv(ACTOR_ENV)
    monkeypatch.setattr(getpass, "getuser", lambda: "x" * 250)
    assert default_actor() == "x" * 200

    monkeypatch.setattr(getpass, "getuser", lambda: "\x1b\u200b")
    assert default_actor() == "unbekannt"

    council = SettingsService(database, actor).create_council(
        CouncilSettings(id=None, name="Beirat", city="Rostock")
    )
    entries = AuditService(database).entries("council", council.id)
    assert [entry.actor for entry in entries] == [actor]


def test_a_persian_or_indic_login_keeps_its_zero_width_joiners(monkeypatch):
    """Found by a reviewer: every format character went, also the zero width non-joiner a
    Persian name and the joiner a Devanagari one is spelled with; bidi controls still go."""
    persian = "\u0645\u0647\u200c\u0646\u0627\u0632"  # Mahnaz, spelled with a ZWNJ
    hindi = "\u0915\u094d\u200d\u0937\u093f\u0924\u093f"  # Kshiti, spelled with a ZWJ
    monkeypatch.setenv(ACTOR_ENV, f"\u2067{persian}\u2069 \u202e{hindi}\u200b")
    assert default_actor() == f"{persian} {hindi}"

    monkeypatch.setenv(ACTOR_ENV, "\u200d\u200c")
    monkeypatch.setattr(getpass, "getuser", lambda: "\u200c")
    assert default_actor() == "unbekannt"  # joiners alone name no one
