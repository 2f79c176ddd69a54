import re
import uuid

from expertenrat.store.model_base import new_public_id, new_public_ids


def test_public_ids_made_at_once_are_random_uuids_of_the_form_of_single_ones() -> None:
    ids = new_public_ids(2_000)

    assert len(set(ids)) == 2_000
    single = new_public_id()
    form = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
    assert all(form.fullmatch(public_id) for public_id in [*ids, single])
    assert {uuid.UUID(public_id).version for public_id in ids} == {4}
    assert {public_id[19] for public_id in ids} == set("89ab")  # every variant digit occurs
    assert new_public_ids(0) == []
