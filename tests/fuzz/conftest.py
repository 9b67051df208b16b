"""Hypothesis profiles for the fuzz suite: "ci" (default, bounded and repeatable) and "dai" (long, by hand).

Run the long one with `VANBAN_FUZZ=dai .venv/bin/python -m pytest tests/fuzz -p no:cacheprovider`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

# Each test sets its own example count for "ci" with @settings(max_examples=…); "dai" overrides it below.
settings.register_profile("ci", derandomize=True, deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.register_profile(
    "dai", max_examples=5000, derandomize=False, deadline=None, suppress_health_check=_QUIET, print_blob=True
)
settings.load_profile(os.environ.get("VANBAN_FUZZ", "ci"))

LONG_RUN = os.environ.get("VANBAN_FUZZ") == "dai"


def examples(count: int) -> int:
    """Return `count` for the CI profile, or the long profile's count when VANBAN_FUZZ=dai."""
    return 5000 if LONG_RUN else count
