"""The `vanban` command: one module per command, each parsing arguments and calling the core API."""

from __future__ import annotations

from vanban.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
