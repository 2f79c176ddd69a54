"""The bytes of many annexes for a pass over all of them (the Auskunft's search of their
text, the integrity check's SHA-256): several annexes per statement, as many as stay under
a budget of bytes. One statement per annex took 333 round trips on ten years' data (20 ms
each to a server over a city's VPN); all at once could fill the memory (an annex may hold
50 MB)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from expertenrat.store.models import StoredFile

CHUNK_BYTES = 32 * 1024 * 1024  # read together, at most (unless one annex is larger)
CHUNK_FILES = 64  # at most, whatever their sizes say


def chunks(
    annexes: Iterable[tuple[int, int]], budget: int = CHUNK_BYTES, most: int = CHUNK_FILES
) -> Iterator[list[int]]:
    """The ids of ``annexes`` (id, size in bytes) in their order, in chunks of at most
    ``most`` whose sizes add up to at most ``budget`` (an annex larger alone)."""
    chunk: list[int] = []
    total = 0
    for file_id, size in annexes:
        if chunk and (total + size > budget or len(chunk) >= most):
            yield chunk
            chunk, total = [], 0
        chunk.append(file_id)
        total += size
    if chunk:
        yield chunk


def annex_contents(
    reader: Connection | Session, annexes: Iterable[tuple[int, int]]
) -> Iterator[tuple[int, bytes]]:
    """The id and bytes of each of ``annexes`` (id, size in bytes) in their order, a chunk
    read at a time (:func:`chunks`); one gone meanwhile is left out."""
    for chunk in chunks(annexes):
        statement = select(StoredFile.id, StoredFile.content).where(StoredFile.id.in_(chunk))
        read: dict[int, bytes] = {i: content for i, content in reader.execute(statement)}
        for file_id in chunk:
            if file_id in read:
                yield file_id, read.pop(file_id)  # not kept here once handed on
