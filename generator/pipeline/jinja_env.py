"""Build the one Jinja environment every template is rendered with.

Strict: a variable the data does not provide is an error naming it, never a blank in a signed document.
Autoescaped: `&`, `<` typed by a user stay text and cannot break the DOCX XML. Sandboxed when the template
comes from a user (an office's own edited copy), so a template cannot reach into Python.
"""

from __future__ import annotations

from jinja2 import Environment, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from vanban.vi import FILTERS


def make_environment(*, sandboxed: bool = False) -> Environment:
    """Return a strict, autoescaping environment with vanban's Vietnamese filters registered."""
    cls = ImmutableSandboxedEnvironment if sandboxed else Environment
    env = cls(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env
