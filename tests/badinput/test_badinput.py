"""The bad-input suite (issue 11): one pytest per case of tests/badinput/cases_*.py (see framework.py)."""
from __future__ import annotations

import pytest

from .framework import DOC_PATH, CaseFailure, collect, render_doc, run_case

CASES = collect()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case, qgis_app, tmp_path):
    try:
        run_case(case, tmp_path)
    except CaseFailure as exc:
        pytest.fail(str(exc), pytrace=False)


def test_bad_input_doc_is_current():
    """docs/bad-input.md lists exactly the cases above (`make bad-input-doc` regenerates it; `make test` does)."""
    assert DOC_PATH.exists() and DOC_PATH.read_text(encoding="utf-8") == render_doc(CASES), \
        "docs/bad-input.md is stale: run `make bad-input-doc` and commit it"


def test_case_ids_unique_and_named():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c.alg.startswith("sonae:") and c.what.strip(), c.id
