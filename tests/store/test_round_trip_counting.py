"""The round trips counted from libpq's trace (tests/server_round_trips.py), read from the
lines psycopg's drivers write: psycopg up to 3.1.19 sends its BEGIN and ROLLBACK parsed
(extended protocol), later ones as simple queries."""

from __future__ import annotations

from server_round_trips import RoundTrips, _round_trips


def _counted(trace: str) -> RoundTrips:
    return RoundTrips(sent=list(_round_trips(trace)))


def test_parsed_statements_are_named_without_their_parameter_count() -> None:
    # Found by a helper: with psycopg 3.1.19 'ROLLBACK" 0' counted as a statement, not as
    # a ROLLBACK, and the connection check's test saw four statements where two were sent.
    trace = "\n".join(
        [
            'F\t44\tParse\t "" "BEGIN ISOLATION LEVEL READ COMMITTED" 0',
            'F\t14\tBind\t "" "" 0 0 1 0',
            "F\t4\tSync",
            'F\t13\tQuery\t "SELECT 1"',
            'F\t16\tParse\t "" "ROLLBACK" 0',
            "F\t4\tSync",
            'F\t30\tParse\t "" "SELECT $1" 2 23 25',
            "F\t4\tSync",
        ]
    )

    counted = _counted(trace)

    assert counted.sent == [
        "BEGIN ISOLATION LEVEL READ COMMITTED",
        "SELECT 1",
        "ROLLBACK",
        "SELECT $1",
    ]
    assert counted.kinds() == {"BEGIN": 1, "ROLLBACK": 1, "statement": 2}


def test_simple_queries_and_a_statement_on_lines_of_its_own_are_counted() -> None:
    trace = "\n".join(
        [
            'F\t41\tQuery\t "BEGIN ISOLATION LEVEL READ COMMITTED"',
            'F\t60\tParse\t "" "',
            "SELECT id",
            '  FROM councils" 0',
            "F\t4\tSync",
            'F\t13\tQuery\t "ROLLBACK"',
        ]
    )

    assert _counted(trace).kinds() == {"BEGIN": 1, "statement": 1, "ROLLBACK": 1}
