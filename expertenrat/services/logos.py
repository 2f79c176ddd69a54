"""The council's logo where it comes in: whether every PDF can draw it, and the one form it
is stored in, however it came (saved through the settings service, which the chooser of
Einstellungen and any script use, or read from a settings file)."""

from __future__ import annotations

from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.reports.logo_image import (
    LOGO_SIDE,
    MAX_LOGO_SIDE,
    UnusableLogoError,
    fitted_logo,
    logo_problem,
)

__all__ = ["LOGO_SIDE", "MAX_LOGO_SIDE", "logo_problems", "stored_logo"]


def logo_problems(png: bytes | None) -> list[FieldProblem]:
    """The logo must decode whole as a PNG of a sensible size (``reports.logo_image``), so
    that every PDF can draw it."""
    problem = logo_problem(png) if png else None
    return [FieldProblem("logo_png", f"Das Logo ist {problem}.")] if problem else []


def stored_logo(png: bytes) -> bytes:
    """``png`` as a logo is stored: scaled down to at most :data:`LOGO_SIDE` pixels a side
    (``reports.logo_image.fitted_logo``). ``ValidationError`` if it cannot be drawn."""
    try:
        return fitted_logo(png)
    except UnusableLogoError as error:
        raise ValidationError([FieldProblem("logo_png", f"Das Logo ist {error}.")]) from None
