"""Gamma-Gamma: how much a customer spends per order.

Source: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
Analysis", Journal of Marketing Research 42(4), 415–430, and Fader & Hardie (2013), "The
Gamma-Gamma Model of Monetary Value" (note). Each order value z ~ Gamma(p, ν); across
customers ν ~ Gamma(q, γ); spend is assumed independent of how often one buys. For a
customer with x orders of mean value m̄:

    f(m̄ | p, q, γ; x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · m̄^(px−1) · x^(px) / (γ + x m̄)^(px+q)

and the expected value of their next orders (eq. 5 of the note):

    E[Z | m̄, x] = p (γ + x m̄) / (px + q − 1)
                = (q−1)/(px+q−1) · γp/(q−1) + px/(px+q−1) · m̄

(a weighted mean of the population mean γp/(q−1) and the customer's own mean; needs q > 1).
Here x counts all of a customer's orders with a positive value.
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln

from .hessian import numerical_hessian

PARAMS = ("p", "q", "gamma")


def log_likelihood(params, m, x) -> np.ndarray:
    """Log-density of each customer's mean order value ``m`` given ``x`` orders."""
    p, q, g = params
    m, x = np.asarray(m, dtype=float), np.asarray(x, dtype=float)
    return (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(g)
            + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(g + x * m))


class GammaGamma:
    """Gamma-Gamma spend model: ``params_`` dict, ``cov_`` (3 × 3, log-parameters), ``loglik_``."""

    def __init__(self, penalizer: float = 0.0):
        self.penalizer = penalizer

    def fit(self, m, x) -> "GammaGamma":
        m, x = np.asarray(m, dtype=float), np.asarray(x, dtype=float)
        keep = (m > 0) & (x > 0)
        m, x = m[keep], x[keep]
        if m.size < 2:
            raise ValueError("need at least two customers with a positive spend")
        scale = float(np.mean(m))   # fit in units of the mean order value (γ scales with money)

        def nll(theta):
            p, q, g = np.exp(theta)
            return -log_likelihood((p, q, g), m / scale, x).sum() + self.penalizer * np.sum(np.exp(theta) ** 2)

        res = minimize(nll, np.log([2.0, 3.0, 1.0]), method="L-BFGS-B", bounds=[(-10, 10)] * 3)
        self.theta_ = res.x + np.array([0.0, 0.0, np.log(scale)])
        self.params_ = dict(zip(PARAMS, np.exp(self.theta_)))
        self.loglik_ = -float(res.fun) - m.size * np.log(scale)   # density of m, not of m / scale
        try:
            self.cov_ = np.linalg.inv(numerical_hessian(nll, res.x))  # γ's log-shift has the same curvature
        except np.linalg.LinAlgError:
            self.cov_ = np.full((3, 3), np.nan)
        self.n_ = int(m.size)
        return self


def expected_spend(params, m, x) -> np.ndarray:
    """E[Z | m̄, x] per customer (falls back to m̄ where q ≤ 1, i.e. no finite mean)."""
    p, q, g = params
    m, x = np.asarray(m, dtype=float), np.asarray(x, dtype=float)
    if q <= 1:
        return m.copy()
    return p * (g + x * m) / (p * x + q - 1)


def simulate(params, x, rng: np.random.Generator) -> np.ndarray:
    """Mean order value of customers with ``x`` orders each, from the Gamma-Gamma process."""
    p, q, g = params
    x = np.asarray(x, dtype=int)
    nu = rng.gamma(q, 1.0 / g, x.size)
    return rng.gamma(p * x, 1.0 / (nu * x))
