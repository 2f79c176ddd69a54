"""The roster PDF, read back with pypdf: names, consent, fonts, pages, layout limits."""

from __future__ import annotations

import io
import itertools
from dataclasses import replace
from datetime import date

import pytest
from pdf_reading import placed_text_runs, text_runs
from PIL import Image
from pypdf import PdfReader

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member
from expertenrat.domain.roster import RosterDocument, RosterEntry, RosterGrouping, build_roster
from expertenrat.reports import theme
from expertenrat.reports.roster_pdf import TITLE_INTERNAL, TITLE_PUBLIC, render_roster

TODAY = date(2026, 3, 5)
FIELDS = [
    ActionField(1, "Moderne Verwaltung", position=0),
    ActionField(2, "Soziale Stadt", position=1),
    ActionField(3, "Stadtdaten", position=2),
    ActionField(4, "Umwelt", position=3),
]
COUNCIL = CouncilSettings(1, "Smart City Expert*innenrat", "Hanse- und Universitätsstadt Rostock")
TRICKY_GIVEN = 'Kim "K" & <Co>'
TRICKY_FAMILY = "O'Neil 🚀"  # DejaVu has no rocket glyph


def member(member_id: int, given: str, family: str, **changes: object) -> Member:
    values: dict[str, object] = {
        "id": member_id,
        "given_name": given,
        "family_name": family,
        "form_of_address": "Frau",
        "affiliation": "Universität Rostock",
        "position": "Professorin",
        "sector": Sector.RESEARCH,
        "email": f"m{member_id}@uni.de",
        "phone": f"0381 {member_id:04d}",
        "postal_address": f"Neuer Markt {member_id}\n18055 Rostock",
        "term_start": date(2024, 1, 1),
        "primary_field_id": (member_id % 4) + 1,
        "publish_name": True,
        "publish_contact": True,
    }
    values.update(changes)
    return Member(**values)  # type: ignore[arg-type]


def cast() -> list[Member]:
    return [
        member(1, "Łukasz", "Wiśniewski", title="Dr.", role=MemberRole.CHAIR,
               term_end=date(2026, 12, 31), email="lukasz@uni.de", phone="0381 1111"),
        member(2, "Gülşen", "Yılmaz", role=MemberRole.VICE_CHAIR, publish_contact=False,
               email="guelsen@hs.de", phone="0381 2222"),
        member(3, "Ödön", "Pál", publish_name=False, email="oedoen@firma.de", phone="0381 3333"),
        member(4, "Zoë", "Brontë", email="zoe@verein.de", phone="0381 4444"),
        member(5, TRICKY_GIVEN, TRICKY_FAMILY, publish_contact=False, email="kim@x.de"),
        member(6, "Ida", "Unbenannt", publish_name=False, email="ida@x.de"),
        member(7, "Hans", "Ehemalig", term_end=date(2025, 12, 31)),
    ]  # fmt: skip


def roster(
    members: list[Member],
    *,
    public: bool,
    grouping: RosterGrouping = RosterGrouping.ALPHABETICAL,
    council: CouncilSettings = COUNCIL,
) -> RosterDocument:
    return build_roster(members, FIELDS, council, public=public, grouping=grouping, today=TODAY)


def read(doc: RosterDocument) -> PdfReader:
    pdf = render_roster(doc).pdf
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def flat(text: str) -> str:
    """Extracted text with all runs of white space (line breaks in cells) as one space."""
    return " ".join(text.split())


def text_of(reader: PdfReader) -> str:
    return flat("\n".join(page.extract_text() for page in reader.pages))


def many(count: int) -> list[Member]:
    return [member(100 + i, f"Vorname{i}", f"Nachname{i:03d}") for i in range(count)]


def png(width: int = 60, height: int = 20) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (31, 78, 121)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("grouping", list(RosterGrouping))
def test_internal_roster_names_every_active_member_with_exact_letters(
    grouping: RosterGrouping,
) -> None:
    text = text_of(read(roster(cast(), public=False, grouping=grouping)))

    for name in (
        "Dr. Łukasz Wiśniewski",
        "Gülşen Yılmaz",
        "Ödön Pál",
        "Zoë Brontë",
        "Ida Unbenannt",
        """Kim "K" & <Co> O'Neil""",
    ):
        assert name in text
    assert "Ehemalig" not in text


@pytest.mark.parametrize("public", [False, True])
def test_only_frau_or_herr_is_printed_beside_the_role(public: bool) -> None:
    """(found by a helper) "Divers · Mitglied" stood under a name imported from a city's
    list; as in letters, only Frau or Herr is a form of address worth printing."""
    members = [
        member(1, "Anna", "Berg", form_of_address=" Frau "),
        member(2, "Ben", "Kaya", form_of_address="herr"),
        member(3, "Sam", "Weiß", form_of_address="Divers"),
        member(4, "Kim", "Ort", form_of_address="keine Angabe"),
    ]
    text = text_of(read(roster(members, public=public)))

    assert "Frau · Mitglied" in text
    assert "herr · Mitglied" in text
    assert "Divers" not in text
    assert "keine Angabe" not in text
    assert text.count("Mitglied") - text.count("Mitglieder") == 4  # every role still there


def test_markup_characters_print_literally_and_missing_glyphs_do_not_crash() -> None:
    text = text_of(read(roster(cast(), public=True)))

    assert """Kim "K" & <Co> O'Neil \ufffd""" in text
    assert "&amp;" not in text
    assert "&lt;" not in text
    assert "🚀" not in text


@pytest.mark.parametrize("public", [False, True])
def test_only_embedded_dejavu_fonts_are_used(public: bool) -> None:
    reader = read(roster(cast() + many(40), public=public))

    for page in reader.pages:
        fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
        assert fonts
        for font in fonts:
            assert "DejaVu" in font["/BaseFont"]
            assert "Helvetica" not in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"]  # embedded TrueType


@pytest.mark.parametrize("public", [False, True])
def test_200_members_fill_several_pages_numbered_with_the_real_total(public: bool) -> None:
    reader = read(roster(many(200), public=public))
    total = len(reader.pages)

    assert total >= 5
    for number, page in enumerate(reader.pages, start=1):
        page_text = flat(page.extract_text())
        assert f"Seite {number} von {total}" in page_text
        # The table header row repeats on every page.
        assert "Institution / Funktion" in page_text
    text = text_of(reader)
    assert all(f"Vorname{i} Nachname{i:03d}" in text for i in range(200))


def test_internal_roster_is_landscape_and_public_roster_portrait() -> None:
    internal = read(roster(cast(), public=False)).pages[0].mediabox
    public = read(roster(cast(), public=True)).pages[0].mediabox

    assert internal.width > internal.height
    assert round(internal.width) == 842 and round(internal.height) == 595
    assert public.height > public.width
    assert round(public.width) == 595 and round(public.height) == 842


def test_public_roster_respects_consent() -> None:
    text = text_of(read(roster(cast(), public=True)))

    for name in ("Dr. Łukasz Wiśniewski", "Gülşen Yılmaz", "Zoë Brontë"):
        assert name in text
    # Without name consent: not there at all.
    for absent in ("Ödön", "Pál", "oedoen@firma.de", "0381 3333", "Unbenannt", "ida@x.de"):
        assert absent not in text
    # Name consent but no contact consent: listed without contact data.
    for absent in ("guelsen@hs.de", "0381 2222", "kim@x.de", "0381 0005", "Neuer Markt 5"):
        assert absent not in text
    # Contact consent: contact data shown.
    for present in ("lukasz@uni.de", "Tel. 0381 1111", "zoe@verein.de", "Neuer Markt 4"):
        assert present in text
    assert "Weitere 2 Mitglieder haben einer Veröffentlichung nicht zugestimmt." in text
    assert "Vertraulich" not in text


def test_internal_roster_has_all_contact_data_and_no_consent_footnote() -> None:
    text = text_of(read(roster(cast(), public=False)))

    for present in (
        "lukasz@uni.de",
        "guelsen@hs.de",
        "Tel. 0381 2222",
        "oedoen@firma.de",
        "kim@x.de",
        "ida@x.de",
        "Neuer Markt 5 18055 Rostock",
    ):
        assert present in text
    assert "Veröffentlichung" not in text
    assert "Vertraulich" in text


def test_single_withheld_member_gets_singular_footnote() -> None:
    members = [member(1, "Anna", "Berg"), member(2, "Bernd", "Geheim", publish_name=False)]

    text = text_of(read(roster(members, public=True)))

    assert "Ein weiteres Mitglied hat einer Veröffentlichung nicht zugestimmt." in text


def test_title_date_and_metadata() -> None:
    internal = read(roster(cast(), public=False))
    public = read(roster(cast(), public=True))

    assert TITLE_INTERNAL == "Mitgliederliste – intern (enthält Kontaktdaten)"
    assert TITLE_INTERNAL in text_of(internal)
    assert TITLE_PUBLIC in text_of(public)
    assert "05.03.2026" in text_of(public)
    for reader, title in ((internal, TITLE_INTERNAL), (public, TITLE_PUBLIC)):
        assert reader.metadata is not None
        assert reader.metadata.title == title
        assert reader.metadata.author == "Smart City Expert*innenrat"
        assert reader.metadata.creator == "Expertenrat"
    # Keywords as the minutes carry them (they were empty; found by a tester)
    assert internal.metadata["/Keywords"] == "Mitgliederliste, intern, Smart City Expert*innenrat"
    assert public.metadata["/Keywords"] == "Mitgliederliste, öffentlich, Smart City Expert*innenrat"
    assert public.metadata.subject == (
        "Mitgliederliste Smart City Expert*innenrat, Hanse- und Universitätsstadt Rostock"
    )


def test_the_description_names_the_city_once_where_the_councils_name_holds_it() -> None:
    """(found by a tester) It read "Mitgliederliste Digitalbeirat der Hansestadt Stralsund,
    Hansestadt Stralsund"."""
    council = CouncilSettings(1, "Digitalbeirat der hansestadt stralsund", "Hansestadt Stralsund")

    subject = read(roster(cast(), public=True, council=council)).metadata.subject

    assert subject == "Mitgliederliste Digitalbeirat der hansestadt stralsund"


def test_term_is_printed_as_range_or_since() -> None:
    text = text_of(read(roster(cast(), public=False)))

    assert "01.01.2024 – 31.12.2026" in text
    assert "seit 01.01.2024" in text


def test_grouped_roster_lists_members_under_their_primary_field() -> None:
    members = [
        member(1, "Anna", "Amsel", primary_field_id=3, further_field_ids=(1,)),
        member(2, "Bruno", "Biber", primary_field_id=1),
        member(3, "Carla", "Cedern", primary_field_id=3),
    ]

    text = text_of(read(roster(members, public=True, grouping=RosterGrouping.BY_FIELD)))

    order = [
        "Moderne Verwaltung Name",  # heading right before the table header
        "Bruno Biber",
        "Soziale Stadt Kein Mitglied mit diesem primären Handlungsfeld.",
        "Stadtdaten Name",
        "Anna Amsel",
        "Carla Cedern",
        "Umwelt Kein Mitglied",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    # Anna's further field is shown in her row, after the Stadtdaten heading.
    assert "Moderne Verwaltung" in text[text.index("Anna Amsel") : text.index("Carla Cedern")]


@pytest.mark.parametrize("public", [False, True])
def test_a_field_running_on_to_the_next_page_names_it_again_there(public: bool) -> None:
    """(found by a tester) The next page went on with the table's header row only: whose
    field its members were was on the page before."""
    members = [
        member(100 + i, f"Vorname{i}", f"Nachname{i:03d}", primary_field_id=3) for i in range(30)
    ]

    reader = read(roster(members, public=public, grouping=RosterGrouping.BY_FIELD))

    first, *later = [flat(page.extract_text()) for page in reader.pages]
    assert later
    assert "Stadtdaten Name" in first and "Fortsetzung" not in first
    for page in later:
        assert "Stadtdaten (Fortsetzung) Name" in page
    assert "Umwelt Kein Mitglied" in later[-1]


def test_member_without_primary_field_is_listed_in_an_extra_group() -> None:
    members = [member(1, "Anna", "Amsel", primary_field_id=None)]

    text = text_of(read(roster(members, public=False, grouping=RosterGrouping.BY_FIELD)))

    assert text.index("Ohne primäres Handlungsfeld") < text.index("Anna Amsel")


@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("grouping", list(RosterGrouping))
def test_roster_without_members_says_so(public: bool, grouping: RosterGrouping) -> None:
    reader = read(roster([], public=public, grouping=grouping))

    assert "Keine aktiven Mitglieder." in text_of(reader)
    assert len(reader.pages) == 1
    # (found by a tester) its subtitle said "0 Mitglieder"
    assert "keine Mitglieder · " in text_of(reader) and "0 Mitglieder" not in text_of(reader)


def test_public_roster_where_nobody_consented() -> None:
    members = [
        member(1, "Anna", "Berg", publish_name=False),
        member(2, "B", "C", publish_name=False),
    ]

    text = text_of(read(roster(members, public=True)))

    assert "Kein aktives Mitglied hat einer Veröffentlichung zugestimmt." in text
    assert "2 aktive Mitglieder haben einer Veröffentlichung nicht zugestimmt." in text
    assert "Weitere" not in text


@pytest.mark.parametrize("public", [False, True])
def test_very_long_texts_are_shortened_instead_of_breaking_the_layout(public: bool) -> None:
    long_word = "X" * 2000
    long_text = "Sehr langer Text " * 120
    long_lines = "Zeile\n" * 400
    entry = RosterEntry(
        name="Anna " + "Langname" * 250,
        sort_key="a",
        form_of_address=long_text,
        affiliation=long_word,
        position=long_text,
        role="Mitglied",
        primary_field="Umwelt",
        further_fields=tuple(f"Feld {i} " + "lang " * 30 for i in range(40)),
        term_start=date(2024, 1, 1),
        email="a" * 2000 + "@example.org",
        phone="0" * 2000,
        postal_address=long_lines,
    )
    doc = RosterDocument(
        council_name="Rat " * 100,
        city="Stadt " * 100,
        printed_on=TODAY,
        public=public,
        grouping=RosterGrouping.BY_FIELD,
        field_names=("Umwelt " * 100, "Umwelt"),
        entries=(entry, replace(entry, sort_key="b")),
    )

    reader = read(doc)

    text = text_of(reader)
    assert "…" in text
    assert "Anna Langname" in text
    assert len(reader.pages) <= 4


@pytest.mark.parametrize(
    "address",
    ["zoe.hartmann-okafor@example.org", "zoe.hartmann-okafor.wissenschaftliche-mitarbeiterin@x.de"],
)
def test_a_long_address_breaks_after_the_at_sign_and_signs_not_inside_words(address) -> None:
    """A local part too wide for the public roster's contact cell left the @ alone on a
    line ("zoe.hartmann-okafor" / "@" / "example.org"), a longer one was cut inside a word
    ("wissenschaftliche-mit" / "arbeiterin@") (found by a tester)."""
    doc = roster([member(1, "Zoë", "Hartmann-Okafor", email=address)], public=True)

    runs = [t for t, _y, _size in text_runs(read(doc).pages[0])]

    start = next(i for i, t in enumerate(runs) if t.startswith("zoe."))
    end = next(i for i, t in enumerate(runs) if t.startswith("Tel."))
    lines = runs[start:end]
    assert "".join(lines) == address
    assert len(lines) > 1
    assert lines[-2].endswith("@") and "@" not in lines[-1]
    assert all(line[-1] in ".-@" for line in lines[:-1])


def test_logo_is_drawn_and_a_broken_logo_is_left_out() -> None:
    with_logo = read(roster(cast(), public=True, council=replace(COUNCIL, logo_png=png())))
    broken = read(roster(cast(), public=True, council=replace(COUNCIL, logo_png=b"no png")))

    def images(reader: PdfReader) -> list[object]:
        return list(reader.pages[0].images)

    assert len(images(with_logo)) == 1
    assert images(broken) == []
    assert "Zoë Brontë" in text_of(broken)


def test_esc_makes_user_text_safe_for_paragraph_markup() -> None:
    assert theme.esc("Müller & Söhne <GmbH>") == "Müller &amp; Söhne &lt;GmbH&gt;"
    assert theme.esc("Zeile 1\r\nZeile 2\rZeile 3\nZeile 4") == (
        "Zeile 1<br/>Zeile 2<br/>Zeile 3<br/>Zeile 4"
    )
    assert theme.esc("a\tb\x00c\x07") == "a bc"
    assert theme.esc("Rakete 🚀") == "Rakete \ufffd"
    # Decomposed umlauts are composed so the font's own glyphs are used.
    assert theme.esc("Mu\u0308ller") == "Müller"


def test_clip_shortens_with_an_ellipsis() -> None:
    assert theme.clip("kurz", 10) == "kurz"
    clipped = theme.clip("ein sehr langer Satz mit vielen Wörtern", 20)
    assert clipped.endswith("…")
    assert len(clipped) <= 20


ABBREVIATIONS = ("e. V.", "a. D.", "i. R.", "z. B.", "u. a.", "d. h.", "& Co. KG", "Dr. med.")


def _pairs_split_across_lines(text: str) -> list[str]:
    """Abbreviations of ABBREVIATIONS whose first part ends a line and the rest starts the next."""
    lines = [line.strip() for line in text.replace("\xa0", " ").splitlines()]
    split = []
    for before, after in itertools.pairwise(lines):
        for abbreviation in ABBREVIATIONS:
            head, _, tail = abbreviation.partition(" ")
            if before.endswith(head) and after.startswith(tail):
                split.append(f"{before} / {after}")
    return split


def test_abbreviations_are_never_split_across_lines():
    # Each padding shifts the abbreviation along the narrow column, so that without
    # no-break spaces some line would end right inside it.
    members = [
        member(
            n + 10,
            "Anna",
            f"Berg{n}",
            affiliation=f"Verein{' x' * n} Zukunft e. V.",
            position=f"Leiter{' y' * n} a. D. und i. R., z. B. u. a. d. h. Huber & Co. KG",
            title="Dr. med." if n % 2 else "",
        )
        for n in range(24)
    ]
    text = "\n".join(p.extract_text() for p in read(roster(members, public=False)).pages)
    assert "e. V." in text.replace("\xa0", " ")
    assert _pairs_split_across_lines(text) == []


def test_escaping_keeps_abbreviations_and_numbers_with_units_together():
    assert theme.esc("Zukunft e. V. & Co. KG, 10 Mitglieder") == (
        "Zukunft e.\xa0V.\xa0&amp;\xa0Co.\xa0KG, 10\xa0Mitglieder"
    )


@pytest.mark.parametrize("public", [True, False])
def test_names_print_in_reading_order_with_particles_behind(public: bool) -> None:
    """Read back: "von Hohenzollern" between Hoffmann and Huber, "Öztürk" before
    Zimmermann (DIN 5007-1, name_sort_key), in the internal and the public roster."""
    members = [
        member(1, "Jan", "Zimmermann"),
        member(2, "Ece", "Öztürk"),
        member(3, "Eva", "Huber"),
        member(4, "Anna", "von Hohenzollern"),
        member(5, "Tom", "Hoffmann"),
        member(6, "Lea", "van der Berg"),
        member(7, "Paul", "Otto"),
    ]
    text = text_of(read(roster(members, public=public)))
    printed = [
        "Lea van der Berg",
        "Tom Hoffmann",
        "Anna von Hohenzollern",
        "Eva Huber",
        "Paul Otto",
        "Ece Öztürk",
        "Jan Zimmermann",
    ]
    positions = [text.index(name) for name in printed]
    assert positions == sorted(positions)


def _contact_cells(doc: RosterDocument) -> dict[str, list[str]]:
    """The texts in the contact column of each member's row, by family name: a row runs
    from its name's line down to the next row's (a smaller line sits a little higher)."""
    runs = placed_text_runs(read(doc).pages[0])
    left = next(x for text, x, _y, _size in runs if text == "Kontakt")
    names = [
        (y, text.split()[-1]) for text, _x, y, _size in runs if text.endswith(("Berg", "Geheim"))
    ]
    cells: dict[str, list[str]] = {}
    for text, x, y, _size in runs:
        rows = [(top, name) for top, name in names if top >= y - 3]
        if x >= left - 1 and rows and not text.startswith("Seite "):  # not the page foot
            cells.setdefault(min(rows)[1], []).append(text)
    return cells


@pytest.mark.parametrize("public", [True, False])
def test_a_member_without_contact_data_to_print_gets_a_dash(public: bool) -> None:
    """(found by a tester) The contact cell stayed empty where the member had not consented
    to publish it (or, in the internal roster, had none); every other empty value in the
    reports prints "–"."""
    hidden = member(2, "Bernd", "Geheim", publish_contact=False)
    if not public:
        hidden = replace(hidden, email="", phone="", postal_address="")
    members = [member(1, "Anna", "Berg"), hidden]

    cells = _contact_cells(roster(members, public=public))

    assert cells["Geheim"] == ["–"]
    assert "m1@uni.de" in cells["Berg"]
