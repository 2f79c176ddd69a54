"""The member dialog saves a withdrawn consent to publish the name in the background: the
stored public minutes that name the member are rendered again meanwhile."""

from __future__ import annotations

import io
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from expertenrat.domain.enums import MinutesState
from expertenrat.store import models
from expertenrat.ui.member_dialog import MemberDialog
from expertenrat.ui.worker import THREAD_NAME


@pytest.fixture
def services(demo_services):
    return demo_services


def _public_texts(services) -> list[str]:
    with services.database.reading() as session:
        pdfs = session.scalars(
            select(models.MinutesVersion.public_pdf).where(
                models.MinutesVersion.state == MinutesState.APPROVED.value
            )
        ).all()
    return [
        " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
        for pdf in pdfs
    ]


def test_withdrawing_the_name_consent_saves_in_a_worker_and_unnames_the_member(
    services, qtbot, today, monkeypatch
) -> None:
    council = services.settings.councils()[0]
    texts = _public_texts(services)
    member = next(
        m
        for m in services.members.members(council.id)
        if m.publish_name and all(m.full_name in text for text in texts)
    )
    fields = services.settings.action_fields(council.id)
    dialog = MemberDialog(services.members, council.id, fields, today, member)
    qtbot.addWidget(dialog)
    dialog.open()
    threads: list[str] = []
    save = services.members.save

    def recorded_save(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return save(*args, **kwargs)

    monkeypatch.setattr(services.members, "save", recorded_save)

    dialog.form.publish_name_row.check.setChecked(False)
    with qtbot.waitSignal(dialog.saved, timeout=60_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.buttons.isEnabled()  # while the minutes are rendered again

    assert threads == [THREAD_NAME]
    assert not saved.args[0].publish_name
    assert all(member.full_name not in text for text in _public_texts(services))
    assert dialog.result() == MemberDialog.DialogCode.Accepted
