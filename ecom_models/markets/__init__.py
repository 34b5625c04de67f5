"""Markets and channels: what a product earns per country and per sales channel, and whether
a new market pays off (issue 19).

- ``reference``: the shipped market table (VAT, customs, costs, sources), channel fees;
- ``fx``: ECB reference rates, cross rates, the ECB daily-file parser;
- ``rules``: VAT regime, duty and clearance per seller → market;
- ``scenario``/``waterfall``: the what-if record and its margin waterfall, range,
  break-even rate and price for a target margin; ``endings``: local price endings;
- ``build``: default inputs from the tables; ``seller``: the seller setting;
- ``history``: the shop's own figures per country and channel; ``channel_costs``: what a
  channel charged from its own reports (Amazon settlement fee lines), fee rate per channel; ``entry``: demand from
  comparable markets, break-even volume and months, the EU OSS threshold.
"""
from .build import Seller, default_inputs, local_price_from_home
from .channel_costs import SETTLEMENT_TYPES, channel_cost_lines, channel_costs
from .endings import ENDINGS, round_to_ending
from .entry import break_even_units, comparable_demand, months_to_break_even, oss_status
from .fx import FxTable, load_rates, parse_ecb_daily
from .reference import amazon_referral_fees, channel_fees, channel_kind, completeness_problems, markets
from .rules import OSS_THRESHOLD_EUR, TaxRule, tax_rule
from .scenario import BOUNDS, Component, MarketInputs, MarketResult
from .seller import SELLER_KEY, default_seller, seller_from_setting
from .waterfall import ORDER, compute, margin_per_unit, price_for_margin

__all__ = ["BOUNDS", "ENDINGS", "ORDER", "OSS_THRESHOLD_EUR", "SELLER_KEY", "SETTLEMENT_TYPES",
           "channel_cost_lines", "channel_costs", "Component", "FxTable",
           "MarketInputs", "MarketResult", "Seller", "TaxRule", "amazon_referral_fees", "break_even_units",
           "channel_fees", "channel_kind", "comparable_demand", "completeness_problems", "compute",
           "default_inputs", "default_seller", "load_rates", "local_price_from_home", "margin_per_unit",
           "markets", "months_to_break_even", "oss_status", "parse_ecb_daily", "price_for_margin",
           "round_to_ending", "seller_from_setting", "tax_rule"]
