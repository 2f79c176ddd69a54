"""SettingsService: councils, their settings, and action fields as data."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import date

import pytest
from logo_images import header_only_png, oversized_png, png, truncated_png
from PIL import Image

from expertenrat.domain.action_fields import DEFAULT_ACTION_FIELDS
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AuditAction, QuorumRule
from expertenrat.domain.errors import (
    ConcurrentEditError,
    InUseError,
    NotFoundError,
    ValidationError,
)
from expertenrat.services.audit_reading import AuditService
from expertenrat.store import models

# --- councils and settings -------------------------------------------------------------------


def test_new_council_gets_the_four_default_action_fields_in_order(settings_service, council):
    fields = settings_service.action_fields(council.id)

    assert [(f.name, f.colour) for f in fields] == list(DEFAULT_ACTION_FIELDS)
    assert [f.position for f in fields] == [0, 1, 2, 3]
    assert [f.name for f in fields] == [
        "Moderne Verwaltung",
        "Soziale Stadt",
        "Stadtdaten",
        "Umwelt",
    ]


def test_new_council_without_default_fields_has_none(settings_service):
    council = settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Wismar"), default_fields=False
    )

    assert settings_service.action_fields(council.id) == []


def test_new_council_is_stored_with_its_settings(settings_service):
    created = settings_service.create_council(
        CouncilSettings(
            id=None,
            name="  Digitalbeirat  ",
            city="Lübeck",
            short_name="DBL",
            min_members=5,
            max_members=7,
            quorum_rule=QuorumRule.TWO_THIRDS,
            notice_period_days=14,
            response_period_months=1,
        )
    )

    stored = settings_service.settings(created.id)

    assert stored == created
    assert (stored.name, stored.city, stored.short_name) == ("Digitalbeirat", "Lübeck", "DBL")
    assert (stored.min_members, stored.max_members) == (5, 7)
    assert stored.quorum_rule is QuorumRule.TWO_THIRDS
    assert (stored.notice_period_days, stored.response_period_months) == (14, 1)
    assert stored.version == 1


def test_councils_lists_every_council_in_creation_order(settings_service):
    for city in ("Rostock", "Wismar", "Stralsund"):
        settings_service.create_council(CouncilSettings(id=None, name="Rat", city=city))

    assert [c.city for c in settings_service.councils()] == ["Rostock", "Wismar", "Stralsund"]


def test_update_settings_persists_every_setting(settings_service, council):
    changed = replace(
        council,
        name="Smart-City-Beirat",
        city="Hansestadt Rostock",
        short_name="SCB",
        logo_png=png(),
        min_members=6,
        max_members=12,
        quorum_rule=QuorumRule.AT_LEAST_HALF,
        notice_period_days=10,
        response_period_months=3,
    )

    returned = settings_service.update_settings(changed)

    stored = settings_service.settings(council.id)
    assert stored == returned
    assert stored == replace(changed, version=council.version + 1)


def test_settings_changed_meanwhile_are_refused_in_good_german(settings_service, council):
    """The verb agrees with the plural: "Die Einstellungen des Gremiums wurden …"."""
    settings_service.update_settings(replace(council, city="Hansestadt Rostock"))

    with pytest.raises(ConcurrentEditError) as refused:
        settings_service.update_settings(replace(council, name="Smart-City-Beirat"))

    assert refused.value.message.startswith(
        "Die Einstellungen des Gremiums wurden inzwischen von jemand anderem geändert."
    )
    assert ConcurrentEditError("Die Sitzung").message.startswith("Die Sitzung wurde inzwischen")


def test_settings_of_a_missing_council_raise_not_found(settings_service):
    with pytest.raises(NotFoundError):
        settings_service.settings(4711)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "   "}, "name", "Namen des Gremiums"),
        ({"city": ""}, "city", "Stadt"),
        ({"min_members": 9, "max_members": 8}, "max_members", "Höchstzahl"),
        ({"min_members": 0}, "min_members", "Mindestzahl"),
        ({"notice_period_days": -1}, "notice_period_days", "Ladungsfrist"),
        ({"notice_period_days": 366}, "notice_period_days", "Ladungsfrist"),
        ({"response_period_months": 0}, "response_period_months", "Stellungnahmen"),
        ({"response_period_months": 25}, "response_period_months", "24 Monaten"),
        ({"name": "R" * 201}, "name", "200 Zeichen"),
    ],
    ids=[
        "empty-name",
        "empty-city",
        "max-below-min",
        "min-zero",
        "notice-negative",
        "notice-too-long",
        "response-zero",
        "response-too-long",
        "name-too-long",
    ],
)
def test_invalid_settings_are_refused_with_a_german_message(
    settings_service, council, changes, field, words
):
    with pytest.raises(ValidationError) as caught:
        settings_service.update_settings(replace(council, **changes))

    assert [p.field for p in caught.value.problems] == [field]
    assert words in caught.value.message
    assert settings_service.settings(council.id) == council


def test_notice_period_limits_are_inclusive(settings_service, council):
    first = settings_service.update_settings(replace(council, notice_period_days=0))
    second = settings_service.update_settings(replace(first, notice_period_days=365))

    assert second.notice_period_days == 365


def test_invalid_new_council_is_not_stored(settings_service):
    with pytest.raises(ValidationError) as caught:
        settings_service.create_council(CouncilSettings(id=None, name="", city="Rostock"))

    assert "Bitte geben Sie den Namen des Gremiums an." in caught.value.message
    assert settings_service.councils() == []


def test_validation_error_lists_every_problem(settings_service, council):
    with pytest.raises(ValidationError) as caught:
        settings_service.update_settings(
            replace(council, name="", min_members=10, max_members=2, notice_period_days=400)
        )

    assert {p.field for p in caught.value.problems} == {
        "name",
        "max_members",
        "notice_period_days",
    }
    assert len(caught.value.message.splitlines()) == 3


# --- action fields ----------------------------------------------------------------------------


def test_added_action_field_comes_last(settings_service, council):
    added = settings_service.add_action_field(council.id, "  Mobilität ", "#ff8800")

    fields = settings_service.action_fields(council.id)
    assert fields[-1] == added
    assert (added.name, added.colour, added.position) == ("Mobilität", "#ff8800", 4)


def test_first_field_of_a_council_without_fields_gets_position_zero(settings_service):
    council = settings_service.create_council(
        CouncilSettings(id=None, name="Rat", city="Wismar"), default_fields=False
    )

    added = settings_service.add_action_field(council.id, "Hafen", "#003366")

    assert added.position == 0


def _stored(settings_service, council_id):
    return {f.id: f for f in settings_service.action_fields(council_id)}


def test_action_field_can_be_renamed(settings_service, council, fields):
    field = fields["Stadtdaten"]

    renamed = settings_service.update_action_field(replace(field, name=" Offene Daten "))

    stored = _stored(settings_service, council.id)[field.id]
    assert stored == renamed
    assert (stored.name, stored.colour, stored.position) == ("Offene Daten", field.colour, 2)
    assert stored.version == field.version + 1


def test_action_field_can_be_recoloured(settings_service, council, fields):
    field = fields["Umwelt"]

    settings_service.update_action_field(replace(field, colour="#00AA55"))

    stored = _stored(settings_service, council.id)[field.id]
    assert (stored.name, stored.colour) == ("Umwelt", "#00AA55")


def test_action_field_keeps_its_name_when_only_the_case_changes(settings_service, council, fields):
    field = fields["Umwelt"]

    settings_service.update_action_field(replace(field, name="UMWELT"))

    assert _stored(settings_service, council.id)[field.id].name == "UMWELT"


@pytest.mark.parametrize("colour", ["rot", "#12345", "#1234567", "123456", "#GGGGGG", ""])
def test_action_field_with_an_invalid_colour_is_refused(settings_service, council, colour):
    with pytest.raises(ValidationError) as caught:
        settings_service.add_action_field(council.id, "Mobilität", colour)

    assert "#RRGGBB" in caught.value.message
    assert len(settings_service.action_fields(council.id)) == 4


def test_action_field_without_a_name_is_refused(settings_service, council):
    with pytest.raises(ValidationError) as caught:
        settings_service.add_action_field(council.id, "   ", "#123456")

    assert "Namen für das Handlungsfeld" in caught.value.message


@pytest.mark.parametrize("name", ["Umwelt", "umwelt", "  UMWELT "])
def test_added_action_field_with_a_taken_name_is_refused(settings_service, council, name):
    with pytest.raises(ValidationError) as caught:
        settings_service.add_action_field(council.id, name, "#123456")

    assert "gibt es bereits" in caught.value.message
    assert [f.name for f in settings_service.action_fields(council.id)].count("Umwelt") == 1
    assert len(settings_service.action_fields(council.id)) == 4


def test_renaming_an_action_field_to_a_taken_name_is_refused(settings_service, council, fields):
    with pytest.raises(ValidationError) as caught:
        settings_service.update_action_field(replace(fields["Umwelt"], name="Soziale Stadt"))

    assert "Ein Handlungsfeld „Soziale Stadt“ gibt es bereits." in caught.value.message
    assert _stored(settings_service, council.id)[fields["Umwelt"].id].name == "Umwelt"


def test_same_field_name_is_allowed_in_another_council(settings_service, council):
    other = settings_service.create_council(CouncilSettings(id=None, name="Rat", city="Wismar"))

    added = settings_service.add_action_field(other.id, "Mobilität", "#123456")
    settings_service.add_action_field(council.id, "Mobilität", "#654321")

    assert added.name == "Mobilität"


def test_action_fields_can_be_reordered(settings_service, council, fields):
    order = [fields[n].id for n in ("Umwelt", "Stadtdaten", "Moderne Verwaltung", "Soziale Stadt")]

    returned = settings_service.reorder_action_fields(council.id, order)

    stored = settings_service.action_fields(council.id)
    assert [f.id for f in stored] == order
    assert [f.position for f in stored] == [0, 1, 2, 3]
    assert [f.id for f in returned] == order


def test_reordering_with_a_stale_list_of_fields_is_refused(settings_service, council, fields):
    settings_service.add_action_field(council.id, "Mobilität", "#123456")
    stale_order = [f.id for f in reversed(fields.values())]

    with pytest.raises(InUseError) as caught:
        settings_service.reorder_action_fields(council.id, stale_order)

    assert "inzwischen geändert" in caught.value.message
    assert settings_service.action_fields(council.id)[0].name == "Moderne Verwaltung"


def test_unused_action_field_can_be_deleted(settings_service, council, fields):
    settings_service.delete_action_field(fields["Umwelt"])

    assert [f.name for f in settings_service.action_fields(council.id)] == [
        "Moderne Verwaltung",
        "Soziale Stadt",
        "Stadtdaten",
    ]


def test_field_that_is_a_members_primary_field_cannot_be_deleted(
    settings_service, members_service, council, fields, new_member, today
):
    members_service.save(council.id, new_member(primary_field_id=fields["Umwelt"].id), today)

    with pytest.raises(InUseError) as caught:
        settings_service.delete_action_field(fields["Umwelt"])

    assert "Das Handlungsfeld „Umwelt“ wird noch verwendet (1 Mitglied)" in caught.value.message
    assert "anderen Handlungsfeld" in caught.value.message
    assert fields["Umwelt"].id in _stored(settings_service, council.id)


def test_field_that_is_a_members_further_field_cannot_be_deleted(
    settings_service, members_service, council, fields, new_member, today
):
    members_service.save(council.id, new_member(further_field_ids=(fields["Umwelt"].id,)), today)

    with pytest.raises(InUseError) as caught:
        settings_service.delete_action_field(fields["Umwelt"])

    assert "wird noch verwendet (1 Mitglied)" in caught.value.message
    assert fields["Umwelt"].id in _stored(settings_service, council.id)


def _add_project(database, council_id: int, field_id: int, title: str = "Datenplattform") -> int:
    with database.transaction() as session:
        project = models.Project(council_id=council_id, title=title, action_field_id=field_id)
        session.add(project)
        session.flush()
        return project.id


def test_field_of_a_project_cannot_be_deleted(database, settings_service, council, fields):
    _add_project(database, council.id, fields["Stadtdaten"].id)
    _add_project(database, council.id, fields["Stadtdaten"].id, "Sensorik")

    with pytest.raises(InUseError) as caught:
        settings_service.delete_action_field(fields["Stadtdaten"])

    assert "(2 Projekte)" in caught.value.message
    assert fields["Stadtdaten"].id in _stored(settings_service, council.id)


def test_field_of_a_recommendation_cannot_be_deleted(database, settings_service, council, fields):
    with database.transaction() as session:
        session.add(
            models.Recommendation(
                council_id=council.id,
                code="E-2026-01",
                title="Offene Schnittstellen",
                action_field_id=fields["Moderne Verwaltung"].id,
                adopted_on=date(2026, 3, 15),
            )
        )

    with pytest.raises(InUseError) as caught:
        settings_service.delete_action_field(fields["Moderne Verwaltung"])

    assert "(1 Empfehlung)" in caught.value.message


def test_in_use_message_counts_every_kind_of_use(
    database, settings_service, members_service, council, fields, new_member, today
):
    field = fields["Soziale Stadt"]
    members_service.save(council.id, new_member(primary_field_id=field.id), today)
    members_service.save(
        council.id, new_member("Ben", "Özdemir", further_field_ids=(field.id,)), today
    )
    _add_project(database, council.id, field.id)

    with pytest.raises(InUseError) as caught:
        settings_service.delete_action_field(field)

    assert "(2 Mitglieder, 1 Projekt)" in caught.value.message


def test_field_is_free_again_once_its_member_moved_on(
    settings_service, members_service, council, fields, new_member, today
):
    saved = members_service.save(
        council.id, new_member(primary_field_id=fields["Umwelt"].id), today
    )
    members_service.save(
        council.id, replace(saved, primary_field_id=fields["Stadtdaten"].id), today
    )

    settings_service.delete_action_field(fields["Umwelt"])

    assert fields["Umwelt"].id not in _stored(settings_service, council.id)


# --- the audit trail ---------------------------------------------------------------------------


def test_creating_a_council_is_audited_with_its_values(actor, database, council):
    entries = AuditService(database).entries("council", council.id)

    assert len(entries) == 1
    entry = entries[0]
    assert (entry.actor, entry.action) == (actor, AuditAction.CREATE)
    assert entry.before is None
    assert entry.after is not None
    assert entry.after["name"] == "Smart City Expert*innenrat"
    assert entry.after["city"] == "Rostock"
    assert "Smart City Expert*innenrat" in entry.summary


def test_settings_update_audits_only_the_changed_values(actor, database, settings_service, council):
    settings_service.update_settings(replace(council, name="Beirat", notice_period_days=14))

    entry = AuditService(database).entries("council", council.id)[-1]
    assert (entry.actor, entry.action) == (actor, AuditAction.UPDATE)
    assert entry.before is not None and entry.after is not None
    assert set(entry.before) == set(entry.after)
    assert set(entry.after) - {"version"} == {"name", "notice_period_days"}
    assert (entry.before["name"], entry.after["name"]) == ("Smart City Expert*innenrat", "Beirat")
    assert (entry.before["notice_period_days"], entry.after["notice_period_days"]) == (7, 14)


def test_logo_is_audited_as_its_size_and_hash_not_its_bytes(database, settings_service, council):
    logo = png()
    settings_service.update_settings(replace(council, logo_png=logo))

    entry = AuditService(database).entries("council", council.id)[-1]
    assert entry.before == {"logo_png": None, "version": 1}
    digest = hashlib.sha256(logo).hexdigest()[:16]
    assert entry.after == {"logo_png": f"<{len(logo)} Bytes, SHA-256 {digest}>", "version": 2}


@pytest.mark.parametrize(
    ("logo", "problem"),
    [
        (header_only_png(), "Das Logo ist kein lesbares PNG-Bild (beschädigt oder unvollständig)."),
        (truncated_png(), "Das Logo ist kein lesbares PNG-Bild (beschädigt oder unvollständig)."),
        (
            oversized_png(),
            "Das Logo ist mit 20.000 × 20.000 Pixeln zu groß (höchstens 4.000 Pixel je Seite).",
        ),
    ],
    ids=["header only", "cut in its data", "20000 px"],
)
def test_a_logo_that_cannot_be_drawn_is_refused_beside_the_logo_field(
    database, settings_service, council, logo, problem
):
    for save in (
        lambda: settings_service.update_settings(replace(council, logo_png=logo)),
        lambda: settings_service.create_council(
            CouncilSettings(id=None, name="Beirat", city="Wismar", logo_png=logo)
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            save()
        assert [(p.field, p.message) for p in refused.value.problems] == [("logo_png", problem)]
    assert settings_service.settings(council.id) == council
    assert len(settings_service.councils()) == 1


def test_a_stored_logo_from_before_the_check_does_not_block_other_settings(
    database, settings_service, council
):
    with database.transaction() as session:
        session.get(models.Council, council.id).logo_png = header_only_png()
    stored = settings_service.settings(council.id)

    saved = settings_service.update_settings(replace(stored, notice_period_days=12))

    assert saved.notice_period_days == 12 and saved.logo_png == header_only_png()


def test_adding_an_action_field_is_audited(actor, database, settings_service, council):
    added = settings_service.add_action_field(council.id, "Mobilität", "#ff8800")

    entry = AuditService(database).entries("action_field", added.id)[-1]
    assert (entry.actor, entry.action) == (actor, AuditAction.CREATE)
    assert entry.after is not None
    assert (entry.after["name"], entry.after["colour"]) == ("Mobilität", "#ff8800")
    assert "Mobilität" in entry.summary


def test_renaming_an_action_field_audits_old_and_new_name(
    actor, database, settings_service, fields
):
    field = fields["Stadtdaten"]

    settings_service.update_action_field(replace(field, name="Offene Daten"))

    entry = AuditService(database).entries("action_field", field.id)[-1]
    assert (entry.actor, entry.action) == (actor, AuditAction.UPDATE)
    assert entry.before == {"name": "Stadtdaten", "version": 1}
    assert entry.after == {"name": "Offene Daten", "version": 2}


def test_recolouring_an_action_field_audits_only_the_colour(database, settings_service, fields):
    field = fields["Umwelt"]

    settings_service.update_action_field(replace(field, colour="#00aa55"))

    entry = AuditService(database).entries("action_field", field.id)[-1]
    assert entry.before == {"colour": field.colour, "version": 1}
    assert entry.after == {"colour": "#00aa55", "version": 2}


def test_reordering_action_fields_is_audited_with_the_new_order(
    actor, database, settings_service, council, fields
):
    names = ["Umwelt", "Stadtdaten", "Soziale Stadt", "Moderne Verwaltung"]

    settings_service.reorder_action_fields(council.id, [fields[n].id for n in names])

    entry = AuditService(database).entries("action_field")[-1]
    assert (entry.actor, entry.action) == (actor, AuditAction.UPDATE)
    assert entry.after == {"order": names}
    assert "Reihenfolge" in entry.summary


def test_deleting_an_action_field_is_audited_with_its_last_values(
    actor, database, settings_service, fields
):
    field = fields["Umwelt"]

    settings_service.delete_action_field(field)

    entry = AuditService(database).entries("action_field", field.id)[-1]
    assert (entry.actor, entry.action) == (actor, AuditAction.DELETE)
    assert entry.after is None
    assert entry.before is not None
    assert (entry.before["name"], entry.before["colour"]) == ("Umwelt", field.colour)


def test_refused_change_leaves_no_audit_entry(
    database, settings_service, members_service, council, fields, new_member, today
):
    members_service.save(council.id, new_member(primary_field_id=fields["Umwelt"].id), today)
    audit = AuditService(database)
    count = len(audit.entries())

    with pytest.raises(InUseError):
        settings_service.delete_action_field(fields["Umwelt"])
    with pytest.raises(ValidationError):
        settings_service.update_settings(replace(council, name=""))

    assert len(audit.entries()) == count


def test_a_logo_saved_through_the_service_is_stored_scaled_down_as_a_chosen_one(
    settings_service, council
):
    """The service is the one place that fits a logo (before, only the chooser of
    Einstellungen and the settings file scaled it, and a script's was stored whole)."""
    updated = settings_service.update_settings(replace(council, logo_png=png(1800, 600)))
    created = settings_service.create_council(
        CouncilSettings(id=None, name="Beirat", city="Wismar", logo_png=png(300, 900))
    )

    for stored, size in ((updated.logo_png, (600, 200)), (created.logo_png, (200, 600))):
        assert Image.open(io.BytesIO(stored)).size == size
    assert settings_service.settings(council.id).logo_png == updated.logo_png
    small = png(60, 20)
    assert settings_service.update_settings(replace(updated, logo_png=small)).logo_png == small
