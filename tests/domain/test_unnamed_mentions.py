"""The warning that a text of the public minutes names a member who may not be named: the
family name as a whole word in any case, in the public items and the typed header texts,
never in what the public minutes leave out (found by a tester: "Herr Pál erläutert …"
stood in the public minutes of a member called "Mitglied ohne Namensnennung" elsewhere)."""

from __future__ import annotations

from dataclasses import replace

from minutes_sample import ITEMS, minutes

from expertenrat.domain import unnamed_mentions as mentions_module
from expertenrat.domain.annexes import AnnexEntry
from expertenrat.domain.unnamed_mentions import UnnamedMember, non_public_guest, unnamed_mentions

PAL = UnnamedMember("Ödön Pál", "Pál")


def _with(number: str, items=ITEMS, **texts: str) -> tuple:
    return tuple(replace(i, **texts) if i.number == number else i for i in items)


def _warnings(items=ITEMS, members=(PAL,), **changes) -> tuple[str, ...]:
    full = minutes(items=items, unnamed=frozenset(m.name for m in members), **changes)
    return unnamed_mentions(full, members)


def test_a_public_item_s_text_naming_the_member_is_warned_of():
    items = _with("2", discussion="Herr PÁL erläutert die Lizenzfrage.")

    assert _warnings(items) == (
        "Im öffentlichen Text von TOP 2 steht der Name von Ödön Pál, der nicht genannt "
        "werden darf.",
    )


def test_the_title_the_header_and_each_item_are_named_once_each():
    items = _with("5", title="Verschiedenes (Anfrage Pál)", resolution="Dank an Herrn Pál; pál.")
    items = _with("3", items, result="Ödön Pál stellt vor.")

    warnings = _warnings(items, agenda_changes="TOP 5 auf Antrag von Herrn Pál ergänzt.")

    assert [w.split(" steht ")[0] for w in warnings] == [
        "Im öffentlichen Text der Änderungen der Tagesordnung",
        "Im öffentlichen Text von TOP 3",
        "Im öffentlichen Text von TOP 5",
    ]


def test_no_warning_for_a_non_public_item_another_word_or_a_named_member():
    withheld = _with("4", discussion="Herr Pál berichtet vertraulich.")
    longer = _with("2", discussion="Frau Pálffy und das Palais.")
    named = _with("2", discussion="Frau Nord leitet.")

    assert _warnings(withheld) == ()
    assert _warnings(longer) == ()
    assert _warnings(named) == ()
    assert _warnings(_with("2", discussion="Herr Pál."), members=()) == ()


def test_a_public_annex_s_title_is_warned_of_a_non_public_one_s_not():
    annexes = (
        AnnexEntry(1, "Vortrag Pál", "vortrag.pdf"),
        AnnexEntry(2, "Stellungnahme Pál", "intern.pdf", public=False),
    )

    assert [w.split(" steht ")[0] for w in _warnings(annexes=annexes)] == [
        "Im öffentlichen Text der Anlagen"
    ]
    assert _warnings(annexes=annexes[1:]) == ()


def test_each_name_s_pattern_is_made_once_not_for_each_part(monkeypatch):
    """Found by review: the pattern of each name was made again for every part of the
    minutes (77,000 times for the OParl export's warnings of the 20-council demo)."""
    made = []
    pattern = mentions_module.family_name_pattern
    monkeypatch.setattr(
        mentions_module, "family_name_pattern", lambda names: made.append(names) or pattern(names)
    )
    guest = non_public_guest("Dr. Vera Ost")
    items = _with("5", discussion="Frau Ost und Herr Pál berichten.")

    assert len(_warnings(items, members=(PAL, guest))) == 2
    assert len(ITEMS) > 1 and made == [["Pál"], ["Ost", "Dr. Vera Ost"]]


def test_a_name_written_without_its_accents_or_with_its_umlaut_spelt_out_is_warned_of():
    """Found by a tester: a German keyboard has no "ğ", and "Herr Gundogan erläutert …" in
    the public minutes of a member who had not agreed to be named gave no warning."""
    gundogan = UnnamedMember("İlkay Gündoğan", "Gündoğan")
    mueller = UnnamedMember("Hans Müller-Lüdenscheidt", "Müller-Lüdenscheidt")
    items = _with("2", discussion="Herr Gundogan erläutert; Herr Mueller-Luedenscheidt fragt.")
    items = _with("3", items, result="Frau Ødegård stellt vor.")

    found = _warnings(items, members=(gundogan, mueller, UnnamedMember("Ø Odegard", "Odegard")))

    assert [w.split(" steht der Name von ")[1].split(",")[0] for w in found] == [
        "İlkay Gündoğan",
        "Hans Müller-Lüdenscheidt",
        "Ø Odegard",
    ]
