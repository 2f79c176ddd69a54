"""Text as the outlines of its letters, drawn as shapes instead of text: for the "ENTWURF"
across a draft's pages, which as text crept into the text a reader copied or extracted
where its letters cross the lines ("wirdW der Antrag", "Der EEnergiebedarf").

The outlines come from the glyphs of a TrueType face registered with reportlab (its
``glyf`` and ``loca`` tables): quadratic contours, turned into the cubic curves of a PDF
path; a composite glyph ("Ü": "U" and the dieresis) is put together from its parts.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Iterator

from reportlab.pdfbase import pdfmetrics

Point = tuple[float, float]
# A contour: its points with whether each lies on the curve (else it is a control point).
Contour = list[tuple[float, float, bool]]

_ON_CURVE, _X_SHORT, _Y_SHORT, _REPEAT, _X_SAME, _Y_SAME = 1, 2, 4, 8, 16, 32
_WORDS, _SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 1, 8, 32, 64, 128


@functools.cache
def outline_path(text: str, face_name: str) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """The outlines of ``text`` set in ``face_name`` at 1 point, its baseline from x = 0
    (a letter's advance as reportlab measures it): ("M", x, y), ("L", x, y) and
    ("C", x1, y1, x2, y2, x3, y3) steps, each contour closed with ("Z",)."""
    face = pdfmetrics.getFont(face_name).face
    scale = 1 / face.unitsPerEm
    glyf = face.get_table("glyf")
    steps: list[tuple[str, tuple[float, ...]]] = []
    x = 0.0
    for char in text:
        glyph = face.charToGlyph.get(ord(char), 0)
        for contour in _contours(glyf, face.glyphPos, glyph):
            placed = [(x + px * scale, py * scale, on) for px, py, on in contour]
            steps += _contour_steps(placed)
        x += pdfmetrics.stringWidth(char, face_name, 1)
    return tuple(steps)


def _contours(glyf: bytes, positions: list[int], glyph: int) -> list[Contour]:
    start, end = positions[glyph], positions[glyph + 1]
    if end <= start:
        return []  # a glyph without outline (a space)
    data = glyf[start:end]
    count = struct.unpack_from(">h", data)[0]
    return _composite(glyf, positions, data) if count < 0 else _simple(data, count)


def _simple(data: bytes, count: int) -> list[Contour]:
    ends = struct.unpack_from(f">{count}H", data, 10)
    offset = 10 + 2 * count
    offset += 2 + struct.unpack_from(">H", data, offset)[0]  # past the instructions
    total = ends[-1] + 1 if ends else 0
    flags: list[int] = []
    while len(flags) < total:
        flag = data[offset]
        offset += 1
        repeat = 1
        if flag & _REPEAT:
            repeat += data[offset]
            offset += 1
        flags += [flag] * repeat
    xs, offset = _coordinates(data, offset, flags, _X_SHORT, _X_SAME)
    ys, _ = _coordinates(data, offset, flags, _Y_SHORT, _Y_SAME)
    points = [(x, y, bool(f & _ON_CURVE)) for x, y, f in zip(xs, ys, flags, strict=False)]
    contours, first = [], 0
    for last in ends:
        contours.append(points[first : last + 1])
        first = last + 1
    return contours


def _coordinates(
    data: bytes, offset: int, flags: list[int], short: int, same: int
) -> tuple[list[float], int]:
    """The absolute coordinates (x or y) of the points, and the offset after them."""
    values, value = [], 0
    for flag in flags:
        if flag & short:
            delta = data[offset]
            offset += 1
            value += delta if flag & same else -delta
        elif not flag & same:
            value += struct.unpack_from(">h", data, offset)[0]
            offset += 2
        values.append(value)
    return values, offset


def _composite(glyf: bytes, positions: list[int], data: bytes) -> list[Contour]:
    """The contours of a glyph made of other glyphs, each moved (and scaled) into place."""
    contours: list[Contour] = []
    offset, more = 10, True
    while more:
        flags, part = struct.unpack_from(">HH", data, offset)
        offset += 4
        if flags & _WORDS:
            dx, dy = struct.unpack_from(">hh", data, offset)
            offset += 4
        else:
            dx, dy = struct.unpack_from(">bb", data, offset)
            offset += 2
        a, b, c, d = 1.0, 0.0, 0.0, 1.0
        if flags & _SCALE:
            a = d = _f2dot14(data, offset)
            offset += 2
        elif flags & _XY_SCALE:
            a, d = _f2dot14(data, offset), _f2dot14(data, offset + 2)
            offset += 4
        elif flags & _TWO_BY_TWO:
            a, b, c, d = (_f2dot14(data, offset + 2 * n) for n in range(4))
            offset += 8
        for contour in _contours(glyf, positions, part):
            contours.append([(a * x + c * y + dx, b * x + d * y + dy, on) for x, y, on in contour])
        more = bool(flags & _MORE)
    return contours


def _f2dot14(data: bytes, offset: int) -> float:
    return struct.unpack_from(">h", data, offset)[0] / 16384


def _contour_steps(contour: Contour) -> list[tuple[str, tuple[float, ...]]]:
    """One closed contour as path steps: quadratic curves written as cubic ones."""
    if not contour:
        return []
    start = next((n for n, (_, _, on) in enumerate(contour) if on), None)
    if start is None:  # only control points: the curve starts between the first two
        (x0, y0, _), (x1, y1, _) = contour[0], contour[1]
        contour = [((x0 + x1) / 2, (y0 + y1) / 2, True), *contour[1:], contour[0]]
        start = 0
    ring = contour[start:] + contour[:start]
    current: Point = ring[0][:2]
    steps: list[tuple[str, tuple[float, ...]]] = [("M", current)]
    for control, end in _segments(ring):
        if control is None:
            steps.append(("L", end))
        else:
            steps.append(("C", _cubic(current, control, end)))
        current = end
    steps.append(("Z", ()))
    return steps


def _segments(ring: Contour) -> Iterator[tuple[Point | None, Point]]:
    """The contour's pieces after its first point (on the curve), back to it: a line to an
    end point (no control point) or a quadratic curve through a control point."""
    points = ring[1:] + ring[:1]  # ends on the first point: on the curve
    n = 0
    while n < len(points):
        x, y, on = points[n]
        if on:
            yield None, (x, y)
            n += 1
            continue
        nx, ny, next_on = points[n + 1]
        if next_on:
            yield (x, y), (nx, ny)
            n += 2
        else:  # two control points in a row: an implied point on the curve between them
            yield (x, y), ((x + nx) / 2, (y + ny) / 2)
            n += 1


def _cubic(start: Point, control: Point, end: Point) -> tuple[float, ...]:
    (x0, y0), (cx, cy), (x1, y1) = start, control, end
    return (
        x0 + 2 / 3 * (cx - x0),
        y0 + 2 / 3 * (cy - y0),
        x1 + 2 / 3 * (cx - x1),
        y1 + 2 / 3 * (cy - y1),
        x1,
        y1,
    )
