"""The public API is what generator/__init__.py lists, every name exists, and errors share one base."""

from __future__ import annotations

import inspect

import generator
from generator import errors


def test_all_names_exist_and_are_sorted():
    for name in generator.__all__:
        assert hasattr(generator, name), name
    assert generator.__all__ == sorted(generator.__all__)


def test_every_public_error_is_a_vanban_error():
    for name in generator.__all__:
        obj = getattr(generator, name)
        if inspect.isclass(obj) and issubclass(obj, Exception):
            assert issubclass(obj, errors.VanbanError), name


def test_public_functions_have_docstrings():
    for name in generator.__all__:
        obj = getattr(generator, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert (obj.__doc__ or "").strip(), name
