"""Gaps in the audit trail: same-size logos, reordering, and saves that change nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from logo_images import png

from expertenrat.domain.enums import AuditAction, Sector
from expertenrat.services import audit
from expertenrat.services.audit_reading import AuditService
from expertenrat.store import models


def _png(red: int) -> bytes:
    """Two different images of the same size: the audit must tell them apart."""
    return png(colour=(red, 0, 0))


def test_a_logo_replaced_by_another_of_the_same_size_is_audited_with_both_hashes(
    database, settings_service, council
):
    assert len(_png(100)) == len(_png(200)) and _png(100) != _png(200)
    first = settings_service.update_settings(replace(council, logo_png=_png(100)))
    settings_service.update_settings(replace(first, logo_png=_png(200)))

    entry = AuditService(database).entries("council", council.id)[-1]

    assert set(entry.before) == {"logo_png", "version"}
    assert entry.before["logo_png"] != entry.after["logo_png"]
    assert entry.after["logo_png"].startswith(f"<{len(_png(200))} Bytes, SHA-256 ")


def test_reordering_action_fields_records_the_order_before_and_after(
    database, settings_service, council, fields
):
    names = list(fields)
    reordered = [fields[name].id for name in reversed(names)]

    settings_service.reorder_action_fields(council.id, reordered)

    entry = AuditService(database).entries("action_field")[-1]
    assert entry.summary == "Reihenfolge der Handlungsfelder geändert"
    assert entry.before == {"order": names}
    assert entry.after == {"order": list(reversed(names))}


def test_reordering_to_the_same_order_writes_no_audit_entry(
    database, settings_service, council, fields
):
    before = len(AuditService(database).entries())

    settings_service.reorder_action_fields(council.id, [f.id for f in fields.values()])

    assert len(AuditService(database).entries()) == before
    assert settings_service.action_fields(council.id) == list(fields.values())


def test_saving_settings_without_changes_writes_no_audit_entry_and_keeps_the_version(
    database, settings_service, council
):
    before = len(AuditService(database).entries())

    saved = settings_service.update_settings(council)

    assert len(AuditService(database).entries()) == before
    assert saved.version == council.version


def test_saving_an_action_field_without_changes_writes_no_audit_entry(
    database, settings_service, fields
):
    before = len(AuditService(database).entries())

    saved = settings_service.update_action_field(fields["Umwelt"])

    assert len(AuditService(database).entries()) == before
    assert saved.version == fields["Umwelt"].version


def test_saving_a_member_without_changes_writes_no_audit_entry_and_keeps_the_versions(
    database, members_service, council, new_member, today
):
    saved = members_service.save(council.id, new_member(further_field_ids=()), today)
    before = len(AuditService(database).entries())

    again = members_service.save(council.id, saved, today)

    assert len(AuditService(database).entries()) == before
    assert (again.version, again.person_version) == (saved.version, saved.person_version)


def test_saving_a_member_with_further_fields_unchanged_writes_no_audit_entry(
    database, members_service, council, new_member, fields, today
):
    member = new_member(further_field_ids=(fields["Umwelt"].id,))
    saved = members_service.save(council.id, member, today)
    before = len(AuditService(database).entries())

    again = members_service.save(council.id, saved, today)

    assert len(AuditService(database).entries()) == before
    assert again.version == saved.version


def test_a_snapshot_with_changes_is_the_snapshot_of_the_changed_record():
    values = {"id": 7, "given_name": "Zoë", "family_name": "Öz 😀", "version": 1}
    record = models.Person(**values, publish_name_on=date(2025, 1, 2))
    changes = {
        "publish_name_on": None,
        "publish_contact_on": date(2026, 3, 4),
        "publish_contact": True,
        "sector": Sector.RESEARCH,
        "phone": "+49 381 498-1",
        "version": 2,
    }
    changed = models.Person(**values, publish_name_on=date(2025, 1, 2))
    for key, value in changes.items():
        setattr(changed, key, value)
    state = audit.snapshot(record)

    with_changes = audit.snapshot_with(state, {**changes, "not_a_column": 1})

    assert with_changes == audit.snapshot(changed)
    assert with_changes["publish_contact_on"] == "2026-03-04"
    assert state == audit.snapshot(record)  # left as it was


def test_an_entry_keeps_the_changed_fields_in_the_records_order():
    """The same change gives the same JSON in every run (no set order that varies)."""
    keys = [f"field_{n:02d}" for n in range(30, 0, -1)]
    before = {key: "alt" for key in keys} | {"unchanged": 1, "version": 1}
    after = {key: "neu & <ü> 😀" for key in keys} | {"unchanged": 1, "version": 2}

    values = audit.entry("Prüferin", AuditAction.UPDATE, "member", 1, before=before, after=after)

    assert values is not None
    assert list(json.loads(values["after"])) == [*keys, "version"]
    assert list(json.loads(values["before"])) == [*keys, "version"]
    assert json.loads(values["after"])["field_01"] == "neu & <ü> 😀"
