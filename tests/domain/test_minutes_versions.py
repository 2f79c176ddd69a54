"""The content snapshot of minutes, its fingerprint, the readable diff and the objection
rules."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from expertenrat.domain.enums import MinutesApproval, MinutesState, ObjectionState, VoteMode
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.minutes_approval import MinutesStatus, VersionRecord
from expertenrat.domain.minutes_diff import diff_snapshots, vote_line
from expertenrat.domain.minutes_objections import ObjectionDraft, corrected_text, objection_problems
from expertenrat.domain.minutes_versions import (
    HeaderSnapshot,
    ItemSnapshot,
    MinutesSnapshot,
    RecommendationSnapshot,
    VoteSnapshot,
    fingerprint,
    parse_snapshot,
    same_content,
    snapshot_json,
)

HOSTILE = """Kim "K" & <Co>; O'Neil, a\\b 🚀 مرحبا שלום"""
ITEMS = (
    ItemSnapshot(1, "1", "Eröffnung"),
    ItemSnapshot(
        2,
        "2",
        f"Beratung {HOSTILE}",
        public=False,
        discussion="Erster Absatz.\nZweiter Absatz.",
        resolution="Der Rat empfiehlt X.",
        votes=(VoteSnapshot("Empfehlung", yes=7, no=1, abstain=1, adopted=True),),
        recommendations=(
            RecommendationSnapshot(
                "E-2026-07",
                "Empfehlung",
                f"Offene Daten {HOSTILE}",
                "Die Daten werden offen veröffentlicht.\nMit Schnittstelle.",
                ("Datenplattform",),
                "Stadtdaten",
            ),
        ),
    ),
    ItemSnapshot(3, "3", "Verschiedenes"),
)
MINUTES = MinutesSnapshot(HeaderSnapshot("16:05", "18:10", "Dr. Anna Berg", "Frau Schulz"), ITEMS)


def test_the_same_content_gives_the_same_json_and_fingerprint() -> None:
    text = snapshot_json(MINUTES)
    rebuilt = MinutesSnapshot(
        replace(MINUTES.header), tuple(replace(item) for item in MINUTES.items)
    )
    assert snapshot_json(rebuilt) == text
    assert fingerprint(snapshot_json(rebuilt)) == fingerprint(text)
    assert len(fingerprint(text)) == 64
    # Keys sorted, no white space between tokens, text as typed (not \u-escaped).
    assert text.startswith('{"header":{"agenda_approved":false,')
    assert HOSTILE.replace("\\", "\\\\").replace('"', '\\"') in text
    assert list(json.loads(text)["items"][1]) == sorted(json.loads(text)["items"][1])


def test_a_changed_word_changes_the_fingerprint() -> None:
    changed = replace(
        MINUTES, items=(ITEMS[0], replace(ITEMS[1], resolution="Der Rat empfiehlt Y."), ITEMS[2])
    )
    assert fingerprint(snapshot_json(changed)) != fingerprint(snapshot_json(MINUTES))


def test_the_json_reads_back_as_the_same_snapshot() -> None:
    assert parse_snapshot(snapshot_json(MINUTES)) == MINUTES
    assert parse_snapshot("") == MinutesSnapshot()


def test_the_diff_names_only_the_changed_items_and_fields() -> None:
    new = replace(
        MINUTES,
        items=(
            ITEMS[0],
            replace(
                ITEMS[1],
                discussion="Erster Absatz.\nZweiter Absatz, berichtigt.",
                votes=(replace(ITEMS[1].votes[0], yes=6, abstain=2),),
            ),
            ITEMS[2],
        ),
    )
    diff = diff_snapshots(MINUTES, new)
    assert diff.header == ()
    assert [i.heading for i in diff.items] == [f"TOP 2 Beratung {HOSTILE}"]
    assert [f.label for f in diff.items[0].fields] == ["Wesentlicher Inhalt", "Abstimmungen"]
    assert diff.items[0].fields[0].lines == ("- Zweiter Absatz.", "+ Zweiter Absatz, berichtigt.")
    text = diff.text()
    assert "(geändert)" in text
    assert "- Empfehlung: Ja 7 · Nein 1 · Enthaltung 1 · befangen 0 – angenommen" in text
    assert "+ Empfehlung: Ja 6 · Nein 1 · Enthaltung 2 · befangen 0 – angenommen" in text
    assert "Erster Absatz" not in text  # unchanged lines are left out


def test_a_word_changed_in_a_long_discussion_is_shown_in_its_context() -> None:
    # Before, the diff printed the 20,000 characters twice, once with "-" and once with
    # "+", and left the reader to find the one word that differed.
    sentence = "Die Mitglieder beraten über offene Daten & Schnittstellen <API> 🚀 مرحبا. "
    long = (sentence * 300)[:20_000]
    changed = long.replace("Schnittstellen", "Lizenzen", 1)
    old = replace(MINUTES, items=(replace(ITEMS[0], discussion=long),))
    new = replace(MINUTES, items=(replace(ITEMS[0], discussion=changed),))

    lines = diff_snapshots(old, new).items[0].fields[0].lines

    assert lines == (
        "- … Mitglieder beraten über offene Daten & Schnittstellen <API> 🚀 مرحبا. Die "
        "Mitglieder beraten …",
        "+ … Mitglieder beraten über offene Daten & Lizenzen <API> 🚀 مرحبا. Die "
        "Mitglieder beraten …",
    )


def with_recommendations(*recommendations: RecommendationSnapshot) -> MinutesSnapshot:
    return replace(
        MINUTES, items=(ITEMS[0], replace(ITEMS[1], recommendations=recommendations), ITEMS[2])
    )


def test_a_recommendation_changed_in_the_register_is_a_change_of_its_item() -> None:
    # Before, the snapshot kept only the codes: a second project given to E-2026-07 in the
    # register after the minutes went out changed the printed minutes ("Projekte: …"), but
    # not the version's content, so there was no "changed since sent" and no diff.
    sent = ITEMS[1].recommendations[0]
    changed = replace(sent, projects=("Datenplattform", "Sensorik"), text="Neu & offen.")
    assert not same_content(snapshot_json(MINUTES), with_recommendations(changed))

    diff = diff_snapshots(MINUTES, with_recommendations(changed))

    assert [i.heading for i in diff.items] == [f"TOP 2 Beratung {HOSTILE}"]
    assert [(f.label, f.lines) for f in diff.items[0].fields] == [
        (
            "Empfehlung E-2026-07",
            (
                "- Projekt: Datenplattform · Handlungsfeld: Stadtdaten",
                "- Die Daten werden offen veröffentlicht.",
                "- Mit Schnittstelle.",
                "+ Projekte: Datenplattform; Sensorik · Handlungsfeld: Stadtdaten",
                "+ Neu & offen.",
            ),
        )
    ]


def test_recommendations_added_and_dropped_are_shown_whole() -> None:
    impulse = RecommendationSnapshot("E-2026-08", "Impuls", "Sensoren", projects=("A", "B"))
    diff = diff_snapshots(MINUTES, with_recommendations(impulse))
    assert [(f.label, f.lines) for f in diff.items[0].fields] == [
        (
            "Empfehlung E-2026-07",
            (
                f"- E-2026-07 – Empfehlung: Offene Daten {HOSTILE}",
                "- Projekt: Datenplattform · Handlungsfeld: Stadtdaten",
                "- Die Daten werden offen veröffentlicht.",
                "- Mit Schnittstelle.",
            ),
        ),
        ("Impuls E-2026-08", ("+ E-2026-08 – Impuls: Sensoren", "+ Projekte: A; B")),
    ]


def test_a_version_that_kept_only_the_codes_is_compared_by_them() -> None:
    # Versions stored before the content was kept hold ["E-2026-07"]: they still read, and
    # the wording they never recorded is no change; an added or dropped code is.
    data = json.loads(snapshot_json(MINUTES))
    data["items"][1]["recommendations"] = ["E-2026-07"]
    old = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    kept = parse_snapshot(old)
    assert kept.items[1].recommendations == (RecommendationSnapshot("E-2026-07"),)
    assert not kept.items[1].recommendations[0].content_kept

    assert same_content(old, MINUTES)
    assert diff_snapshots(kept, MINUTES).empty
    added = RecommendationSnapshot("E-2026-08", "Impuls", "Sensoren")
    both = with_recommendations(ITEMS[1].recommendations[0], added)
    assert not same_content(old, both)
    assert [f.label for f in diff_snapshots(kept, both).items[0].fields] == ["Impuls E-2026-08"]
    dropped = diff_snapshots(kept, with_recommendations())
    assert dropped.items[0].fields[0].lines == ("- E-2026-07",)


def test_names_listed_in_another_order_are_the_same_attendance() -> None:
    """A version stored before the name sort put "von Hohenzollern" under H lists the same
    persons in another order: not "changed since sent", no diff; a person who moved from
    present to excused is a change."""

    def attending(text: str) -> MinutesSnapshot:
        return replace(MINUTES, header=replace(MINUTES.header, attendance=text))

    sent = snapshot_json(
        attending("Anwesend: Eva Huber; Jan Zimmermann; Kim von Hohenzollern\nEntschuldigt: Ute Öz")
    )
    reordered = attending(
        "Anwesend: Kim von Hohenzollern; Eva Huber; Jan Zimmermann\nEntschuldigt: Ute Öz"
    )
    moved = attending(
        "Anwesend: Eva Huber; Jan Zimmermann; Ute Öz\nEntschuldigt: Kim von Hohenzollern"
    )

    assert same_content(sent, reordered)
    assert diff_snapshots(parse_snapshot(sent), reordered).empty
    assert not same_content(sent, moved)
    assert [c.label for c in diff_snapshots(parse_snapshot(sent), moved).header] == ["Anwesenheit"]


def test_the_diff_names_header_changes_and_new_and_dropped_items() -> None:
    new = MinutesSnapshot(
        replace(MINUTES.header, closed_at="18:30"),
        (ITEMS[0], ITEMS[1], ItemSnapshot(4, "3", "Neuer Punkt", resolution="Text")),
    )
    diff = diff_snapshots(MINUTES, new)
    assert diff.header[0].label == "Ende"
    assert diff.header[0].lines == ("- 18:10", "+ 18:30")
    assert [(i.heading, i.kind) for i in diff.items] == [
        ("TOP 3 Neuer Punkt", "neu"),
        ("TOP 3 Verschiedenes", "entfallen"),
    ]
    assert diff_snapshots(MINUTES, MINUTES).text() == "Keine inhaltlichen Unterschiede."


def test_vote_lines() -> None:
    assert vote_line(VoteSnapshot(mode=VoteMode.UNANIMOUS.value, adopted=True)) == (
        "einstimmig angenommen"
    )
    assert vote_line(VoteSnapshot("Bericht", mode=VoteMode.NOTED.value)) == (
        "Bericht: ohne Abstimmung zur Kenntnis genommen"
    )


def test_a_correction_replaces_the_passage_where_it_stands_once() -> None:
    texts = {"discussion": "Herr X sagte A.", "resolution_text": "Der Rat beschließt B."}
    assert corrected_text(texts, "beschließt B", "beschließt C", "von TOP 2") == (
        "resolution_text",
        "Der Rat beschließt C.",
    )
    with pytest.raises(ValidationError, match="steht so nicht im Protokolltext von TOP 2"):
        corrected_text(texts, "Z", "Y", "von TOP 2")
    with pytest.raises(ValidationError, match="2-mal"):
        corrected_text({"a": "Der A.", "b": "Die A."}, "A.", "B.", "von TOP 2")
    with pytest.raises(ValidationError, match="beanstandete Stelle an"):
        corrected_text(texts, "", "Y", "von TOP 2")


def test_a_passage_copied_from_the_pdf_is_found_across_its_line_breaks() -> None:
    # Before, "Betrieb und\nÜbertragbarkeit" (where the PDF's line ended) "stand so nicht
    # im Protokolltext", although the member had quoted it word for word.
    texts = {"discussion": "Der Rat diskutiert Datenschutz, Betrieb und Übertragbarkeit."}
    assert corrected_text(
        texts, "Betrieb und\nÜbertragbarkeit", "Betrieb,  Barrierefreiheit", "von TOP 6"
    ) == ("discussion", "Der Rat diskutiert Datenschutz, Betrieb,  Barrierefreiheit.")
    with pytest.raises(ValidationError, match="2-mal"):
        corrected_text({"a": "offene\nDaten und offene Daten"}, "offene  Daten", "B", "")


def test_an_objection_needs_who_when_and_what() -> None:
    problems = objection_problems(ObjectionDraft(None, None, "  "))
    assert {p.field for p in problems} == {"membership_id", "raised_on", "text"}
    assert objection_problems(ObjectionDraft(1, date(2026, 3, 1), f"Einwand {HOSTILE}")) == []
    long = objection_problems(ObjectionDraft(1, date(2026, 3, 1), "x" * 20_001))
    assert long[0].message == "Der Einwand darf höchstens 20.000 Zeichen haben."


def _version(number: int, state: MinutesState, **changes) -> VersionRecord:
    values = {
        "id": number,
        "number": number,
        "state": state,
        "circulated_on": date(2026, 3, 20),
        "objections_due_on": date(2026, 4, 3),
        "approved_on": None,
        "approved_in": "",
        "fingerprint": "f" * 64,
        "sha256": "",
        "public_sha256": "",
    }
    values.update(changes)
    return VersionRecord(**values)


def test_the_status_line() -> None:
    status = MinutesStatus(1, "5. Sitzung", True, MinutesApproval.VOTE, 14, (), ())
    assert status.state is MinutesState.DRAFT
    assert status.summary() == "Entwurf – noch nicht versandt"
    status = replace(status, versions=(_version(1, MinutesState.CIRCULATED),))
    assert status.summary() == "versandt am 20.03.2026, Einwände bis 03.04.2026 – Fassung 1"
    approved = _version(
        2, MinutesState.APPROVED, approved_on=date(2026, 5, 12), approved_in="6. Sitzung"
    )
    status = replace(status, versions=(*status.versions, approved))
    assert status.frozen
    assert status.summary() == "genehmigt am 12.05.2026 in der 6. Sitzung"
    assert status.open_objections == ()
    assert ObjectionState.OPEN.label == "offen"
