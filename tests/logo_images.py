"""Logos for tests: a real PNG, PNGs cut short, and one whose header promises 20,000 x
20,000 pixels (a small file that would take gigabytes to draw)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def png(width: int = 60, height: int = 20, colour: tuple[int, int, int] = (31, 78, 121)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def header_only_png() -> bytes:
    """The PNG signature and nothing after it (as a cut file or a hand-made one)."""
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 30


def truncated_png() -> bytes:
    """A real PNG of noise cut in the middle of its image data."""
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 80).convert("RGB").save(buffer, "PNG")
    data = buffer.getvalue()
    return data[: len(data) // 2]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def oversized_png(side: int = 20_000) -> bytes:
    """A valid black-and-white PNG of ``side`` x ``side`` pixels, compressed to a few KB."""
    row = b"\x00" + b"\x00" * ((side + 7) // 8)  # filter byte, then 1 bit a pixel
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )
