"""The public invitation an OParl export publishes keeps its German keywords, as the
invitation saved in the window has them, with the digest that lets a re-export take it as
it is at their end (found by a tester: the published PDF's only keyword was
"oparl-573a1a47…", meaningless to an archive or a search engine)."""

from __future__ import annotations

import io
from pathlib import Path

from oparl_client import OParlClient
from pypdf import PdfReader

from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

BASE = "https://daten.example.de/oparl/v1"


def test_the_published_invitation_keeps_its_german_keywords(demo_file, tmp_path: Path) -> None:
    database = open_database(database_url(str(demo_file)))
    try:
        services = Services.create(database, "Frau Schulz")
        folder = tmp_path / "oparl"
        services.oparl_export.export(folder, BASE, force=False)
        meeting = next(
            m for m in OParlClient(folder, BASE).run().of_type("Meeting") if "invitation" in m
        )
        pdf = folder / meeting["invitation"]["accessUrl"].removeprefix(BASE + "/")
        keywords = PdfReader(io.BytesIO(pdf.read_bytes())).metadata["/Keywords"]

        assert keywords.startswith(f"Einladung, Tagesordnung, {meeting['name']}, Smart City")
        assert keywords.split(", ")[-1].startswith("oparl-")
    finally:
        database.close()
