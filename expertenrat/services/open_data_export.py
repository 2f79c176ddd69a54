"""The open-data files: the public recommendations register and the meeting list as CSV
with a Frictionless ``datapackage.json``, read like the OParl export and under its rules."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from expertenrat.domain.oparl_records import CouncilRecord, export_title
from expertenrat.domain.open_data import open_data_tables
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.domain.published_mentions import unnamed_in_recommendations
from expertenrat.exchange.open_data_files import open_data_files
from expertenrat.services.folder_writing import WrittenFolder, write_folder
from expertenrat.services.oparl_export import OParlExportService

# The data package's description: a folder holding it holds an earlier export.
MARK = "datapackage.json"


class OpenDataExportService:
    def __init__(self, oparl: OParlExportService) -> None:
        self._oparl = oparl  # reads the councils' records

    def files(self, progress: Progress = no_progress) -> dict[str, bytes]:
        return _files(self._oparl.councils(invitations=False, progress=progress))

    def export(
        self, folder: Path, *, force: bool = False, progress: Progress = no_progress
    ) -> WrittenFolder:
        """Write the files into ``folder`` (one not empty is replaced only with ``force``, and
        only if it holds an earlier export); ``progress`` may stop it (:class:`Cancelled`)
        until the writing begins. Its warnings name a published recommendation that names a
        member who may not be named."""
        councils = self._oparl.councils(invitations=False, progress=progress)
        files = _files(councils)
        progress(1, 1)
        written = write_folder(folder, files, force=force, mark=MARK)
        return replace(written, warnings=unnamed_in_recommendations(councils))


def _files(councils: list[CouncilRecord]) -> dict[str, bytes]:
    return open_data_files(open_data_tables(councils), export_title(councils, "offene Daten"))
