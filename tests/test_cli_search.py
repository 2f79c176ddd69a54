"""The command line's search across a council's records."""

from __future__ import annotations

import re

from cli_runs import run_main as run


def test_search_prints_the_hits_with_the_passage_found(capsys, demo_file):
    code, out, err = run(capsys, "--database", str(demo_file), "search", "Parkraum", "WARNEMUENDE",
                         "--council", "1")  # fmt: skip

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("9 Treffer für „Parkraum WARNEMUENDE“:")  # an annex too
    assert lines[1].split()[:2] == ["Projekt", "–"]
    item = re.compile(
        r"Tagesordnungspunkt  (\d\d\.\d\d\.\d{4})  TOP 7 Intelligente Parkraumsteuerung .*"
        r" \(2\. Sitzung, \1, nichtöffentlich\)"
    )
    assert any(item.fullmatch(line) for line in lines)
    assert any("Die Projektleitung von „Intelligente Parkraumsteuerung" in line for line in lines)


def test_search_that_finds_nothing_says_so(capsys, demo_file):
    code, out, err = run(capsys, "--database", str(demo_file), "search", "Quantencomputer",
                         "--council", "1")  # fmt: skip

    assert (code, out) == (0, "")
    assert err == "expertenrat: Hinweis: Nichts gefunden für „Quantencomputer“.\n"


def test_search_in_an_unknown_council_names_those_there_are(capsys, demo_file):
    code, _out, err = run(capsys, "--database", str(demo_file), "search", "x", "--council", "9")

    assert code == 1
    assert "Ein Gremium Nr. 9 gibt es nicht" in err


def test_search_for_one_hit_names_the_words_as_for_more(capsys, demo_file):
    code, out, _err = run(capsys, "--database", str(demo_file), "search", "E-2026-15")

    assert code == 0
    assert out.splitlines()[0] == "1 Treffer für „E-2026-15“:"


def test_an_empty_word_is_refused_as_other_commands_refuse_empty_texts(capsys, demo_file):
    """(found by review) A script's unset variable: 'Nichts gefunden für „“' before."""
    code, out, err = run(capsys, "--database", str(demo_file), "search", "Parkraum", " ")

    assert (code, out) == (1, "")
    assert "Angabe WORT: ist leer; bitte ein Suchwort angeben" in err


def test_a_word_copied_from_a_pdf_finds_what_it_shows(capsys, demo_file):
    """(found by a tester) Copied from a PDF into the terminal, "Betei­ligung" held the soft
    hyphen the PDF divided it with, unseen, and found nothing; the Suche's field drops it
    as the word is pasted."""
    found = run(capsys, "--database", str(demo_file), "search", "Beteiligung", "--council", "1")
    copied = run(capsys, "--database", str(demo_file), "search", "Betei\u00adligung",
                 "--council", "1")  # fmt: skip

    assert copied == found and found[1].startswith("15 Treffer für „Beteiligung“:")
