"""Who the audit trail names: a configured name, else the OS login."""

from __future__ import annotations

import getpass

from expertenrat.services.audit import ACTOR_ENV, default_actor


def test_the_configured_name_wins(monkeypatch):
    monkeypatch.setenv(ACTOR_ENV, "  Geschäftsstelle – Frau Müller  ")
    assert default_actor() == "Geschäftsstelle – Frau Müller"


def test_without_a_configured_name_the_login_is_used(monkeypatch):
    monkeypatch.delenv(ACTOR_ENV, raising=False)
    assert default_actor() == getpass.getuser()
