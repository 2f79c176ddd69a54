"""Open data on the command line: the OParl 1.1 tree and the open-data files."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from expertenrat.cli.support import UserError, print_warnings, target_path
from expertenrat.domain.wording import counted, file_size

if TYPE_CHECKING:
    from expertenrat.services.context import Services
    from expertenrat.services.folder_writing import WrittenFolder


def add_exports(exports: argparse._SubParsersAction) -> None:
    oparl = exports.add_parser(
        "oparl", help="die öffentlichen Daten aller Gremien als statischer OParl-1.1-Baum"
    )
    oparl.add_argument(
        "--out", required=True, type=target_path, metavar="ORDNER", help="Zielordner"
    )
    oparl.add_argument(
        "--base-url",
        required=True,
        type=base_url_argument,
        metavar="URL",
        help="die https-Adresse, unter der der Ordner veröffentlicht wird "
        "(z. B. https://daten.example.de/oparl/v1)",
    )
    force_option(oparl)
    oparl.set_defaults(handler=_export_oparl, opening="read")
    opendata = exports.add_parser(
        "opendata",
        help="Empfehlungsregister und Sitzungsliste als CSV mit datapackage.json (offene Daten)",
    )
    opendata.add_argument(
        "--out", required=True, type=target_path, metavar="ORDNER", help="Zielordner"
    )
    force_option(opendata)
    opendata.set_defaults(handler=_export_open_data, opening="read")


def force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="einen nicht leeren Zielordner vollständig ersetzen"
    )


def base_url_argument(text: str) -> str:
    from expertenrat.domain.oparl_base import BaseUrlError, check_base_url

    try:
        return check_base_url(text)
    except BaseUrlError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _export_oparl(services: Services, args: argparse.Namespace) -> str:
    with refusing_full_folder():
        written = services.oparl_export.export(args.out, args.base_url, force=args.force)
    print_warnings(written.warnings)
    return f"OParl-Export: {folder_summary(written)}"


def _export_open_data(services: Services, args: argparse.Namespace) -> str:
    with refusing_full_folder():
        written = services.open_data_export.export(args.out, force=args.force)
    print_warnings(written.warnings)
    return f"Offene Daten: {folder_summary(written)}"


def folder_summary(written: WrittenFolder) -> str:
    size = file_size(written.size)
    return f"{counted(written.files, 'Datei', 'Dateien')} ({size}) in {written.folder}"


@contextmanager
def refusing_full_folder() -> Iterator[None]:
    """Turns the service's refusal of a full folder into the command line's hint."""
    from expertenrat.services.folder_writing import FolderNotEmptyError

    try:
        yield
    except FolderNotEmptyError as error:
        raise UserError(f"{error.message} Mit --force wird er ersetzt.", error.detail) from None
