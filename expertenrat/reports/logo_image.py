"""Whether a council's logo can be drawn: a PNG that decodes whole, of a sensible size; and
the logo as it is stored, scaled down to at most :data:`LOGO_SIDE` pixels a side.

Where a logo enters (the settings service saves every logo, the chooser's of Einstellungen
too; the transfer service reads a settings file's) it is checked and fitted here
(``services.logos.stored_logo``), so no PDF later meets a logo it cannot draw. The page
header decodes a stored logo (one stored before this check) the same way and leaves an
unusable one out (:mod:`~expertenrat.reports.header_logo`).
"""

from __future__ import annotations

import io
import struct
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_LOGO_SIDE = 4000  # pixels a logo that comes in may have; the header draws 36 x 10 mm
LOGO_SIDE = 600  # pixels a side a stored logo has at most: some 420 dpi at 36 mm


class UnusableLogoError(ValueError):
    """The logo cannot be drawn; the message is a German predicate for "Das Logo ist …"."""


def logo_problem(png: bytes) -> str | None:
    """Why ``png`` cannot be the logo, as the end of "Das Logo ist …" ("kein lesbares
    PNG-Bild (beschädigt oder unvollständig)"), or ``None`` if it can."""
    try:
        decoded_logo(png)
    except UnusableLogoError as error:
        return str(error)
    return None


def fitted_logo(png: bytes) -> bytes:
    """``png`` as the logo is stored, whichever way it came in (chosen in Einstellungen, read
    from a settings file): scaled down to at most :data:`LOGO_SIDE` pixels on its longer side
    (aspect kept, smoothly), as PNG; a logo no larger is returned as it is.
    :class:`UnusableLogoError` as :func:`decoded_logo`."""
    from PIL import Image  # on demand, as above

    image = decoded_logo(png)
    if max(image.size) <= LOGO_SIDE:
        return png
    if image.mode not in ("RGB", "RGBA", "L", "LA"):  # a palette would be scaled coarsely
        image = image.convert("RGBA")
    image.thumbnail((LOGO_SIDE, LOGO_SIDE), Image.Resampling.LANCZOS)
    scaled = io.BytesIO()
    image.save(scaled, "PNG")
    return scaled.getvalue()


def decoded_logo(png: bytes) -> Image:
    """``png`` decoded whole (every pixel read); :class:`UnusableLogoError` if it is no
    readable PNG or larger than :data:`MAX_LOGO_SIDE` pixels on a side."""
    from PIL import Image  # Pillow (reportlab's image library): on demand

    unreadable = UnusableLogoError("kein lesbares PNG-Bild (beschädigt oder unvollständig)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(png), formats=("PNG",))
        width, height = image.size
        if max(width, height) > MAX_LOGO_SIDE:
            raise _too_large(width, height)
        image.load()
    except Image.DecompressionBombError:  # Pillow refuses to open it at all
        raise _too_large(*_header_size(png)) from None
    except UnusableLogoError:
        raise
    except Exception:  # Pillow fails in many ways on a damaged file
        raise unreadable from None
    if width <= 0 or height <= 0:
        raise unreadable
    return image


def _too_large(width: int, height: int) -> UnusableLogoError:
    return UnusableLogoError(
        f"mit {_number(width)} × {_number(height)} Pixeln zu groß "
        f"(höchstens {_number(MAX_LOGO_SIDE)} Pixel je Seite)"
    )


def _header_size(png: bytes) -> tuple[int, int]:
    """Width and height as the PNG's IHDR chunk (bytes 16 to 24) states them."""
    return struct.unpack(">II", png[16:24]) if png[12:16] == b"IHDR" else (0, 0)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")
