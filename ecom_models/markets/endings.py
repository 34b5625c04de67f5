"""Customary local price endings: a computed price rounded UP to the next price a shopper in
that market expects (``.99`` in Germany and the UK, ``.90`` in Switzerland and Austria, whole
prices ending in 9 for the Nordic and central-European currencies: NOK 249, HUF 4,999).
Rounding up keeps a target margin reached; the market table names each market's ending."""
from __future__ import annotations

import math

__all__ = ["ENDINGS", "round_to_ending"]

ENDINGS = ("none", ".99", ".95", ".90", "whole", "whole9")


def round_to_ending(price: float, ending: str) -> float:
    """The smallest price ≥ ``price`` with the given ending.

    ``.99``/``.95``/``.90``: the cents end so (12.31 → 12.90 for ``.90``; 12.96 → 13.90);
    ``whole``: the next whole unit; ``whole9``: the next whole price ending in 9
    (241.5 → 249); ``none``: rounded up to the cent.
    """
    if not math.isfinite(price) or price <= 0:
        raise ValueError(f"a price must be a positive number, got {price!r}")
    cents = math.ceil(round(price * 100, 6))
    if ending == "none":
        return cents / 100
    if ending == "whole":
        return float(math.ceil(cents / 100))
    if ending == "whole9":
        whole = math.ceil(cents / 100)
        return float(whole + (9 - whole % 10) % 10)
    if ending in (".99", ".95", ".90"):
        tail = int(ending[1:])
        units, rest = divmod(cents, 100)
        return float(units + tail / 100) if rest <= tail else float(units + 1 + tail / 100)
    raise ValueError(f"unknown price ending {ending!r} (one of {', '.join(ENDINGS)})")
