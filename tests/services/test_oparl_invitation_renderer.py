"""The digest an OParl export's invitation PDF carries covers the source of the domain
modules that shape what it shows, not only the report modules that draw it: a change to
the public invitation's cuts or the wording alone redraws the published invitations
(found by review: it covered ``reports/`` alone, so they stayed as they were)."""

from __future__ import annotations

from pathlib import Path

import pytest

from expertenrat.services import oparl_invitations


@pytest.mark.parametrize("module", ["public_invitation.py", "annexes.py", "wording.py"])
def test_a_changed_domain_module_changes_the_renderer_digest(monkeypatch, module) -> None:
    before = oparl_invitations._renderer.__wrapped__()
    read = Path.read_bytes

    def changed(path: Path) -> bytes:
        content = read(path)
        return (
            content + b"\n# changed\n"
            if path.parent.name == "domain" and path.name == module
            else content
        )

    monkeypatch.setattr(Path, "read_bytes", changed)

    assert oparl_invitations._renderer.__wrapped__() != before
