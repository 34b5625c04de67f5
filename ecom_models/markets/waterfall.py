"""The margin waterfall of one unit sold in a market, its range, the break-even exchange rate
and the reverse: the local price needed for a target margin.

Per unit, with P the gross price (local), v = VAT %, x = local per base, k = units per order,
S = shipping cost per order (base), F = shipping fee the shopper pays per order (gross, local),
r = return rate, s = resellable share, c = unit cost (base)::

    list price        P / x
    VAT               − P·v/(100+v) / x                    → net revenue N = P/(1+v/100)/x
    FX                − N · fx_cost%
    shipping          − (S − F/(1+v/100)/x) / k
    duties            − duty% · (N + S/k) − clearance/k    (customs value = goods + freight)
    marketplace fee   − m% · (P/x + F/x/k  if on gross, else N + F/(1+v/100)/x/k) − fixed/k
    payment fee       − p% · (P/x + F/x/k) − fixed/k
    returns           − r · (N + return cost/k)            (refund of the net price + handling)
    product cost      − c · (1 − r·s)                      (resold returns keep their cost)
    = contribution margin (per unit; × k per order)

Every term is linear in 1/x and in P, so the break-even rate and the price for a target
margin are exact (two evaluations of the line, no search).
"""
from __future__ import annotations

from dataclasses import replace

from .endings import round_to_ending
from .scenario import Component, MarketInputs, MarketResult

__all__ = ["ORDER", "compute", "margin_per_unit", "price_for_margin"]

ORDER = ("list_price", "vat", "fx", "shipping", "duties", "marketplace_fee", "payment_fee",
         "returns", "product_cost", "contribution_margin")


def _steps(i: MarketInputs) -> dict[str, float]:
    """Each step per unit in the base currency (deductions negative)."""
    x, k, v = i.fx_local_per_base, i.units_per_order, i.vat_pct / 100
    gross = i.list_price_gross_local / x
    net = gross / (1 + v)
    fee_gross = i.shipping_fee_gross_local_per_order / x / k
    fee_net = fee_gross / (1 + v)
    r = i.return_rate_pct / 100
    fee_base = (gross + fee_gross) if i.fee_on_gross else (net + fee_net)
    return {
        "list_price": gross,
        "vat": -(gross - net),
        "fx": -net * i.fx_cost_pct / 100,
        "shipping": -(i.shipping_cost_base_per_order / k - fee_net),
        "duties": -(i.duty_pct / 100 * (net + i.shipping_cost_base_per_order / k)
                    + i.clearance_fee_base_per_order / k),
        "marketplace_fee": -(i.marketplace_fee_pct / 100 * fee_base + i.marketplace_fee_fixed_base_per_order / k),
        "payment_fee": -(i.payment_fee_pct / 100 * (gross + fee_gross) + i.payment_fee_fixed_base_per_order / k),
        "returns": -r * (net + i.return_cost_base_per_return / k),
        "product_cost": -i.unit_cost_base * (1 - r * i.resellable_pct / 100),
    }


def margin_per_unit(inputs: MarketInputs) -> float:
    """Contribution margin per unit in the base currency (the sum of the waterfall's steps)."""
    return sum(_steps(inputs).values())


def _margin_at(inputs: MarketInputs, **changes) -> float:
    """The margin with some inputs changed, without re-validating bounds (for the lines)."""
    probe = object.__new__(MarketInputs)
    for name in MarketInputs.field_names():
        object.__setattr__(probe, name, changes.get(name, getattr(inputs, name)))
    return margin_per_unit(probe)


def compute(inputs: MarketInputs) -> MarketResult:
    """The waterfall, its range over the FX move and the return-rate spread, and the
    break-even exchange rate (see the module docstring for each formula)."""
    steps = _steps(inputs)
    margin = sum(steps.values())
    x = inputs.fx_local_per_base
    components = [Component(code, value * x, value, code == "list_price") for code, value in steps.items()]
    components.append(Component("contribution_margin", margin * x, margin, True))
    net = steps["list_price"] + steps["vat"]
    corners = []
    move = inputs.fx_move_pct / 100
    spread = inputs.return_rate_spread_pts
    for fx in ({x} if inputs.currency_local == inputs.currency_base else {x * (1 - move), x * (1 + move)}):
        for rate in {max(0.0, inputs.return_rate_pct - spread), min(90.0, inputs.return_rate_pct + spread)}:
            corners.append(_margin_at(inputs, fx_local_per_base=fx, return_rate_pct=rate))
    notes = []
    breakeven = None
    if inputs.currency_local != inputs.currency_base:
        # margin(x) = a / x + b: a from local-currency terms, b from base-currency terms
        m1, m2 = _margin_at(inputs, fx_local_per_base=x), _margin_at(inputs, fx_local_per_base=2 * x)
        a = 2 * x * (m1 - m2)
        b = m1 - a / x
        if a > 0 and b < 0:
            breakeven = a / -b
            notes.append(("market.breakeven_fx", {"rate": breakeven, "move_pct": (breakeven / x - 1) * 100}))
    if margin < 0:
        notes.append(("market.loss", {}))
    return MarketResult(inputs, tuple(components), net, margin, margin * inputs.units_per_order,
                        margin / net * 100 if net > 0 else float("nan"), min(corners), max(corners),
                        breakeven, tuple(notes))


def price_for_margin(inputs: MarketInputs, target_margin_pct: float, ending: str | None = "none") -> float | None:
    """The gross local price at which the margin is ``target_margin_pct`` % of the net revenue,
    rounded up to ``ending`` (``endings.round_to_ending``; ``ending=None``: not rounded); None when no price reaches it
    (the fees and returns take more than 100 % − target of every extra unit of price).

    Exact: margin(P) = α·P + β, and the target is m·P/((1+v)·x), so P = −β / (α − m/((1+v)x)).
    The VAT, duty and fee rates are those of ``inputs`` (check ``rules.tax_rule`` again at the
    new price when a limit such as IOSS EUR 150 may be crossed).
    """
    p0 = inputs.list_price_gross_local
    m0 = _margin_at(inputs, list_price_gross_local=p0)
    m1 = _margin_at(inputs, list_price_gross_local=p0 + 1.0)
    alpha, beta = m1 - m0, m0 - (m1 - m0) * p0
    slope = alpha - target_margin_pct / 100 / ((1 + inputs.vat_pct / 100) * inputs.fx_local_per_base)
    if slope <= 0:
        return None
    price = -beta / slope
    for _ in range(2):   # the line came from two evaluations: polish away their float rounding
        gap = _margin_at(inputs, list_price_gross_local=price) - target_margin_pct / 100 * price / (
            (1 + inputs.vat_pct / 100) * inputs.fx_local_per_base)
        price -= gap / slope
    if price <= 0:
        price = 0.01
    return price if ending is None else round_to_ending(price, ending)


def with_price(inputs: MarketInputs, price_gross_local: float) -> MarketInputs:
    """``inputs`` at another local price (validated)."""
    return replace(inputs, list_price_gross_local=price_gross_local)
