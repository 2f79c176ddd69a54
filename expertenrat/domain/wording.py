"""Small pieces of German wording shared by messages."""

from __future__ import annotations

from collections.abc import Iterable


def counted(number: int, one: str, many: str) -> str:
    """ "1 Gremium", "2 Gremien": the number with the noun in its grammatical number."""
    return f"{number} {one if number == 1 else many}"


def number_ranges(numbers: Iterable[int]) -> str:
    """ "2–5, 8, 10–11": the numbers (of rows, say) in order, each run of consecutive ones as
    its first and last, so that 20,000 rows make a short line."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in runs)


def shortened(text: str, length: int) -> str:
    """``text`` cut to at most ``length`` characters, ending in "…" where it was cut."""
    return text if len(text) <= length else f"{text[: length - 1]}…"


def file_size(size: int) -> str:
    """ "1,2 MB", "340 KB": a file's size in German notation."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def whole_number(number: int) -> str:
    """ "1.450": a whole number with German thousands separators."""
    return f"{number:,}".replace(",", ".")
