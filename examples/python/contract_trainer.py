#!/usr/bin/env python3
"""A trainer that speaks tunebeam's trial contract with nothing but the Python standard library.

Softmax regression on Fashion-MNIST images averaged down to 7x7 pixels. It shows every part of
the contract a real trainer needs:

* hyperparameters arrive as flags, ``--name value`` with the names of the search space;
* a bad value exits with code 2 and one line saying why (argparse does this for unknown flags);
* metrics go to the file named by ``CLOUD_ML_HP_METRIC_FILE`` exactly as Google's
  ``cloudml-hypertune`` writes it, one report per metric and epoch (``global_step`` = epoch);
* a checkpoint in ``AIP_CHECKPOINT_DIR`` is continued from (warm start), and a new one is
  written after every epoch;
* the model goes to ``AIP_MODEL_DIR``.

Run it alone:  python3 contract_trainer.py --learning_rate 0.5 --num_epochs 3
"""
import argparse
import collections
import gzip
import json
import math
import os
import random
import struct
import sys
import time

DEBIAN_DIR = "/usr/share/datasets/fashion-mnist"
MAX_REPORTS = 100  # cloudml-hypertune keeps the last 100 reports


class HyperTune:
    """Writes what cloudml-hypertune's report_hyperparameter_tuning_metric writes."""

    def __init__(self):
        self.path = os.environ.get("CLOUD_ML_HP_METRIC_FILE", "/tmp/hypertune/output.metrics")
        self.trial = os.environ.get("CLOUD_ML_TRIAL_ID", "0")
        self.queue = collections.deque(maxlen=MAX_REPORTS)

    def report(self, tag, value, step):
        self.queue.append({"timestamp": time.time(), "trial": str(self.trial), tag: str(float(value)),
                           "global_step": str(int(step)), "checkpoint_path": ""})
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        with open(self.path, "w") as f:
            for entry in self.queue:
                f.write(json.dumps(entry, sort_keys=True) + "\n")


def positive(kind):
    def parse(text):
        value = kind(float(text)) if kind is int and float(text).is_integer() else kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError("%s must be positive" % text)
        return value
    return parse


def flags(argv):
    p = argparse.ArgumentParser(description="softmax regression on 7x7 Fashion-MNIST")
    p.add_argument("--learning_rate", type=positive(float), default=0.5)
    p.add_argument("--num_epochs", type=positive(int), default=3)
    p.add_argument("--batch_size", type=positive(int), default=32)
    p.add_argument("--train_samples", type=positive(int), default=1000)
    p.add_argument("--test_samples", type=positive(int), default=500)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--data_dir", default=os.environ.get("FASHION_MNIST_DIR", DEBIAN_DIR))
    return p.parse_args(argv)


def idx(path, count, magic):
    with gzip.open(path, "rb") as f:
        header = f.read(8)
        got, n = struct.unpack(">II", header)
        if got != magic:
            sys.exit("error: %s is not an IDX file (magic %d)" % (path, got))
        if magic == 2051:
            rows, cols = struct.unpack(">II", f.read(8))
            size = rows * cols
            return [f.read(size) for _ in range(min(n, count))]
        return list(f.read(min(n, count)))


def pooled(image):
    """28x28 bytes -> 49 features in [0, 1], each the mean of a 4x4 block."""
    out = []
    for by in range(7):
        for bx in range(7):
            s = 0
            for y in range(by * 4, by * 4 + 4):
                row = y * 28
                s += sum(image[row + bx * 4: row + bx * 4 + 4])
            out.append(s / (16 * 255.0))
    return out


def load(data_dir, split, count):
    prefix = "train" if split == "train" else "t10k"
    images = idx(os.path.join(data_dir, prefix + "-images-idx3-ubyte.gz"), count, 2051)
    labels = idx(os.path.join(data_dir, prefix + "-labels-idx1-ubyte.gz"), count, 2049)
    return [pooled(i) for i in images], labels


def probabilities(w, b, x):
    logits = [b[k] + sum(wk[j] * x[j] for j in range(49)) for k, wk in enumerate(w)]
    top = max(logits)
    e = [math.exp(v - top) for v in logits]
    total = sum(e)
    return [v / total for v in e]


def evaluate(w, b, xs, ys):
    loss, hits = 0.0, 0
    for x, y in zip(xs, ys):
        p = probabilities(w, b, x)
        loss -= math.log(max(p[y], 1e-12))
        hits += max(range(10), key=p.__getitem__) == y
    return loss / len(xs), hits / len(xs)


def main(argv):
    args = flags(argv)
    train_x, train_y = load(args.data_dir, "train", args.train_samples)
    test_x, test_y = load(args.data_dir, "test", args.test_samples)
    cut = max(1, len(train_x) // 10)  # the last tenth of the training images validates
    val_x, val_y, train_x, train_y = train_x[-cut:], train_y[-cut:], train_x[:-cut], train_y[:-cut]

    checkpoint_dir = os.environ.get("AIP_CHECKPOINT_DIR")
    checkpoint = os.path.join(checkpoint_dir, "checkpoint.json") if checkpoint_dir else None
    hypertune = HyperTune()
    rng = random.Random(args.seed)
    w = [[0.0] * 49 for _ in range(10)]
    b = [0.0] * 10
    history, start = [], 0
    if checkpoint and os.path.exists(checkpoint):
        with open(checkpoint) as f:
            state = json.load(f)
        w, b, history, start = state["w"], state["b"], state["history"], state["epoch"]
        rng.setstate((state["rng"][0], tuple(state["rng"][1]), state["rng"][2]))
        print("continuing from the checkpoint at epoch %d" % start, flush=True)
        for h in history:  # the metric file is rewritten per process: report the earlier epochs again
            for tag, value in h["metrics"].items():
                hypertune.report(tag, value, h["epoch"])

    for epoch in range(start + 1, args.num_epochs + 1):
        order = list(range(len(train_x)))  # a fresh order per epoch: the checkpoint's RNG state is all it depends on
        rng.shuffle(order)
        for at in range(0, len(order), args.batch_size):
            batch = order[at:at + args.batch_size]
            gw = [[0.0] * 49 for _ in range(10)]
            gb = [0.0] * 10
            for i in batch:
                p = probabilities(w, b, train_x[i])
                for k in range(10):
                    d = p[k] - (1.0 if k == train_y[i] else 0.0)
                    gb[k] += d
                    row, x = gw[k], train_x[i]
                    for j in range(49):
                        row[j] += d * x[j]
            step = args.learning_rate / len(batch)
            for k in range(10):
                b[k] -= step * gb[k]
                for j in range(49):
                    w[k][j] -= step * gw[k][j]
        train_loss, train_accuracy = evaluate(w, b, train_x, train_y)
        val_loss, val_accuracy = evaluate(w, b, val_x, val_y)
        _, test_accuracy = evaluate(w, b, test_x, test_y)
        metrics = {"train_loss": train_loss, "train_accuracy": train_accuracy, "val_loss": val_loss,
                   "val_accuracy": val_accuracy, "test_accuracy": test_accuracy}
        print("Epoch %d/%d: train loss %.4f, val accuracy %.4f, test accuracy %.4f"
              % (epoch, args.num_epochs, train_loss, val_accuracy, test_accuracy), flush=True)
        for tag, value in metrics.items():
            hypertune.report(tag, value, epoch)
        history.append({"epoch": epoch, "metrics": metrics})
        if checkpoint:
            os.makedirs(checkpoint_dir, exist_ok=True)
            with open(checkpoint + ".partial", "w") as f:
                json.dump({"epoch": epoch, "w": w, "b": b, "history": history, "rng": rng.getstate()}, f)
            os.replace(checkpoint + ".partial", checkpoint)

    model_dir = os.environ.get("AIP_MODEL_DIR")
    if model_dir and not model_dir.startswith("gs://"):
        os.makedirs(model_dir, exist_ok=True)
        with open(os.path.join(model_dir, "model.json"), "w") as f:
            json.dump({"w": w, "b": b}, f)


if __name__ == "__main__":
    main(sys.argv[1:])
