"""Numerical Hessian by central differences (for Wald intervals of maximum-likelihood fits).

H_ij ≈ [f(θ+h_i e_i+h_j e_j) − f(θ+h_i e_i−h_j e_j) − f(θ−h_i e_i+h_j e_j) + f(θ−h_i e_i−h_j e_j)] / (4 h_i h_j),
with h_i = step · max(1, |θ_i|) (Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1).
"""
from __future__ import annotations

import numpy as np


def numerical_hessian(f, theta, step: float = 1e-4) -> np.ndarray:
    """Hessian of the scalar function ``f`` at ``theta`` (1-D array)."""
    theta = np.asarray(theta, dtype=float)
    k = theta.size
    h = step * np.maximum(1.0, np.abs(theta))
    out = np.empty((k, k))
    for i in range(k):
        for j in range(i, k):
            ei, ej = np.zeros(k), np.zeros(k)
            ei[i], ej[j] = h[i], h[j]
            val = (f(theta + ei + ej) - f(theta + ei - ej) - f(theta - ei + ej) + f(theta - ei - ej)) / (4 * h[i] * h[j])
            out[i, j] = out[j, i] = val
    return out
