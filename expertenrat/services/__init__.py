"""Use cases: one module per aggregate. They own sessions and transactions, apply the
domain rules and hand out domain dataclasses, never ORM objects."""
