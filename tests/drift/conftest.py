"""Fixtures of the drift tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def use():
    from claimtrack.embed import USEEmbedder

    return USEEmbedder(threads=1)
