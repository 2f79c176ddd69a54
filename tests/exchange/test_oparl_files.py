"""The web server README of the OParl export: its nginx example matches the base URL."""

from __future__ import annotations

import pytest

from expertenrat.exchange.oparl_files import web_server_readme


def _locations(base_url: str) -> list[str]:
    return [line.strip() for line in web_server_readme(base_url).splitlines() if "location" in line]


@pytest.mark.parametrize(
    ("base_url", "locations"),
    [
        ("https://daten.rostock.de/oparl/v1", ["/oparl/v1/", "/oparl/v1/download/"]),
        ("https://daten.rostock.de", ["/", "/download/"]),
        # nginx compares the decoded path: "/r%C3%A4te/" never matched a request
        ("https://xn--lbeck-kva.de/r%C3%A4te/oparl", ["/räte/oparl/", "/räte/oparl/download/"]),
        ("https://x.de/offene%20daten", ['"/offene daten/"', '"/offene daten/download/"']),
    ],
)
def test_the_nginx_example_names_the_path_as_nginx_compares_it(base_url, locations):
    assert _locations(base_url) == [f"location {path} {{" for path in locations]


def test_the_notes_name_the_program_not_a_council_it_might_not_be():
    """(found by a tester) A Beirat's web server notes began "OParl-1.1-Export des
    Expertenrats", as if the export were another council's."""
    title, underline, *_ = web_server_readme("https://daten.leipzig.de/oparl/v1").splitlines()

    assert title == "OParl-1.1-Export aus dem Programm Expertenrat – Hinweise für den Webserver"
    assert underline == "=" * len(title)
