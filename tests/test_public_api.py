"""The public API is what generator/__init__.py lists, every name exists, and errors share one base."""

from __future__ import annotations

import inspect

import vanban
from vanban import errors


def test_all_names_exist_and_are_sorted():
    for name in vanban.__all__:
        assert hasattr(vanban, name), name
    assert vanban.__all__ == sorted(vanban.__all__)


def test_every_public_error_is_a_vanban_error():
    for name in vanban.__all__:
        obj = getattr(vanban, name)
        if inspect.isclass(obj) and issubclass(obj, Exception):
            assert issubclass(obj, errors.VanbanError), name


def test_public_functions_have_docstrings():
    for name in vanban.__all__:
        obj = getattr(vanban, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert (obj.__doc__ or "").strip(), name
