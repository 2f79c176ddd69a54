"""The council settings file: written, read back, checked against its schema, refused."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from expertenrat.domain.agenda import MAX_PLANNED_MINUTES
from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.council_transfer import (
    read_settings_file,
    settings_document,
    suggested_file_name,
)
from expertenrat.domain.council_transfer_differences import chosen_template, template_differences
from expertenrat.domain.council_transfer_format import (
    FORMAT_VERSION,
    CouncilTemplate,
    SettingsFileError,
)
from expertenrat.domain.council_transfer_preview import TransferPreview, difference_texts
from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.enums import AgendaItemKind, MinutesApproval, MinutesStyle, QuorumRule
from expertenrat.domain.field_limits import (
    ACTION_FIELD_NAME,
    AGENDA_ITEM,
    COUNCIL,
    TEXT_TEMPLATE,
)
from expertenrat.domain.text_templates import TextTemplate
from expertenrat.services.council_transfer import settings_schema

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
WISMAR = CouncilTemplate(
    CouncilSettings(
        id=None,
        name="Digital-Beirat „Wismar“ & <Co> 🚲",
        city="Hansestadt Wismar",
        short_name="DBW",
        logo_png=PNG,
        min_members=5,
        max_members=12,
        quorum_rule=QuorumRule.TWO_THIRDS,
        notice_period_days=10,
        response_period_months=3,
        minutes_style=MinutesStyle.COURSE,
        minutes_approval=MinutesApproval.OBJECTIONS,
        objection_period_days=21,
        bundesland="DE-MV",
        time_zone="Europe/Berlin",
        website="https://www.wismar.de/digital?a=1&b=2",
        classification="Beirat",
        secretariat='Geschäftsstelle "Digitales" – Zimmer 2.07',
    ),
    (
        ActionField(None, "Mobilität & Hafen", "#ff8800", 0),
        ActionField(None, "Bildung", "#0055aa", 1),
    ),
    (TextTemplate(None, "Kenntnis", "Der Beirat nimmt\nden Bericht zur Kenntnis. 👍", 0),),
    (
        AgendaTemplate("Bericht „Hafen“ & <Stadt> 🚢", AgendaItemKind.REPORT, True, 15),
        AgendaTemplate("Vergaben", AgendaItemKind.CONSULTATION, False, 0),
    ),
)
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def _read(document: bytes | dict) -> CouncilTemplate:
    if isinstance(document, dict):
        document = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return read_settings_file(document, settings_schema)


def _document(**council) -> dict:
    document = json.loads(settings_document(WISMAR, NOW, "Expertenrat test"))
    document["council"].update(council)
    return document


def test_a_written_file_reads_back_as_the_same_template():
    data = settings_document(WISMAR, NOW, "Expertenrat test")

    assert _read(data) == WISMAR
    assert "„Wismar“ & <Co> 🚲" in data.decode("utf-8")  # umlauts and emoji as they are


def test_the_file_has_no_place_for_personal_data():
    document = json.loads(settings_document(WISMAR, NOW, "x"))
    keys = set(document) | set(document["council"])

    assert keys.isdisjoint({"members", "persons", "email", "phone", "meetings"})
    assert settings_schema()["additionalProperties"] is False
    with pytest.raises(SettingsFileError, match="Unbekannte Angabe „members“"):
        _read({**document, "members": [{"given_name": "Anna", "email": "a@b.de"}]})
    # "Angabe(n)" before (found by review)
    with pytest.raises(SettingsFileError, match="Unbekannte Angaben „email“, „members“"):
        _read({**document, "members": [], "email": "a@b.de"})


def test_the_schemas_say_the_file_names_the_secretariat():
    """The Geschäftsstelle (who signs) and its e-mail address can name a person: the
    schemas no longer claim the file holds no personal data."""
    for version, named in ((1, "Geschäftsstelle"), (2, "ihre E-Mail-Adresse")):
        description = settings_schema(version)["description"]

        assert "keine personenbezogenen Daten" not in description
        assert "keine Mitgliederdaten, aber die Geschäftsstelle" in description
        assert named in description


def test_the_schema_knows_the_programs_limits_and_choices():
    council = settings_schema()["properties"]["council"]["properties"]
    lists = settings_schema()["properties"]

    for name, key in (("name", "name"), ("short_name", "shortName"), ("city", "city"),
                      ("website", "website"), ("classification", "classification"),
                      ("secretariat", "secretariat")):  # fmt: skip
        assert council[key]["maxLength"] == COUNCIL[name].max_length
    field = lists["actionFields"]["items"]["properties"]
    phrase = lists["textTemplates"]["items"]["properties"]
    agenda = lists["agendaTemplates"]["items"]["properties"]
    assert field["name"]["maxLength"] == ACTION_FIELD_NAME.max_length
    assert phrase["label"]["maxLength"] == TEXT_TEMPLATE["label"].max_length
    assert phrase["text"]["maxLength"] == TEXT_TEMPLATE["text"].max_length
    assert agenda["title"]["maxLength"] == AGENDA_ITEM["title"].max_length
    assert agenda["plannedMinutes"]["maximum"] == MAX_PLANNED_MINUTES
    assert agenda["kind"]["enum"] == [k.value for k in AgendaItemKind]
    assert council["quorumRule"]["enum"] == [r.value for r in QuorumRule]
    assert council["minutesStyle"]["enum"] == [s.value for s in MinutesStyle]
    assert council["minutesApproval"]["enum"] == [a.value for a in MinutesApproval]
    assert lists["formatVersion"]["const"] == FORMAT_VERSION


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"format": "expertenrat-council-settings",', "kein gültiges JSON \\(Zeile 1"),
        (b"\xff\xfe\x00garbage", "keine Textdatei in UTF-8"),
        (b'{"format": "expertenrat-council-settings", "n": NaN}', "JSON: „NaN“ ist keine Zahl"),
        (b"[1, 2]", "keine Einstellungsdatei von Expertenrat"),
        (b'{"format": "ical"}', "keine Einstellungsdatei von Expertenrat"),
        (b"", "kein gültiges JSON"),
    ],
)
def test_unreadable_files_are_refused(data, message):
    with pytest.raises(SettingsFileError, match=message):
        _read(data)


@pytest.mark.parametrize(
    "data",
    [
        '{"format": "expertenrat-council-settings", "name": "Expertenrat Größe"}'.encode("cp1252"),
        '{"format": "expertenrat-council-settings", "name": "Größe"}'.encode("utf-16"),
    ],
)
def test_a_file_saved_in_another_encoding_says_how_to_save_it_as_utf8(data):
    """(found by a tester) A settings file edited in Windows Notepad and saved as "ANSI"
    was refused as "keine Textdatei in UTF-8" without saying what to do."""
    with pytest.raises(SettingsFileError) as raised:
        _read(data)
    assert raised.value.message.startswith("Die Datei ist keine Textdatei in UTF-8: sie wurde")
    assert "„Speichern unter …“, stellen Sie unten „Codierung“ auf „UTF-8“" in raised.value.message


def test_a_binary_file_is_not_told_to_be_saved_again_in_utf8():
    with pytest.raises(SettingsFileError) as raised:
        _read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xc3")
    assert raised.value.message == (
        "Die Datei ist keine Textdatei in UTF-8 und damit keine Einstellungsdatei."
    )


@pytest.mark.parametrize(
    ("data", "message", "detail"),
    [
        (
            b'{"n": ' + b"1" * 5000 + b"}",
            "Die Datei ist kein gültiges JSON.",
            "Exceeds the limit (4300 digits)",
        ),
        (
            b"[" * 100_000 + b"]" * 100_000,
            "Die Datei ist keine lesbare Einstellungsdatei: ihr JSON ist zu tief verschachtelt "
            "(Listen oder Objekte in Hunderten Ebenen ineinander).",
            "maximum recursion depth exceeded",
        ),
    ],
)
def test_json_python_cannot_read_is_refused_in_german_with_its_words_as_the_detail(
    data, message, detail
):
    with pytest.raises(SettingsFileError) as raised:
        _read(data)
    assert raised.value.message == message
    assert raised.value.detail.startswith(detail)


def test_a_file_cut_off_says_it_is_incomplete():
    """(found by a tester) A settings file copied only in part was refused with "Die Datei
    ist kein gültiges JSON (Zeile 26, Spalte 4)", which tells a secretariat nothing."""
    whole = json.dumps(_document(), ensure_ascii=False, indent=2).encode("utf-8")

    with pytest.raises(SettingsFileError) as raised:
        _read(whole[:700] + b"\n")

    assert "sie endet mitten im Inhalt, ist also unvollständig" in raised.value.message
    assert "bitte exportieren Sie die Einstellungen noch einmal" in raised.value.message
    with pytest.raises(SettingsFileError, match=r"^Die Datei ist leer und damit kein gültiges"):
        _read(b" \n")
    with pytest.raises(SettingsFileError, match=r"kein gültiges JSON \(Zeile 1, Spalte 2\)"):
        _read(b"{x}")  # broken inside: as before


def test_a_file_of_a_newer_format_is_refused():
    with pytest.raises(SettingsFileError, match="Format 3 einer neueren Programmversion"):
        _read({**_document(), "formatVersion": 3, "somethingNew": True})


@pytest.mark.parametrize("version", [0, -1])
def test_a_format_older_than_any_is_refused_by_what_is_read(version):
    """(found by a tester) Format 0 was refused with "„formatVersion“ muss „2“ sein", though
    this program reads format 1 files too."""
    with pytest.raises(SettingsFileError) as raised:
        _read({**_document(), "formatVersion": version})
    assert raised.value.message == (
        f"Die Einstellungsdatei hat das Format {version}, das es nie gab; dieses Programm "
        "liest die Formate 1 und 2. Die Datei ist beschädigt oder stammt nicht von Expertenrat."
    )


def test_a_format_1_file_reads_without_agenda_templates():
    document = _document()
    del document["agendaTemplates"]

    template = _read({**document, "formatVersion": 1})

    assert template.agenda_templates is None
    assert template == replace(WISMAR, agenda_templates=None)
    assert not any(d.name == "agenda_templates" for d in template_differences(WISMAR, template))
    with pytest.raises(SettingsFileError, match="Es fehlt die Angabe „agendaTemplates“"):
        _read(document)  # format 2 needs them
    with pytest.raises(SettingsFileError, match="Unbekannte Angabe „agendaTemplates“"):
        _read({**_document(), "formatVersion": 1})  # format 1 has no place for them


@pytest.mark.parametrize(
    ("council", "message"),
    [
        ({"minMembers": "acht"}, "„Mindestzahl Mitglieder“ hat die falsche Art"),
        ({"name": "N" * 201}, "„Name des Gremiums“ ist zu lang \\(201 Zeichen, höchstens 200\\)"),
        ({"quorumRule": "all"}, "„Beschlussfähig bei“ „all“ ist nicht möglich"),
        ({"noticePeriodDays": 400}, "„Ladungsfrist“ darf höchstens 365 Tage sein"),
        ({"responsePeriodMonths": 25}, "„Frist für Stellungnahmen“ darf höchstens 24 Monate sein"),
        ({"website": "ftp://x"}, "„Website“ hat nicht die erwartete Form"),
        ({"city": ""}, "„Stadt“ darf nicht leer sein"),
    ],
)
def test_schema_violations_are_refused_with_the_place(council, message):
    with pytest.raises(SettingsFileError, match="entspricht nicht dem Format: .*" + message):
        _read(_document(**council))


def test_a_missing_part_is_named():
    document = _document()
    del document["actionFields"]
    with pytest.raises(SettingsFileError, match="Es fehlt die Angabe „actionFields“"):
        _read(document)


def test_every_missing_part_is_named_once():
    bare = {"format": "expertenrat-council-settings", "formatVersion": 2}
    with pytest.raises(SettingsFileError) as raised:
        _read(bare)
    assert raised.value.message == (
        "Die Einstellungsdatei entspricht nicht dem Format: Es fehlen die Angaben „council“, "
        "„actionFields“, „textTemplates“ und „agendaTemplates“."
    )
    document = _document()
    del document["council"]["name"], document["council"]["city"]
    document["actionFields"][0] = {}
    with pytest.raises(SettingsFileError) as raised:
        _read(document)
    assert raised.value.message == (
        "Die Einstellungsdatei entspricht nicht dem Format: In Handlungsfeld 1 fehlen die "
        "Angaben „name“ und „colour“; In „council“ fehlen die Angaben „name“ und „city“."
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "Beirat\u202eX"}, "Der Name des Gremiums enthält ein unsichtbares"),
        ({"city": "Wis\x00mar"}, "Die Stadt enthält ein unsichtbares Steuerzeichen"),
        ({"secretariat": "Zeile 1\nZeile 2"}, "Die Geschäftsstelle muss in einer Zeile"),
        ({"minMembers": 9, "maxMembers": 8}, "Höchstzahl der Mitglieder darf nicht kleiner"),
        ({"timeZone": "Mars/Olympus"}, "Die Zeitzone „Mars/Olympus“ ist unbekannt"),
        # a folder of the zone data: "„…json“ kann nicht gelesen werden: Das ist ein Ordner"
        ({"timeZone": "Europe"}, "Die Zeitzone „Europe“ ist unbekannt"),
        ({"bundesland": "DE-XX"}, "„DE-XX“ ist kein Bundesland-Kürzel"),
        ({"logoPng": "bm90IGEgcG5n"}, "Das Logo in der Einstellungsdatei ist kein PNG-Bild"),
        ({"logoPng": "%%%"}, "kein gültiges Base64"),
    ],
)
def test_hostile_or_inconsistent_values_are_refused(change, message):
    with pytest.raises(SettingsFileError, match=message):
        _read(_document(**change))


def test_duplicate_action_fields_and_hostile_phrases_are_refused_by_number():
    document = _document()
    document["actionFields"].append({"name": "bildung", "colour": "#123456"})
    document["textTemplates"].append({"label": "Gut", "text": "Text\x1b[31m"})

    with pytest.raises(SettingsFileError) as refused:
        _read(document)

    assert "Handlungsfeld 3: Ein Handlungsfeld „bildung“ gibt es bereits." in str(refused.value)
    assert "Textbaustein 2: Der Textbaustein enthält ein unsichtbares" in str(refused.value)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"title": "Bericht\u202e"}, "Vorlage für Tagesordnungspunkte 3: Der Titel des Punkts "
                                     "enthält ein unsichtbares"),
        ({"title": "   "}, "Vorlage für Tagesordnungspunkte 3: Bitte geben Sie einen Titel"),
        ({"title": "T" * 2001}, "Vorlage für Tagesordnungspunkte 3, „title“ ist zu lang"),
        ({"kind": "party"}, "Vorlage für Tagesordnungspunkte 3, „kind“ „party“ ist nicht"),
        ({"public": "ja"}, "„public“ hat die falsche Art \\(erwartet: true oder false\\)"),
        ({"plannedMinutes": 601}, "„plannedMinutes“ darf höchstens 600 sein"),
    ],
)  # fmt: skip
def test_hostile_agenda_templates_are_refused_by_number(entry, message):
    document = _document()
    good = {"title": "Gut", "kind": "report", "public": True, "plannedMinutes": 5}
    document["agendaTemplates"].append({**good, **entry})

    with pytest.raises(SettingsFileError, match=message):
        _read(document)


def test_differences_name_each_changed_part_and_a_choice_takes_only_those():
    current = CouncilTemplate(
        CouncilSettings(id=7, name="Expert*innenrat", city="Rostock", version=3),
        (ActionField(1, "Bildung", "#0055AA", 0),),
    )

    found = {d.name: (d.mine, d.theirs) for d in template_differences(current, WISMAR)}
    chosen = chosen_template(current, WISMAR, {"city", "action_fields"})

    assert found["city"] == ("Rostock", "Hansestadt Wismar")
    assert found["action_fields"][1] == (("Mobilität & Hafen", "#ff8800"), ("Bildung", "#0055aa"))
    assert "text_templates" in found and "time_zone" not in found
    assert found["agenda_templates"] == (None, _agenda_rows(WISMAR))
    assert (chosen.settings.id, chosen.settings.version) == (7, 3)
    assert (chosen.settings.name, chosen.settings.city) == ("Expert*innenrat", "Hansestadt Wismar")
    assert chosen.action_fields == WISMAR.action_fields and chosen.text_templates == ()
    assert chosen.agenda_templates is None


def test_another_citys_name_logo_website_mailbox_and_fields_are_not_proposed():
    """(found by a tester) Rostock's file imported into Leipzig's council proposed Rostock's
    name, website, signature, mailbox and action fields: 'Auswahl übernehmen' sent Leipzig's
    invitations from and to smartcity@rostock.de. Its practice is proposed; from the same
    city, all."""
    leipzig = CouncilSettings(
        id=1, name="Digitalbeirat der Stadt Leipzig", city="Leipzig", notice_period_days=7,
        website="https://www.leipzig.de/digitalbeirat", secretariat_email="db@leipzig.de",
    )  # fmt: skip
    rostock = replace(
        leipzig, name="Expert*innenrat", city="Rostock", notice_period_days=14, logo_png=b"png",
        website="https://www.rostock.de/smartcity", secretariat="Geschäftsstelle Rostock",
        secretariat_email="smartcity@rostock.de",
    )  # fmt: skip

    mobility = (ActionField(None, "Mobilität", "#d62728", 0),)

    def proposed(incoming: CouncilSettings) -> set[str]:
        current = CouncilTemplate(leipzig, (ActionField(1, "Bildung", "#1f77b4", 0),))
        found = template_differences(current, CouncilTemplate(incoming, mobility))
        return {d.name for d in found if d.take_theirs}

    assert proposed(rostock) == {"notice_period_days"}
    assert proposed(replace(rostock, city="leipzig")) == {
        "name", "city", "notice_period_days", "logo_png", "website", "secretariat",
        "secretariat_email", "action_fields",
    }  # fmt: skip


def test_the_land_is_named_as_the_settings_list_it():
    """(found by a tester) The preview read 'Bundesland: DE-SN -> DE-MV'."""
    current = CouncilTemplate(CouncilSettings(id=1, name="Beirat", city="Leipzig", bundesland=""))
    incoming = CouncilTemplate(replace(current.settings, bundesland="DE-SN"))
    preview = TransferPreview(current, incoming, tuple(template_differences(current, incoming)))

    assert preview.lines() == ["Bundesland: (nur bundesweite Feiertage) -> Sachsen"]


def _agenda_rows(template: CouncilTemplate) -> tuple:
    return tuple((t.title, t.kind, t.public, t.planned_minutes) for t in template.agenda_templates)


def test_the_preview_names_each_changed_phrase():
    current = CouncilTemplate(
        WISMAR.settings,
        text_templates=(
            TextTemplate(1, "Kenntnis", "Alt"),
            TextTemplate(2, "Vertagung", "Der Punkt wird vertagt."),
        ),
    )
    preview = TransferPreview(current, WISMAR, tuple(template_differences(current, WISMAR)))

    changes = (
        "1 Textbaustein erhält einen neuen Text: „Kenntnis“. 1 Textbaustein entfällt: „Vertagung“."
    )
    assert preview.phrase_changes() == changes
    assert changes in preview.lines()


def test_the_preview_says_once_how_many_phrases_are_dropped_and_names_them():
    current = CouncilTemplate(
        WISMAR.settings,
        text_templates=tuple(
            TextTemplate(n, label, "Text")
            for n, label in enumerate(("Dank", "Kenntnis", "Vertagung", "Schluss"))
        ),
    )
    incoming = replace(
        WISMAR,
        text_templates=(
            TextTemplate(1, "Schluss", "Neuer Text"),
            TextTemplate(2, "Eröffnung", "Text"),
            TextTemplate(3, "Ladung", "Text"),
        ),
    )
    preview = TransferPreview(current, incoming, tuple(template_differences(current, incoming)))

    assert preview.phrase_changes() == (
        "2 Textbausteine kommen hinzu: „Eröffnung“, „Ladung“. "
        "1 Textbaustein erhält einen neuen Text: „Schluss“. "
        "3 Textbausteine entfallen: „Dank“, „Kenntnis“, „Vertagung“."
    )
    assert preview.phrase_changes(limit=1).endswith(
        "3 Textbausteine entfallen: „Dank“ und 2 weitere."
    )


def test_a_short_preview_names_a_few_changes_cut_short_and_counts_the_rest():
    """The dialog's intro names a few (a file of 500 phrases filled it before, leaving no
    room for the choices); the command line's lines name every one, whole."""
    title = "Bericht " * 250
    incoming = replace(
        WISMAR,
        text_templates=tuple(TextTemplate(n, f"Baustein {n}", "Text") for n in range(20)),
        agenda_templates=(AgendaTemplate(title, AgendaItemKind.REPORT, True, 5),),
    )
    preview = TransferPreview(WISMAR, incoming, tuple(template_differences(WISMAR, incoming)))

    short = preview.phrase_changes(limit=3)
    assert short.startswith(
        "20 Textbausteine kommen hinzu: „Baustein 0“, „Baustein 1“, „Baustein 2“ und 17 weitere."
    )
    assert preview.phrase_changes().count("„Baustein") == 20
    agenda = preview.agenda_template_changes(limit=3)
    assert agenda.startswith("1 Vorlage für Tagesordnungspunkte kommt hinzu: „Bericht Bericht")
    assert "Bericht " * 12 not in agenda  # cut short
    assert f"„{title}“" in preview.agenda_template_changes()
    kept = TransferPreview(WISMAR, WISMAR, (), kept_fields=("A", "B", "C", "D"))
    assert kept.kept_field_names(2) == "„A“, „B“ und 2 weitere"


def test_the_preview_names_each_changed_agenda_template():
    current = CouncilTemplate(
        WISMAR.settings,
        agenda_templates=(
            AgendaTemplate("Vergaben", AgendaItemKind.CONSULTATION, True, 0, id=4),
            AgendaTemplate("Verschiedenes", AgendaItemKind.MISCELLANEOUS, True, 5, id=5),
        ),
    )
    preview = TransferPreview(current, WISMAR, tuple(template_differences(current, WISMAR)))

    assert preview.agenda_template_changes() == (
        "1 Vorlage für Tagesordnungspunkte kommt hinzu: „Bericht „Hafen“ & <Stadt> 🚢“. "
        "1 Vorlage für Tagesordnungspunkte ändert sich: „Vergaben“. "
        "1 Vorlage für Tagesordnungspunkte entfällt: „Verschiedenes“."
    )
    assert any(
        line.startswith("Vorlagen für Tagesordnungspunkte: 2: Vergaben, Verschiedenes -> 2: ")
        for line in preview.lines()
    )
    assert preview.lines()[-1].startswith("1 Vorlage für Tagesordnungspunkte kommt hinzu: „Bericht")


def test_two_councils_of_one_city_are_offered_settings_files_of_their_own():
    """Görlitz's Digitalbeirat ("DBR Görlitz") was offered "Einstellungen DBR Görlitz
    Görlitz.json", and a second council without a short name the city's name alone, as
    every other one of the city (found by a tester)."""
    digital = CouncilSettings(
        id=None, name="Digitalbeirat der Stadt Görlitz", short_name="DBR Görlitz", city="Görlitz"
    )
    youth = CouncilSettings(id=None, name="Jugendbeirat Görlitz", city="Görlitz")
    rostock = CouncilSettings(id=None, name="Expertenrat", short_name="SCER", city="Rostock")

    assert suggested_file_name(digital) == "Einstellungen DBR Görlitz.json"
    assert suggested_file_name(youth) == "Einstellungen Jugendbeirat Görlitz.json"
    assert suggested_file_name(rostock) == "Einstellungen SCER Rostock.json"


def test_a_file_without_kind_of_body_or_land_gets_neither_of_rostocks():
    """(found by a tester) A settings file with the name and city alone (all the schema
    asks) made the "Digitalbeirat der Stadt Leipzig" an "Expert*innenrat" with the public
    holidays of Mecklenburg-Vorpommern."""
    document = json.loads(settings_document(WISMAR, NOW, "x"))
    document["council"] = {"name": "Digitalbeirat der Stadt Leipzig", "city": "Leipzig"}

    settings = _read(document).settings

    assert (settings.classification, settings.bundesland) == ("Beirat", "")
    document["council"]["name"] = "Smarte Köpfe"
    assert _read(document).settings.classification == "Gremium"
    written = json.loads(settings_document(WISMAR, NOW, "x"))
    assert _read(written).settings.bundesland == "DE-MV"  # as the file says


def test_a_file_leaving_settings_out_changes_only_those_it_holds_in_a_council():
    """(found by review) Imported into a council, a file with the name and city alone
    proposed every other setting at its default: Rostock's Land and kind of body before,
    no Land and "Beirat" after the tester's fix, and a Ladungsfrist of 7 days."""
    document = json.loads(settings_document(WISMAR, NOW, "x"))
    document["council"] = {"name": "Digitalbeirat der Stadt Leipzig", "city": "Leipzig"}
    incoming = _read(document)
    current = replace(WISMAR, settings=replace(WISMAR.settings, classification="Kommission"))

    found = {d.name for d in template_differences(current, incoming)}
    chosen = chosen_template(current, incoming, found).settings

    assert found == {"name", "city"}
    assert (chosen.name, chosen.city) == ("Digitalbeirat der Stadt Leipzig", "Leipzig")
    assert (chosen.bundesland, chosen.classification) == ("DE-MV", "Kommission")
    assert (chosen.notice_period_days, chosen.min_members) == (10, 5)


def test_the_prefix_of_the_recommendation_codes_travels_only_where_it_is_not_e():
    """(found by a tester) The prefix is a setting now; a file of the default "E" stays
    as it was, so that a program before the setting still reads it."""
    goerlitz = replace(WISMAR, settings=replace(WISMAR.settings, recommendation_prefix="DB"))

    plain = json.loads(settings_document(WISMAR, NOW, "x"))
    own = settings_document(goerlitz, NOW, "x")

    assert "recommendationPrefix" not in plain["council"]
    assert json.loads(own)["council"]["recommendationPrefix"] == "DB"
    assert _read(own).settings.recommendation_prefix == "DB"
    with pytest.raises(SettingsFileError):
        _read(own.replace(b'"DB"', b'"D-B"'))


def test_the_role_titles_travel_only_where_they_are_not_the_defaults():
    """(found by a tester) The titles of chair and vice chair are settings now; a file of
    the defaults stays as it was, so that a program before the setting still reads it."""
    titled = replace(
        WISMAR,
        settings=replace(
            WISMAR.settings, chair_title="Sprecher*in 🙂", vice_chair_title="& <Stellv.> \"'"
        ),
    )

    plain = json.loads(settings_document(WISMAR, NOW, "x"))
    own = settings_document(titled, NOW, "x")

    assert not {"chairTitle", "viceChairTitle"} & set(plain["council"])
    assert json.loads(own)["council"]["chairTitle"] == "Sprecher*in 🙂"
    read = _read(own).settings
    assert (read.chair_title, read.vice_chair_title) == ("Sprecher*in 🙂", "& <Stellv.> \"'")
    assert _read(settings_document(WISMAR, NOW, "x")).settings.chair_title == "Vorsitz"
    with pytest.raises(SettingsFileError, match="Vorsitz"):
        _read(own.replace("Sprecher*in 🙂".encode(), b""))
    with pytest.raises(SettingsFileError):
        _read(own.replace("Sprecher*in 🙂".encode(), b"x" * 500))


def test_six_problems_are_all_named_and_seven_say_how_many_more():
    """(found by review) A sixth problem read "(und 1 weitere)" in place of itself."""
    document = _document()
    unknown = {f"x{n}": 1 for n in range(6)}  # one problem each: an unknown entry per field
    fields = [{"name": "A", "colour": "#000000", **{k: 1}} for k in unknown]

    with pytest.raises(SettingsFileError) as six:
        _read({**document, "actionFields": fields})
    with pytest.raises(SettingsFileError) as seven:
        _read({**document, "actionFields": [*fields, {"name": "B", "colour": "#000000", "y": 1}]})

    assert "weitere" not in str(six.value) and "„x5“" in str(six.value)
    assert "(und 2 weitere)" in str(seven.value)


def test_action_fields_are_named_without_their_colour_codes():
    """(found by a tester) The preview read "Moderne Verwaltung #1f77b4, S…"; a field whose
    colour alone differs is marked, so that the two sides do not read the same."""
    settings = CouncilSettings(id=1, name="Beirat", city="Leipzig")
    current = CouncilTemplate(
        settings, (ActionField(1, "Bildung", "#1f77b4", 0), ActionField(2, "Hafen", "#000000", 1))
    )
    incoming = CouncilTemplate(settings, (ActionField(None, "Bildung", "#d62728", 0),))
    (found,) = template_differences(current, incoming)

    assert difference_texts(found) == ("Bildung (andere Farbe), Hafen", "Bildung (andere Farbe)")


def test_the_draft_minutes_period_travels_only_where_it_is_not_four_weeks():
    """(found by a tester) The weeks within which the draft minutes go out are a setting;
    none (0) travels too, and a period the program cannot keep is refused."""
    without = replace(WISMAR, settings=replace(WISMAR.settings, minutes_draft_weeks=0))

    plain = json.loads(settings_document(WISMAR, NOW, "x"))
    own = settings_document(without, NOW, "x")

    assert "minutesDraftWeeks" not in plain["council"]
    assert json.loads(own)["council"]["minutesDraftWeeks"] == 0
    assert _read(own).settings.minutes_draft_weeks == 0
    assert _read(plain).settings.minutes_draft_weeks == 4
    with pytest.raises(SettingsFileError, match="darf höchstens 52 Wochen sein"):
        _read(_document(minutesDraftWeeks=53))
    with pytest.raises(SettingsFileError, match="muss mindestens 0 Wochen sein"):
        _read(_document(minutesDraftWeeks=-1))  # not "mindestens keine Frist"
