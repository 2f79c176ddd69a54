"""The logo as the page header draws it: scaled into the header's logo box, or left out
with a warning where a stored logo cannot be drawn (one stored before logos were checked
on entry, :mod:`~expertenrat.reports.logo_image`)."""

from __future__ import annotations

import hashlib
import logging

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from expertenrat.reports.logo_image import UnusableLogoError, decoded_logo

log = logging.getLogger(__name__)

LOGO_BOX = (36 * mm, 10 * mm)  # width and height the logo is fitted into


def header_logo(png: bytes | None) -> tuple[tuple[ImageReader, float, float] | None, str]:
    """The logo with its size scaled into the header's logo box, or ``None`` and why it is
    unusable (a logo stored before logos were checked) as the end of "Das Logo …"."""
    if not png:
        return None, ""
    try:
        image = ImageReader(decoded_logo(png))
        pixel_width, pixel_height = image.getSize()
    except UnusableLogoError as error:
        return _left_out(png, f"ist {error}")
    except Exception as error:  # a broken logo must not cost the user the document
        return _left_out(png, "kann nicht gezeichnet werden", type(error).__name__)
    scale = min(LOGO_BOX[0] / pixel_width, LOGO_BOX[1] / pixel_height)
    return (image, pixel_width * scale, pixel_height * scale), ""


def logo_left_out(problem: str) -> str:
    """The warning of a document without its logo; ``problem`` ends "Das Logo …"."""
    return (
        f"Das Logo in den Einstellungen {problem} und fehlt im Dokument; "
        "bitte unter Einstellungen ein neues Logo wählen."
    )


_logged_logos: set[str] = set()  # the SHA-256 of each unusable logo already logged


def _left_out(png: bytes, problem: str, error: str = "") -> tuple[None, str]:
    """No logo, because of ``problem``; one line in the log per unusable logo and run (a
    letter per member is a document each: the log names the logo once, not per letter)."""
    digest = hashlib.sha256(png).hexdigest()
    if digest not in _logged_logos:
        if len(_logged_logos) > 100:
            _logged_logos.clear()
        _logged_logos.add(digest)
        log.info("Logo left out of the PDF: Das Logo %s%s", problem, f" ({error})" if error else "")
    return None, problem
