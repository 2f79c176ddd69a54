"""(found by a tester) SQLite gave a member saved after the newest one was deleted (entered
by mistake) the deleted one's person and membership numbers: the Änderungsprotokoll and
its CSV export labelled the deleted member's entries with the new member's name."""

from __future__ import annotations

import codecs
import csv
import io

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.services.audit_reading import AuditFilter
from expertenrat.services.context import Services


def test_a_deleted_members_entries_keep_her_name_after_another_member_is_saved(
    sqlite_database, today
):
    services = Services.create(sqlite_database, "Geschäftsstelle")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Wismar")
    )
    field = services.settings.action_fields(council.id)[0].id

    def save(given_name: str, family_name: str) -> Member:
        member = Member(
            id=None, primary_field_id=field, term_start=today,
            given_name=given_name, family_name=family_name,
        )  # fmt: skip
        return services.members.save(council.id, member, today)

    save("Anna", "Berg")
    newest = save("Jana", "Petersen")
    services.members.delete(services.members.member(newest.id), today=today)
    saved = save("Max", "Neumann")

    assert saved.id > newest.id and saved.person_id > newest.person_id
    page = services.audit.search(AuditFilter(council_id=council.id), limit=None)
    names = services.audit.names(page.lines)
    assert names.get(("person", newest.person_id)) is None  # deleted: shown by number
    assert names[("person", saved.person_id)] == "Max Neumann"
    export = codecs.decode(
        services.audit.export_csv(AuditFilter(council_id=council.id)), "utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(export), delimiter=";"))
    hers = [row for row in rows if "Petersen" in row[4]]
    assert hers and not any("Neumann" in cell for row in hers for cell in row)
    assert ["Person (Nr.)", "", str(newest.person_id)] in [row[5:] for row in hers]
