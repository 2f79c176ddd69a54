"""A council saved with the prefix of another council's recommendation codes: a warning, not
a refusal, since both councils would then issue "E-2026-01" (found by a tester)."""

from __future__ import annotations

from dataclasses import replace

from expertenrat.domain.councils import CouncilSettings


def _second(settings_service, prefix: str) -> CouncilSettings:
    return settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Görlitz", recommendation_prefix=prefix)
    )


def test_a_prefix_another_council_uses_is_warned_of(settings_service, council):
    second = _second(settings_service, "DB")
    saved = settings_service.update_settings(replace(second, recommendation_prefix="e"))

    (problem,) = settings_service.shared_prefix_warnings(saved.id, saved.recommendation_prefix)

    assert problem.warning
    assert problem.field == "recommendation_prefix"
    assert problem.message == (
        "Das Kürzel „E“ gilt auch für „Smart City Expert*innenrat“ (Rostock): Empfehlungen "
        "verschiedener Gremien bekämen so dieselben Kennungen („E-…“)."
    )
    assert saved.recommendation_prefix == "E"  # saved all the same


def test_a_prefix_of_its_own_or_a_free_one_is_not_warned_of(settings_service, council):
    _second(settings_service, "DB")

    assert settings_service.shared_prefix_warnings(council.id, "E") == []
    assert settings_service.shared_prefix_warnings(council.id, "JD") == []


def test_a_council_still_to_be_made_is_warned_of_each_council_sharing(settings_service, council):
    _second(settings_service, "E")

    (problem,) = settings_service.shared_prefix_warnings(None, "E")

    assert "„Smart City Expert*innenrat“ (Rostock) und „Digitalbeirat“ (Görlitz)" in problem.message
