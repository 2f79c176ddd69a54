"""Which encoding an imported CSV file without UTF-8 is read in: Windows-1252 or Mac Roman."""

from __future__ import annotations

import pytest

from expertenrat.domain.errors import DataEntryError
from expertenrat.exchange.csv_text import decoded_csv

# Names whose letters beyond A to Z both encodings have; a Mac file with any of them alone was
# read as Windows-1252 ("Gro§mann", "JosŽ", "S¿ren"), or refused as no text ("François"),
# while its umlauts ä ö ü Ü told Mac Roman (found by a tester).
NAMES = [
    "Weiß",
    "Großmann",
    "GROßMANN",
    "Änne",
    "Özlem",
    "Ödön Horváth",
    "José",
    "Renée",
    "Hélène",
    "Søren Ørsted",
    "François",
    "Muñoz",
    "Åsa",
    "Ramírez",
    "Niccolò",
    "Zoë",
    "Jürgen Müller",
    "Björn",
    "Primäres Handlungsfeld",
]


@pytest.mark.parametrize("encoding", ["mac_roman", "cp1252"])
@pytest.mark.parametrize("name", NAMES)
def test_a_name_is_read_in_the_encoding_it_was_saved_in(name: str, encoding: str) -> None:
    line = f"{name};Umwelt\r\n"

    assert decoded_csv(line.encode(encoding)) == (line, encoding)


@pytest.mark.parametrize("name", ["Tomaž Žižek", "„Zitat“ – 5 €", "O’Brien"])
def test_windows_1252_letters_and_marks_of_no_mac_file_stay_windows_1252(name: str) -> None:
    line = f"{name};Umwelt\r\n"

    assert decoded_csv(line.encode("cp1252")) == (line, "cp1252")


def test_a_csv_saved_as_ms_dos_is_read_in_code_page_850() -> None:
    # Excel's "CSV (MS-DOS)" writes code page 850: read as Windows-1252, "Jörg Jäger" was
    # imported as "J”rg J„ger", "Weiß" as "Weiá"; "Björn" in Mac Roman as "Bjîrn", and a
    # header "Primäres Handlungsfeld" was missing (found by a tester)
    text = (
        "Vorname;Nachname;Primäres Handlungsfeld;Postanschrift\r\n"
        "Jörg;Jäger;Umwelt;Große Straße 1\r\n"
        "Björn;Weiß;Soziale Stadt;Ückeritzer Weg 2\r\n"
        "Anna;Schröder;Umwelt;\r\n"
    )

    assert decoded_csv(text.encode("cp850")) == (text, "cp850")
    for name in ("Björn;Schröder\r\n", "Jörg;Jäger\r\n", "Anna;Müller\r\n"):
        assert decoded_csv(name.encode("cp850")) == (name, "cp850")


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_umlauts_garbled_before_are_refused_not_read_as_names(bom: bytes) -> None:
    # a UTF-8 list opened in Excel as Windows-1252 and saved: "JÃ¼rgen WeiÃŸ" was imported
    # so, or its header "PrimÃ¤res Handlungsfeld" told missing (found by a tester)
    text = "Vorname;Nachname;Handlungsfeld\r\nJürgen;Weiß;Umwelt\r\n"
    garbled = text.encode("utf-8").decode("cp1252")

    with pytest.raises(DataEntryError) as caught:
        decoded_csv(bom + garbled.encode("utf-8"))

    assert caught.value.message == (
        "Die Datei enthält verfälschte Umlaute (etwa „JÃ¼rgen“ statt „Jürgen“): Sie wurde wohl "
        "einmal in der falschen Zeichenkodierung geöffnet und so gespeichert. Bitte berichtigen "
        "Sie die Umlaute in der Datei (in Excel etwa mit „Suchen und Ersetzen“) und lesen Sie "
        "sie dann erneut ein."
    )
    portuguese = "Vorname;Nachname\r\nJOÃO;SÃO PAULO Ã\r\n"
    assert decoded_csv(portuguese.encode("utf-8")) == (portuguese, "utf-8")
