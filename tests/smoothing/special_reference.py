"""Regenerates special_reference.json: 40-digit mpmath values for the special functions in
smoothing/beta.ts, smoothing/normal.ts and the Clopper-Pearson bounds in smoothing/stats.ts.

Run: python3 tests/smoothing/special_reference.py  (mpmath >= 1.2; deterministic, seed 7).

I_x(a, b) is evaluated from its continued fraction in 40-digit arithmetic (mpmath's own betainc
does not converge for a, b ~ 1e6); the exact Clopper-Pearson roots come from Newton steps on
I_x(k, n - k + 1) - alpha (or 1 - I_x(k + 1, n - k) - alpha) with the Beta density as derivative.
"""
import json
import random

import mpmath as mp

mp.mp.dps = 40


def continued_fraction(x, a, b):
    qab, qap, qam = a + b, a + 1, a - 1
    c = mp.mpf(1)
    d = 1 / (1 - qab * x / qap)
    h = d
    m = 1
    while True:
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 / (1 + aa * d)
        c = 1 + aa / c
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 / (1 + aa * d)
        c = 1 + aa / c
        h *= d * c
        if abs(d * c - 1) < mp.mpf(10) ** -35:
            return h
        m += 1


def tails(x, a, b):
    x, a, b = mp.mpf(x), mp.mpf(a), mp.mpf(b)
    front = mp.exp(a * mp.log(x) + b * mp.log(1 - x) - mp.log(mp.beta(a, b)))
    if x < (a + 1) / (a + b + 2):
        lower = front * continued_fraction(x, a, b) / a
        return lower, 1 - lower
    upper = front * continued_fraction(1 - x, b, a) / b
    return 1 - upper, upper


def density(x, a, b):
    return mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log(1 - x) - mp.log(mp.beta(a, b)))


def root(target, a, b, upper):
    def f(x):
        lower, up = tails(x, a, b)
        return (target - up) if upper else (lower - target)
    lo, hi = mp.mpf(0), mp.mpf(1)
    for _ in range(80):  # bisection to ~1e-24 absolute, then Newton for the last digits
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    x = (lo + hi) / 2
    for _ in range(60):
        lower, up = tails(x, a, b)
        f = (target - up) if upper else (lower - target)
        step = f / density(x, a, b)
        x -= step
        if abs(step) < mp.mpf(10) ** -36 * x:
            return x
    raise RuntimeError("no convergence")


def main():
    random.seed(7)
    beta = []
    fixed = [(0.3, 2, 3), (0.001, 1, 1e6), (0.5, 5e5, 5e5), (0.499, 5e5, 5e5), (0.27, 277347, 722654),
             (1e-9, 1, 1e6), (0.9, 0.5, 0.5), (0.1, 0.2, 3), (0.999, 1000, 2), (0.7, 30, 10),
             (1e-300, 1, 1), (0.5, 1, 1), (0.2, 1e-3, 1e-3), (0.95, 1e5, 1e3), (0.25, 3, 1e6)]
    randoms = []
    for _ in range(300):
        a = 10 ** random.uniform(-1.5, 6)
        b = 10 ** random.uniform(-1.5, 6)
        m = a / (a + b)
        sd = (m * (1 - m) / (a + b + 1)) ** 0.5
        kind = random.random()
        if kind < 0.6:
            x = random.gauss(m, 4 * sd)
        elif kind < 0.8:
            x = 10 ** random.uniform(-12, 0)
        else:
            x = 1 - 10 ** random.uniform(-12, 0)
        x = min(max(x, 1e-300), 1 - 2 ** -53)
        randoms.append((x, a, b))
    for x, a, b in fixed + randoms:
        if not 0 < x < 1:
            continue
        lower, upper = tails(x, a, b)
        if lower < 1e-300 or upper < 1e-300:
            continue
        beta.append({"x": x, "a": a, "b": b, "lower": mp.nstr(lower, 20), "upper": mp.nstr(upper, 20)})

    phi = [{"x": x, "phi": mp.nstr(mp.ncdf(x), 20)} for x in
           [-38, -37.5, -30, -20, -10, -8, -5, -3, -2.5, -2.0001, -2, -1.9999, -1.5, -1, -0.5, -1e-3, 0,
            1e-3, 0.5, 1, 2, 3, 5, 8, 1.234567]]

    cp = []
    for n, k, alpha in [(1000000, 277347, 0.01), (100000, 50490, 0.001), (10000, 5156, 0.001), (1, 1, 0.001),
                        (100000, 99000, 0.001), (1000000, 1, 0.001), (1000000, 999999, 0.05), (1000, 500, 0.05),
                        (10, 3, 0.01), (100000, 100000, 0.001), (50, 0, 0.05), (2, 1, 0.3), (100000, 3, 0.001)]:
        lower = mp.mpf(0) if k == 0 else root(mp.mpf(alpha), k, n - k + 1, False)
        upper = mp.mpf(1) if k == n else root(mp.mpf(alpha), k + 1, n - k, True)
        cp.append({"n": n, "k": k, "alpha": alpha, "lower": mp.nstr(lower, 20), "upper": mp.nstr(upper, 20)})
    for _ in range(40):
        n = int(10 ** random.uniform(0, 5))
        k = random.choice([0, 1, 2, n - 1, n, random.randint(0, n), random.randint(0, n)])
        k = min(max(k, 0), n)
        alpha = random.choice([0.001, 0.01, 0.05, 10 ** random.uniform(-6, -0.5)])
        lower = mp.mpf(0) if k == 0 else root(mp.mpf(alpha), k, n - k + 1, False)
        upper = mp.mpf(1) if k == n else root(mp.mpf(alpha), k + 1, n - k, True)
        cp.append({"n": n, "k": k, "alpha": alpha, "lower": mp.nstr(lower, 20), "upper": mp.nstr(upper, 20)})

    about = ("40-digit mpmath references (see special_reference.py). beta: I_x(a, b) and 1 - I_x(a, b); "
             "phi: standard normal CDF; cp: exact one-sided Clopper-Pearson bounds, lower = "
             "BetaInv(alpha; k, n - k + 1) (0 when k = 0), upper = BetaInv(1 - alpha; k + 1, n - k) "
             "(1 when k = n). Values are decimal strings with 20 significant digits.")
    with open(__file__.replace(".py", ".json"), "w") as f:
        json.dump({"about": about, "beta": beta, "phi": phi, "cp": cp}, f, indent=1)


main()
