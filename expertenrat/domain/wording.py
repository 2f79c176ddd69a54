"""Small pieces of German wording shared by messages."""

from __future__ import annotations


def counted(number: int, one: str, many: str) -> str:
    """ "1 Gremium", "2 Gremien": the number with the noun in its grammatical number."""
    return f"{number} {one if number == 1 else many}"
