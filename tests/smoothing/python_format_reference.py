"""Regenerates python_format_reference.json: how the reference code prints a certification log row.

certify.py writes '{:.3}'.format(radius) and str(datetime.timedelta(seconds=elapsed)); this records
both for values chosen to hit the rounding, notation and omitted-fraction rules.
Run: python3 tests/smoothing/python_format_reference.py  (any Python 3; deterministic, seed 5).
"""
import datetime
import json
import random

random.seed(5)
radii = [0.0, 1.0, 0.5, 3.8114565633899145, 2.289999955213766, 1.2648446903374322, 0.4125, 0.41249999,
         1.125, 1.135, 2.675, 0.1235, 0.0001234, 0.00012345, 1.5e-05, 1e-05, 9.996, 9.995, 99.96, 99.94,
         12.34, 123.4, 0.00099999, 9.9996e-05, 0.001, 0.0001, 1.0000001, 0.9995, 0.99949999, 5e-324,
         1e22, 0.0625, 0.3125, 4.0, 10.0, 100.0, 0.045, 0.0455, 1.2345e-7, 0.099951, 0.0999499]
radii += [random.uniform(0, 4) for _ in range(150)]
radii += [random.uniform(0, 0.01) for _ in range(30)]
radii += [k / 8 for k in range(0, 40)]  # exact binary fractions, several exact ties at 3 digits
radii += [k / 1024 for k in range(1, 60, 7)]
durations = [0, 1.5, 14.114881, 5e-07, 1.5e-06, 2.5e-06, 86400, 90061.25, 90000, 59.9999996, 172801, 0.000001,
             3599.9999994, 141.698195, 1e-7]
durations += [random.uniform(0, 200) for _ in range(60)]
durations += [random.uniform(0, 400000) for _ in range(20)]
out = {
    "about": "'{:.3}'.format(radius) and str(datetime.timedelta(seconds=s)) from CPython; see the .py file.",
    "radius": [[r, "{:.3}".format(r)] for r in radii],
    "timedelta": [[s, str(datetime.timedelta(seconds=s))] for s in durations],
}
with open(__file__.replace(".py", ".json"), "w") as f:
    json.dump(out, f, indent=0)
