"""A trial under tunebeam's contract that trains nothing: it scores its flags on a synthetic
objective with a known optimum and reports the score as cloudml-hypertune would.

distance = the Euclidean distance from the optimum (learning_rate 0.01, x 0.3) in the plane of
(log10(learning_rate) + 2) / 4 and x - 0.3 (log10 of [1e-4, 1] scaled to length 1), plus 1 unless
optimizer is adam. Smaller is better.
Only the standard library, and as little of it as possible: the benchmark starts one process per
trial, so start-up time is the cost.

    python3 synthetic_objective.py --learning_rate 0.01 --x 0.3 --optimizer adam
"""
import json
import math
import os
import sys
import time

FLAGS = ("learning_rate", "x", "optimizer", "num_epochs")


def bad(message):
    # The contract: exit 2, the last line of output is the trial's error.
    print("error: " + message, flush=True)
    sys.exit(2)


def parse(argv):
    values = {}
    i = 0
    while i < len(argv):
        name, _, value = argv[i][2:].partition("=") if argv[i].startswith("--") else ("", "", "")
        if name not in FLAGS:
            bad("unknown flag %s; allowed: %s" % (argv[i], ", ".join("--" + f for f in FLAGS)))
        if not value:
            if i + 1 >= len(argv):
                bad("--%s needs a value" % name)
            i += 1
            value = argv[i]
        values[name] = value
        i += 1
    for name in ("learning_rate", "x", "optimizer"):
        if name not in values:
            bad("--%s is required" % name)
    try:
        rate, x = float(values["learning_rate"]), float(values["x"])
    except ValueError:
        bad("--learning_rate and --x must be numbers, got %s and %s" % (values["learning_rate"], values["x"]))
    if not rate > 0:
        bad("--learning_rate %s must be positive" % values["learning_rate"])
    return rate, x, values["optimizer"]


def distance(rate, x, optimizer):
    a = (math.log10(rate) + 2) / 4
    b = x - 0.3
    return math.sqrt(a * a + b * b) + (0.0 if optimizer == "adam" else 1.0)


def main(argv):
    value = distance(*parse(argv))
    path = os.environ.get("CLOUD_ML_HP_METRIC_FILE", "/tmp/hypertune/output.metrics")
    report = {"timestamp": time.time(), "trial": os.environ.get("CLOUD_ML_TRIAL_ID", "0"), "distance": repr(value),
              "global_step": "1", "checkpoint_path": ""}
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write(json.dumps(report, sort_keys=True) + "\n")
    print("distance %.6f" % value, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
