"""A trial under tunebeam's contract that trains nothing: it evaluates a test function of the Ax
comparison at its flags and reports the value as cloudml-hypertune would (metric "value", to
minimise).

  branin:    x1 in [-5, 10], x2 in [0, 15]; optimum 0.397887 (at three points)
  hartmann6: x1..x6 in [0, 1];               optimum -3.32237

Only the standard library: the benchmark starts one process per trial, so start-up time is the
cost. TestFunction.java computes the same functions in the benchmark's JVM.

    python3 test_functions.py --function branin --x1 -3.14159 --x2 12.275
"""
import json
import math
import os
import sys
import time

A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
ALPHA = [1.0, 1.2, 3.0, 3.2]
INPUTS = {"branin": 2, "hartmann6": 6}


def bad(message):
    # The contract: exit 2, the last line of output is the trial's error.
    print("error: " + message, flush=True)
    sys.exit(2)


def branin(x1, x2):
    b = 5.1 / (4 * math.pi * math.pi)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    u = x2 - b * x1 * x1 + c * x1 - 6
    return u * u + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(x):
    s = 0.0
    for i in range(4):
        e = sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6))
        s += ALPHA[i] * math.exp(-e)
    return -s


def parse(argv):
    values = {}
    i = 0
    while i < len(argv):
        name, _, value = argv[i][2:].partition("=") if argv[i].startswith("--") else ("", "", "")
        if not name:
            bad("unexpected argument %s; flags are --name value" % argv[i])
        if not value:
            if i + 1 >= len(argv):
                bad("--%s needs a value" % name)
            i += 1
            value = argv[i]
        values[name] = value
        i += 1
    function = values.pop("function", None)
    if function not in INPUTS:
        bad("--function %s is not one of %s" % (function, ", ".join(INPUTS)))
    values.pop("num_epochs", None)
    names = ["x%d" % (j + 1) for j in range(INPUTS[function])]
    unknown = sorted(set(values) - set(names))
    if unknown:
        bad("unknown flag --%s; %s takes %s" % (unknown[0], function, ", ".join("--" + n for n in names)))
    try:
        x = [float(values[n]) for n in names]
    except KeyError as e:
        bad("--%s is required" % e.args[0])
    except ValueError:
        bad("every --x must be a number, got %s" % ", ".join(values[n] for n in names))
    return function, x


def main(argv):
    function, x = parse(argv)
    value = branin(*x) if function == "branin" else hartmann6(x)
    path = os.environ.get("CLOUD_ML_HP_METRIC_FILE", "/tmp/hypertune/output.metrics")
    report = {"timestamp": time.time(), "trial": os.environ.get("CLOUD_ML_TRIAL_ID", "0"), "value": repr(value),
              "global_step": "1", "checkpoint_path": ""}
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write(json.dumps(report, sort_keys=True) + "\n")
    print("value %.6f" % value, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
