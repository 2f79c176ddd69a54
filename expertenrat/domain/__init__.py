"""Plain Python: enums, value types, rules and the dataclasses that cross layers."""
