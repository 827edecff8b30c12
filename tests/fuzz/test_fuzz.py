"""Property-based tests: any input loads or fails cleanly; any dataset renders inertly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.fuzz.properties import check_cutting, check_load, check_render, datasets, mutated_yaml
from tracker.core.dataset import Dataset

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(mutated_yaml())
def test_mutated_files_load_or_fail_with_file_and_line(data: bytes) -> None:
    check_load(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_any_dataset_renders_in_every_format_without_live_markup(dataset: Dataset) -> None:
    check_render(dataset)


@FUZZ
@given(mutated_yaml())
def test_cutting_statements_into_pieces_never_changes_what_is_read(data: bytes) -> None:
    check_cutting(data)
