"""BG/NBD: how often a customer buys and whether they are still a customer.

Source: Fader, Hardie & Lee (2005), "'Counting Your Customers' the Easy Way: An
Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284 (equation numbers
below are theirs). While active, a customer buys with a Poisson rate λ,
λ ~ Gamma(r, α) across customers; after each repeat purchase they drop out for good with
probability p, p ~ Beta(a, b). A customer is summarised by x (repeat purchases after the
first), t_x (time of the last purchase since the first) and T (time since the first
purchase to the end of the data), in weeks here.

Likelihood of one customer (eq. 6):

    L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
      + δ(x>0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))

Expected purchases in (T, T+t] given (x, t_x, T) (eq. 10):

    E[Y(t)] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
              / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))

Probability of being still active (eq. 11 in the authors' note "Computing P(alive)"):
P = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).

Fitted by maximum likelihood over log-parameters (scipy L-BFGS-B); ``cov_`` is the inverse
of the numerical Hessian of the negative log-likelihood at the optimum (log scale), used
for intervals. CDNOW golden numbers (2,357 customers): r = 0.243, α = 4.414, a = 0.793,
b = 2.426; the CDNOW sample is not shipped, so tests recover planted parameters instead.
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

from .hessian import numerical_hessian

PARAMS = ("r", "alpha", "a", "b")


def log_likelihood(params, x, t_x, T) -> np.ndarray:
    """Log of eq. 6 per customer; ``params`` = (r, α, a, b) > 0; arrays of equal length."""
    r, alpha, a, b = params
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x),
                      -np.inf)
    return a1 + a2 + np.logaddexp(a3, a4)


class BetaGeoNBD:
    """BG/NBD estimator (scikit-learn conventions: ``fit`` returns self; learned state ends
    in ``_``): ``params_`` dict, ``cov_`` (4 × 4, log-parameters), ``loglik_``, ``n_``."""

    def __init__(self, penalizer: float = 0.0):
        self.penalizer = penalizer

    def fit(self, x, t_x, T) -> "BetaGeoNBD":
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        if x.size == 0:
            raise ValueError("no customers to fit")

        def nll(theta):
            p = np.exp(theta)
            return -log_likelihood(p, x, t_x, T).sum() + self.penalizer * np.sum(p ** 2)

        best = None
        for start in (np.zeros(4), np.log([0.5, max(T.mean(), 1.0) / 4, 1.0, 3.0])):
            res = minimize(nll, start, method="L-BFGS-B", bounds=[(-10, 10)] * 4,
                           options={"ftol": 1e-13, "gtol": 1e-8, "maxiter": 2000})
            if best is None or res.fun < best.fun:
                best = res
        self.theta_ = best.x
        self.params_ = dict(zip(PARAMS, np.exp(best.x)))
        self.loglik_ = -float(best.fun)
        self.n_ = int(x.size)
        hess = numerical_hessian(nll, best.x)
        try:
            self.cov_ = np.linalg.inv(hess)
        except np.linalg.LinAlgError:
            self.cov_ = np.full((4, 4), np.nan)
        return self

    def interval(self, level: float = 0.95) -> dict:
        """Wald interval of each parameter on the log scale, back-transformed: name → (low, high)."""
        from scipy.stats import norm

        z = norm.ppf(0.5 + level / 2)
        se = np.sqrt(np.diag(self.cov_))
        return {k: (float(np.exp(t - z * s)), float(np.exp(t + z * s)))
                for k, t, s in zip(PARAMS, self.theta_, se)}


def expected_purchases(params, t, x, t_x, T) -> np.ndarray:
    """Eq. 10: expected purchases in the next ``t`` weeks of customers (x, t_x, T).
    The expression is analytic in a: at a = 1 numerator and denominator both vanish
    (₂F₁(r, b; b; z) = (1 − z)^(−r)), so a within 1e-6 of 1 is moved off it (FHL 2005 use it
    with a = 0.793 on CDNOW)."""
    r, alpha, a, b = params
    if abs(a - 1) < 1e-6:
        a = 1 + 1e-6
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    z = t / (alpha + T + t)
    hyp = hyp2f1(r + x, b + x, a + b + x - 1, z)
    num = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp)
    return num / _alive_denominator(params, x, t_x, T)


def p_alive(params, x, t_x, T) -> np.ndarray:
    """Probability that each customer is still active at T."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    return 1.0 / _alive_denominator(params, x, t_x, T)


def _alive_denominator(params, x, t_x, T):
    r, alpha, a, b = params
    with np.errstate(divide="ignore", invalid="ignore"):
        term = a / np.maximum(b + x - 1, 1e-300) * ((alpha + T) / (alpha + t_x)) ** (r + x)
    return 1.0 + np.where(x > 0, term, 0.0)


def simulate(params, T, rng: np.random.Generator):
    """Draw (x, t_x) for customers observed for ``T`` weeks from the BG/NBD process:
    λ ~ Gamma(r, rate α), p ~ Beta(a, b); purchases at rate λ; after each repeat purchase
    the customer drops out with probability p."""
    r, alpha, a, b = params
    T = np.asarray(T, dtype=float)
    n = T.size
    lam = rng.gamma(r, 1.0 / alpha, n)
    p = rng.beta(a, b, n)
    now, x, t_x = np.zeros(n), np.zeros(n), np.zeros(n)
    active = np.ones(n, dtype=bool)
    while active.any():
        idx = np.flatnonzero(active)
        step = rng.exponential(1.0 / np.maximum(lam[idx], 1e-12))
        nxt = now[idx] + step
        inside = nxt <= T[idx]
        bought = idx[inside]
        now[bought] = nxt[inside]
        x[bought] += 1
        t_x[bought] = nxt[inside]
        active[idx[~inside]] = False
        dies = rng.random(bought.size) < p[bought]
        active[bought[dies]] = False
    return x, t_x
