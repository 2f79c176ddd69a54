"""The completeness check warns where a public text of the minutes names a member who may
not be named, at the text to change; the minutes stay complete (a warning, not a refusal)."""

from __future__ import annotations

from dataclasses import replace

from test_minutes_checklist import COMPLETE, item

from expertenrat.domain.minutes_checklist import checklist
from expertenrat.domain.minutes_checklist_lines import ChecklistTarget
from expertenrat.domain.unnamed_mentions import UnnamedMember, non_public_guest

PAL = UnnamedMember("Ödön Pál", "Pál")


def _warned(**changes) -> list[tuple[str, ChecklistTarget]]:
    result = checklist(replace(COMPLETE, **{"unnamed": (PAL,), **changes}))
    assert result.complete
    return [(line.text, line.target) for line in result.lines if line.key == "unnamed_named"]


def test_a_public_item_naming_the_member_is_a_warning_at_its_text() -> None:
    items = (item(10, "1"), item(11, "2", discussion="Herr PÁL erläutert."), item(12, "3"))

    assert _warned(items=items) == [
        (
            "Im öffentlichen Text von TOP 2 steht der Name von Ödön Pál, der nicht genannt "
            "werden darf.",
            ChecklistTarget("discussion", 11),
        )
    ]
    line = next(li for li in checklist(replace(COMPLETE, unnamed=(PAL,), items=items)).lines
                if li.key == "unnamed_named")  # fmt: skip
    assert line.ok and line.warning


def test_the_agenda_changes_are_looked_at_too() -> None:
    header = replace(COMPLETE.header, agenda_changes="Auf Antrag von Herrn Pál ergänzt.")

    assert [target for _text, target in _warned(header=header)] == [
        ChecklistTarget("agenda_changes")
    ]


def test_no_warning_in_a_non_public_item_for_another_word_or_without_unnamed_members() -> None:
    items = (item(10, "1", discussion="Herr Pál."), item(11, "2", title="Pálffy-Stiftung"))

    assert _warned(items=items, non_public_items=frozenset({10})) == []
    assert not any(
        line.key == "unnamed_named" for line in checklist(replace(COMPLETE, items=items)).lines
    )


def test_a_presenter_line_is_looked_at_as_the_public_minutes_print_it() -> None:
    """The public minutes call the member named whole in a presenter line "Mitglied ohne
    Namensnennung"; the family name alone stays as typed."""
    whole = (item(10, "1", presenter="Ödön Pál (Universität)"),)
    alone = (item(10, "1", presenter="Herr Pál (Universität)"),)

    assert _warned(items=whole) == []
    assert [target for _text, target in _warned(items=alone)] == [ChecklistTarget("discussion", 10)]


GUEST = non_public_guest("Horst  Geheimgast")


def test_a_guest_present_only_in_the_non_public_part_is_a_warning_with_its_reason() -> None:
    """The public minutes leave the guest out of "Gäste" but print a presenter line as
    typed, unlike a member's name there (found by a tester)."""
    items = (item(10, "1", presenter="Horst Geheimgast (Vergabestelle)"),)
    result = checklist(replace(COMPLETE, unnamed=(PAL, GUEST), items=items))

    assert [line.text for line in result.lines if line.key == "unnamed_named"] == [
        "Im öffentlichen Text von TOP 1 steht der Name des Gastes Horst Geheimgast, der nur "
        "am nichtöffentlichen Teil teilgenommen hat."
    ]


def test_a_guest_is_looked_for_by_the_whole_name_where_the_last_word_is_a_letter() -> None:
    guest = non_public_guest("Horst G.")
    named = (item(10, "1", discussion="Herr Horst G. berichtet."),)
    other = (item(10, "1", discussion="Punkt g wird vertagt."),)

    assert len(_warned(unnamed=(guest,), items=named)) == 1
    assert _warned(unnamed=(guest,), items=other) == []
