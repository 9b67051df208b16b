"""Money lines in words ("Một triệu năm trăm nghìn đồng", "Bằng chữ: …"), read through num2words' interface."""

from __future__ import annotations

from decimal import Decimal

from .num2words_vi import num2words_vi
from .text import capitalize_first

__all__ = ["bang_chu", "money_in_words"]


def money_in_words(
    amount: int | Decimal | str,
    *,
    currency: str = "đồng",
    exact_suffix: str | None = None,
    **options: str,
) -> str:
    """Write an amount in words for a money line ("Một triệu năm trăm nghìn đồng"); None suffix adds nothing.

    ``currency`` is the unit as written ("đồng", "đô la Mỹ") or an ISO code; "" writes no unit.
    ``exact_suffix`` (e.g. "chẵn") is appended after the currency; ``options`` go to ``number_to_words``.
    """
    words = num2words_vi(amount, to="currency", currency=currency, exact_suffix=exact_suffix, **options)
    return capitalize_first(words)


def bang_chu(
    amount: int | Decimal | str,
    *,
    currency: str = "đồng",
    exact_suffix: str | None = None,
    **options: str,
) -> str:
    """Write the "Bằng chữ: …" line under an amount ("Bằng chữ: Một triệu năm trăm nghìn đồng")."""
    words = money_in_words(amount, currency=currency, exact_suffix=exact_suffix, **options)
    return f"Bằng chữ: {words}"
