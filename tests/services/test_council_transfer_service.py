"""The transfer kit's service: export, preview, apply in one transaction, new council."""

from __future__ import annotations

import base64
import io
import json
from dataclasses import replace

import pytest
from logo_images import header_only_png, oversized_png, png
from PIL import Image
from sqlalchemy import func, select

from expertenrat.domain.agenda_templates import STANDARD_TEMPLATES, AgendaTemplate
from expertenrat.domain.council_transfer_format import SettingsFileError
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.errors import ConcurrentEditError, ValidationError
from expertenrat.domain.text_templates import TextTemplate
from expertenrat.services.agenda_templates import AgendaTemplatesService
from expertenrat.services.council_transfer import CouncilTransferService
from expertenrat.services.text_templates import TextTemplatesService
from expertenrat.store import models

PNG = png()
sqlite_only = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


@pytest.fixture
def transfer(database, actor) -> CouncilTransferService:
    return CouncilTransferService(database, actor)


@pytest.fixture
def rostock(settings_service, database, actor, council) -> CouncilSettings:
    """Rostock's council, set up by hand: profile (with the secretariat's e-mail address),
    logo, a fifth field, a phrase and an agenda template of its own."""
    settings = settings_service.update_settings(
        replace(
            council, short_name="SCER", logo_png=PNG, min_members=7, notice_period_days=9,
            website="https://www.rostock.de/smartcity", secretariat="Geschäftsstelle & <Amt 10>",
            objection_period_days=10, secretariat_email="smartcity@rostock.de",
        )
    )  # fmt: skip
    settings_service.add_action_field(council.id, "Mobilität 🚲", "#ff8800")
    TextTemplatesService(database, actor).add(
        council.id, TextTemplate(None, "Dank", "Der Rat dankt „allen“ & <jedem>.")
    )
    AgendaTemplatesService(database, actor).add(
        council.id, AgendaTemplate("Vergaben „Hafen“ & <Kita> 🚢", AgendaItemKind.CONSULTATION,
                                   public=False, planned_minutes=25),
    )  # fmt: skip
    return settings


def _agenda(template) -> list[tuple]:
    return [(t.title, t.kind, t.public, t.planned_minutes) for t in template.agenda_templates]


def _format_1(data: bytes) -> bytes:
    """``data`` as the previous program version would have written it."""
    document = json.loads(data)
    del document["agendaTemplates"]
    del document["council"]["secretariatEmail"]  # a setting of format 2
    return json.dumps({**document, "formatVersion": 1}).encode("utf-8")


def test_settings_travel_from_one_council_to_another(transfer, settings_service, rostock):
    wismar = settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Wismar")
    )
    data = transfer.export(rostock.id)

    preview = transfer.preview(wismar.id, transfer.read(data))
    transfer.apply(preview)

    source, copy = transfer.template(rostock.id), transfer.template(wismar.id)
    ignore = {"id": None, "version": 0}
    assert replace(copy.settings, **ignore) == replace(source.settings, **ignore)
    assert [(f.name, f.colour) for f in copy.action_fields] == [
        (f.name, f.colour) for f in source.action_fields
    ]
    assert [(t.label, t.text) for t in copy.text_templates] == [
        (t.label, t.text) for t in source.text_templates
    ]
    assert _agenda(copy) == _agenda(source)
    assert _agenda(copy)[-1] == ("Vergaben „Hafen“ & <Kita> 🚢", AgendaItemKind.CONSULTATION,
                                 False, 25)  # fmt: skip
    assert {d.name for d in preview.differences} >= {
        "name", "logo_png", "text_templates", "agenda_templates", "secretariat_email",
    }  # fmt: skip
    assert "„Dank“" in preview.phrase_changes()
    assert preview.agenda_template_changes() == (
        "1 Vorlage für Tagesordnungspunkte kommt hinzu: „Vergaben „Hafen“ & <Kita> 🚢“."
    )
    assert transfer.preview(wismar.id, transfer.read(data)).differences == ()


@sqlite_only
def test_a_field_in_use_stays_and_unused_ones_go(
    transfer, settings_service, rostock, members_service, new_member, today
):
    members_service.save(rostock.id, new_member(), today)  # uses "Stadtdaten"
    incoming = transfer.read(transfer.export(rostock.id))
    incoming = replace(incoming, action_fields=incoming.action_fields[:1])

    preview = transfer.preview(rostock.id, incoming)
    transfer.apply(preview)

    assert preview.kept_fields == ("Stadtdaten",)
    assert "Handlungsfeld „Stadtdaten“ bleibt, weil es verwendet wird." in preview.lines()
    names = [f.name for f in settings_service.action_fields(rostock.id)]
    assert names == ["Moderne Verwaltung", "Stadtdaten"]


@sqlite_only
def test_names_with_spaces_around_are_the_councils_own(
    transfer, settings_service, rostock, members_service, new_member, today
):
    """A file edited by hand: "STADTDATEN " is the council's "Stadtdaten" (in use), " Dank"
    its phrase. Before, the preview kept "Stadtdaten" beside a new field, and the import
    then refused: "Ein Handlungsfeld „Stadtdaten“ gibt es bereits"."""
    members_service.save(rostock.id, new_member(), today)  # uses "Stadtdaten"
    document = json.loads(transfer.export(rostock.id))
    document["council"]["name"] = f"  {document['council']['name']} "
    document["actionFields"] = [{"name": "STADTDATEN ", "colour": "#000000"}]
    for phrase in document["textTemplates"]:
        phrase["label"] = f" {phrase['label']}"

    preview = transfer.preview(rostock.id, transfer.read(json.dumps(document).encode()))
    transfer.apply(preview)

    assert preview.kept_fields == ()
    assert {d.name for d in preview.differences} == {"action_fields"}
    fields = settings_service.action_fields(rostock.id)
    assert [(f.name, f.colour) for f in fields] == [("STADTDATEN", "#000000")]


@sqlite_only
def test_only_the_chosen_parts_are_applied(transfer, settings_service, rostock):
    wismar = settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Wismar")
    )
    preview = transfer.preview(wismar.id, transfer.read(transfer.export(rostock.id)))

    transfer.apply(preview, {"website", "action_fields"})

    after = transfer.template(wismar.id)
    assert (after.settings.name, after.settings.website) == (
        "Digitalbeirat", "https://www.rostock.de/smartcity",
    )  # fmt: skip
    assert len(after.action_fields) == 5
    assert "Dank" not in [t.label for t in after.text_templates]


@sqlite_only
def test_a_council_changed_since_the_preview_is_not_touched(
    transfer, settings_service, rostock, database
):
    incoming = transfer.template(rostock.id)
    incoming = replace(incoming, settings=replace(incoming.settings, city="Kiel"))
    preview = transfer.preview(rostock.id, incoming)
    settings_service.update_settings(replace(rostock, name="Umbenannt"))

    with pytest.raises(ConcurrentEditError):
        transfer.apply(preview)

    assert settings_service.settings(rostock.id).city == "Rostock"


@sqlite_only
def test_a_new_council_from_a_file_copies_nothing_personal(
    transfer, settings_service, rostock, members_service, new_member, database, today
):
    members_service.save(rostock.id, new_member(email="anna@example.org"), today)
    data = transfer.export(rostock.id)

    created = transfer.create_council(transfer.read(data))

    assert b"anna" not in data.lower() and b"Berg" not in data
    copy = transfer.template(created)
    assert copy.settings.name == rostock.name and len(copy.action_fields) == 5
    # The mailbox its mail is sent from is the new council's to set (Rostock's in the file).
    assert b"smartcity@rostock.de" in data and copy.settings.secretariat_email == ""
    assert copy.settings.secretariat == rostock.secretariat  # shown in every letter
    assert members_service.members(created) == []
    with database.reading() as session:
        people = session.scalar(select(func.count()).select_from(models.Person))
    assert people == 1
    assert TextTemplatesService(database, "x").templates(created)[-1].label == "Dank"
    assert _agenda(copy) == _agenda(transfer.template(rostock.id))  # the file's, not seeded
    assert len(copy.agenda_templates) == len(STANDARD_TEMPLATES) + 1


@sqlite_only
def test_a_refused_file_changes_nothing(transfer, rostock):
    before = transfer.template(rostock.id)
    bad = transfer.export(rostock.id).replace(b'"Rostock"', b'"Ros\\u0000tock"')

    with pytest.raises(SettingsFileError, match="Die Stadt enthält ein unsichtbares"):
        transfer.read(bad)

    assert transfer.template(rostock.id) == before


def test_a_colour_with_a_line_break_after_it_is_refused(transfer, rostock, settings_service):
    """(found by a tester) "#1f77b4\\n" passed both checks ("$" of a pattern matches before
    a final line break): SQLite stored eight characters in the seven of the column, which no
    colour picker reads, and PostgreSQL refused the value with the database's error."""
    before = transfer.template(rostock.id)
    bad = transfer.export(rostock.id).replace(b'"#ff8800"', b'"#ff8800\\n"')

    with pytest.raises(SettingsFileError, match="Handlungsfeld 5: Die Farbe muss als #RRGGBB"):
        transfer.read(bad)
    with pytest.raises(ValidationError, match="Die Farbe muss als #RRGGBB angegeben werden"):
        settings_service.add_action_field(rostock.id, "Hafen", "#ff8800\n")

    assert transfer.template(rostock.id) == before


@pytest.mark.parametrize(
    ("logo", "problem"),
    [
        (header_only_png(), "kein lesbares PNG-Bild (beschädigt oder unvollständig)."),
        (oversized_png(), "mit 20.000 × 20.000 Pixeln zu groß (höchstens 4.000 Pixel je Seite)."),
    ],
    ids=["cut after its header", "20000 px"],
)
def test_a_logo_that_cannot_be_drawn_is_refused_when_read(transfer, rostock, logo, problem):
    document = json.loads(transfer.export(rostock.id))
    document["council"]["logoPng"] = base64.b64encode(logo).decode("ascii")

    with pytest.raises(SettingsFileError) as refused:
        transfer.read(json.dumps(document).encode("utf-8"))

    assert refused.value.message == f"Das Logo in der Einstellungsdatei ist {problem}"
    incoming = transfer.read(transfer.export(rostock.id))  # what read() lets through, apply
    preview = transfer.preview(rostock.id, replace(  # checks again
        incoming, settings=replace(incoming.settings, logo_png=logo)))  # fmt: skip
    with pytest.raises(ValidationError, match=f"Das Logo ist {problem[:20]}"):
        transfer.apply(preview)
    assert transfer.template(rostock.id).settings.logo_png == PNG


@sqlite_only
def test_a_format_1_file_leaves_the_agenda_templates_and_a_new_council_gets_the_standard(
    transfer, settings_service, rostock, database
):
    wismar = settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Wismar")
    )
    templates = AgendaTemplatesService(database, "x")
    templates.add(wismar.id, AgendaTemplate("Eigener Punkt", AgendaItemKind.REPORT))
    before = transfer.template(wismar.id).agenda_templates
    old_file = transfer.read(_format_1(transfer.export(rostock.id)))

    preview = transfer.preview(wismar.id, old_file)
    transfer.apply(preview)
    created = transfer.create_council(old_file)

    assert "agenda_templates" not in {d.name for d in preview.differences}
    assert preview.agenda_template_changes() == ""
    assert transfer.template(wismar.id).agenda_templates == before
    assert transfer.template(wismar.id).settings.city == "Rostock"
    assert [t.title for t in templates.templates(created)] == [t.title for t in STANDARD_TEMPLATES]


@sqlite_only
def test_a_large_logo_in_a_file_is_stored_scaled_as_a_chosen_one_is(
    transfer, settings_service, rostock
):
    """A settings file's logo of up to 4,000 pixels was stored as it was, while one chosen in
    Einstellungen is scaled down to 600 pixels a side."""
    document = json.loads(transfer.export(rostock.id))
    document["council"]["logoPng"] = base64.b64encode(png(3000, 750)).decode("ascii")
    data = json.dumps(document).encode("utf-8")

    preview = transfer.preview(rostock.id, transfer.read(data))
    transfer.apply(preview)
    created = transfer.create_council(transfer.read(data))

    for council_id in (rostock.id, created):
        with Image.open(io.BytesIO(settings_service.settings(council_id).logo_png)) as stored:
            assert stored.format == "PNG" and stored.size == (600, 150)
            assert stored.convert("RGB").getpixel((300, 75)) == (31, 78, 121)


def test_a_logo_no_larger_than_600_pixels_is_kept_byte_for_byte(transfer, rostock):
    logo = png(600, 200)
    document = json.loads(transfer.export(rostock.id))
    document["council"]["logoPng"] = base64.b64encode(logo).decode("ascii")

    assert transfer.read(json.dumps(document).encode("utf-8")).settings.logo_png == logo


def test_the_role_titles_travel_to_another_council_and_into_a_new_one(
    transfer, settings_service, council
):
    """(found by a tester) The titles of chair and vice chair are settings of the council
    and go with the settings file, into an existing council and into a new one."""
    titled = settings_service.update_settings(
        replace(council, chair_title="Sprecher*in 🙂", vice_chair_title="Stellv. & <Co> \"'")
    )
    wismar = settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Wismar")
    )
    data = transfer.export(titled.id)

    preview = transfer.preview(wismar.id, transfer.read(data))
    assert {"chair_title", "vice_chair_title"} <= {d.name for d in preview.differences}
    transfer.apply(preview)
    new_id = transfer.create_council(transfer.read(data))

    for council_id in (wismar.id, new_id):
        got = settings_service.settings(council_id)
        assert (got.chair_title, got.vice_chair_title) == ("Sprecher*in 🙂", "Stellv. & <Co> \"'")


def test_a_chair_title_taken_from_a_file_renames_the_chair_in_the_own_phrases(
    transfer, settings_service, database, actor, council
):
    titled = settings_service.update_settings(replace(council, chair_title="Sprecher*in"))
    wismar = settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Wismar")
    )
    preview = transfer.preview(wismar.id, transfer.read(transfer.export(titled.id)))

    transfer.apply(preview, {"chair_title"})  # the title, not the phrases

    texts = {p.label: p.text for p in TextTemplatesService(database, actor).templates(wismar.id)}
    assert texts["Eröffnung"].startswith("Die/Der Sprecher*in eröffnet die Sitzung")
    assert texts["Kenntnisnahme"] == "Der Digitalbeirat nimmt den Bericht zur Kenntnis."


def test_a_kind_taken_from_a_file_renames_the_council_in_the_own_phrases(
    transfer, settings_service, database, actor, council
):
    kind = settings_service.update_settings(replace(council, classification="Bürgerrat"))
    heads = settings_service.create_council(
        CouncilSettings(id=None, name="Smarte Köpfe", city="Wismar", classification="Gremium")
    )
    preview = transfer.preview(heads.id, transfer.read(transfer.export(kind.id)))

    transfer.apply(preview, {"classification"})  # the kind, not the phrases

    texts = {p.label: p.text for p in TextTemplatesService(database, actor).templates(heads.id)}
    assert texts["Kenntnisnahme"] == "Der Bürgerrat nimmt den Bericht zur Kenntnis."


def test_phrases_taken_from_a_file_name_this_council_not_the_file_s(
    transfer, settings_service, database, actor, rostock
):
    """Another city taking Rostock's Textbausteine (not its name) got phrases naming
    Rostock's council and chair in its own minutes, 'Der Expert*innenrat nimmt den Bericht
    zur Kenntnis.' in a Digitalbeirat (found by a tester): they name this council's words
    now, as its own phrases follow a change of its name; the rest stays as written."""
    wismar = settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Wismar", chair_title="Sprecher*in")
    )
    preview = transfer.preview(wismar.id, transfer.read(transfer.export(rostock.id)))

    transfer.apply(preview, {"text_templates"})

    texts = {p.label: p.text for p in TextTemplatesService(database, actor).templates(wismar.id)}
    assert texts["Kenntnisnahme"] == "Der Digitalbeirat nimmt den Bericht zur Kenntnis."
    assert texts["Eröffnung"].startswith("Die/Der Sprecher*in eröffnet die Sitzung")
    assert texts["Dank"] == "Der Rat dankt „allen“ & <jedem>."
    assert settings_service.settings(wismar.id).name == "Digitalbeirat"


def test_the_preview_names_no_phrase_that_the_import_words_as_before(
    transfer, settings_service, rostock
):
    """Rostock's file in Lübeck's Einstellungen said "6 Textbausteine erhalten einen neuen
    Text" (and the CLI "Textbausteine: 10: … -> 10: …"), though the import names Lübeck's
    council and chair in them again, word for word as before (found by a tester): the
    preview compares the file's phrases as the import words them."""
    luebeck = settings_service.create_council(
        CouncilSettings(
            id=None, name="Digitalbeirat der Hansestadt Lübeck", city="Lübeck",
            chair_title="Sprecher*in",
        )
    )  # fmt: skip
    preview = transfer.preview(luebeck.id, transfer.read(transfer.export(rostock.id)))

    assert preview.phrase_changes() == "1 Textbaustein kommt hinzu: „Dank“."

    rostock_as_filed = transfer.read(transfer.export(rostock.id))
    without_dank = replace(
        rostock_as_filed,
        text_templates=tuple(t for t in rostock_as_filed.text_templates if t.label != "Dank"),
    )
    preview = transfer.preview(luebeck.id, without_dank)

    assert "text_templates" not in {d.name for d in preview.differences}
    assert not any("Textbaustein" in line for line in preview.lines())
