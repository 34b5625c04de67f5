"""Synthetic order lines with a planted pair (known lift) and independent products."""
from __future__ import annotations

import numpy as np
import pandas as pd

N_ORDERS = 6000
P_A, P_B = 0.10, 0.08          # marginal shares of the planted pair's products
P_B_GIVEN_A = 0.50             # planted: half of A's orders hold B -> lift = 0.5 / P_B_total
N_INDEPENDENT = 20
P_INDEPENDENT = 0.06


def planted_lines(seed: int = 7) -> tuple[pd.DataFrame, float]:
    """Order lines of N_ORDERS orders and the planted lift P(B|A) / P(B).

    Products 'A' and 'B' are linked: B is in half of A's orders and in a share of the
    others chosen so that P(B) = P_B; products I00..I19 are independent of everything."""
    rng = np.random.default_rng(seed)
    has_a = rng.random(N_ORDERS) < P_A
    p_b_not_a = (P_B - P_A * P_B_GIVEN_A) / (1 - P_A)
    has_b = np.where(has_a, rng.random(N_ORDERS) < P_B_GIVEN_A, rng.random(N_ORDERS) < p_b_not_a)
    rows = []
    for order in range(N_ORDERS):
        skus = [s for s, held in (("A", has_a[order]), ("B", has_b[order])) if held]
        skus += [f"I{i:02d}" for i in range(N_INDEPENDENT) if rng.random() < P_INDEPENDENT]
        if not skus:
            skus = ["FILL"]
        for sku in skus:
            rows.append((order, sku))
    frame = pd.DataFrame(rows, columns=["order_id", "sku"])
    n = len(frame)
    lines = pd.DataFrame({
        "id": np.arange(n), "channel": "shop", "order_id": frame["order_id"].astype(str),
        "ordered_at": pd.Timestamp("2024-01-01") + pd.to_timedelta(frame["order_id"] * 120, unit="min"),
        "sku": frame["sku"], "product_name": "Product " + frame["sku"], "category": None,
        "quantity": 1.0, "unit_price": 10.0, "currency": "EUR", "customer_id": None, "country": "DE",
        "is_return": False, "is_product": True, "import_id": 1, "price_basis": None, "customer_group": None})
    for column in ("channel", "order_id", "sku", "product_name", "currency", "country"):
        lines[column] = lines[column].astype("category")
    return lines, P_B_GIVEN_A / P_B
