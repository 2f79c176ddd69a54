"""What ``pip install .`` puts into the wheel: every package of the source tree.

The package list in pyproject.toml is explicit (resources/ is mapped into the package);
a new subpackage missing from it works in the editable install of the tests but not for a
user who follows the README's first command.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_package_is_in_the_wheel() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    source = ROOT / "expertenrat"
    found = {
        ".".join(("expertenrat", *init.parent.relative_to(source).parts))
        for init in source.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found and found <= listed, f"missing in pyproject.toml: {sorted(found - listed)}"


def test_the_package_and_the_windows_file_speak_of_any_council() -> None:
    """(found by a tester) The package's description and the Windows file properties of the
    bundle (build.spec's FileDescription) called the program the secretariat's of a "Smart
    City" council: a Beirat in Lübeck runs the same program by its settings."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    spec = (ROOT / "build.spec").read_text("utf-8")
    (described,) = [line for line in spec.splitlines() if '"FileDescription"' in line]

    assert "Smart" not in project["description"]
    assert "Smart" not in described and "Geschäftsstelle eines Gremiums" in described
