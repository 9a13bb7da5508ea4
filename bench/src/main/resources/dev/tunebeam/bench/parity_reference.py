"""The PyTorch side of tunebeam's parity benchmark: the reference LeNet-5 trained on the same
Fashion-MNIST files, the same validation split (the held-out indices tunebeam wrote), the same
pooling, initialisation and normalisation. Prints one JSON line per configuration with each
epoch's validation and test accuracy. Run by dev.tunebeam.trainer.bench.ParityBenchmark."""
import argparse
import gzip
import json
import os
import struct
import sys
import time

import numpy as np
import torch
from torch import nn


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, np.uint8, offset=16).reshape(count, 1, rows, cols)
    return np.frombuffer(data, np.uint8, offset=8)


def activation(name):
    return {"relu": nn.ReLU, "leakyrelu": lambda: nn.LeakyReLU(0.01), "tanh": nn.Tanh,
            "sigmoid": nn.Sigmoid, "softmax": lambda: nn.Softmax(dim=1)}[name]()


class LeNet5(nn.Module):
    def __init__(self, act, pooling):
        super().__init__()
        pool = nn.AvgPool2d(2) if pooling == "avg" else nn.MaxPool2d(2)
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), activation(act), pool,
            nn.Conv2d(6, 16, 5), activation(act), pool)
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Linear(400, 120), activation(act), nn.Linear(120, 84), activation(act), nn.Linear(84, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


def he_init(model):
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_uniform_(m.weight, a=0, nonlinearity="relu")
            nn.init.zeros_(m.bias)


def optimizer(name, params, lr):
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr or 0.01, momentum=0.9)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr or 0.001)
    return torch.optim.RMSprop(params, lr=lr or 0.001, alpha=0.99, eps=1e-8)


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        hits = sum((model(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item() for i in range(0, len(x), 1000))
    model.train()
    return hits / len(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", required=True)
    p.add_argument("--validation-indices", required=True)
    p.add_argument("--configs", required=True, help="activation:optimizer:batch_size,...")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--train-samples", type=int, default=0)
    p.add_argument("--test-samples", type=int, default=0)
    p.add_argument("--pooling", default="avg")
    p.add_argument("--init", default="torch")
    p.add_argument("--normalize", default="none")
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)

    def load(prefix):
        return (idx(os.path.join(a.data_dir, prefix + "-images-idx3-ubyte.gz")),
                idx(os.path.join(a.data_dir, prefix + "-labels-idx1-ubyte.gz")))
    train_x, train_y = load("train")
    test_x, test_y = load("t10k")
    held = np.array(json.load(open(a.validation_indices)), dtype=np.int64)
    mask = np.ones(len(train_x), bool)
    mask[held] = False
    kept = np.nonzero(mask)[0]
    if a.train_samples > 0:
        kept = kept[:a.train_samples]
    if a.test_samples > 0:
        test_x, test_y = test_x[:a.test_samples], test_y[:a.test_samples]

    def tensor(x):
        t = torch.from_numpy(x.astype(np.float32) / 255.0)
        return (t - 0.2860) / 0.3530 if a.normalize == "standard" else t
    xs = {"train": tensor(train_x[kept]), "val": tensor(train_x[held]), "test": tensor(test_x)}
    ys = {"train": torch.from_numpy(train_y[kept].astype(np.int64)), "val": torch.from_numpy(train_y[held].astype(np.int64)),
          "test": torch.from_numpy(test_y.astype(np.int64))}

    for config in a.configs.split(","):
        act, opt, batch = config.split(":")
        batch = int(batch)
        torch.manual_seed(a.seed)
        model = LeNet5(act, a.pooling)
        if a.init == "he":
            he_init(model)
        o = optimizer(opt, model.parameters(), None)
        loss_fn = nn.CrossEntropyLoss()
        shuffle = torch.Generator().manual_seed(a.seed)
        history = []
        started = time.time()
        n = len(xs["train"])
        for epoch in range(1, a.epochs + 1):
            order = torch.randperm(n, generator=shuffle)
            for i in range(0, n, batch):
                b = order[i:i + batch]
                o.zero_grad()
                loss = loss_fn(model(xs["train"][b]), ys["train"][b])
                loss.backward()
                o.step()
            history.append({"epoch": epoch, "val_accuracy": accuracy(model, xs["val"], ys["val"]),
                            "test_accuracy": accuracy(model, xs["test"], ys["test"])})
            print("torch " + config + " epoch " + str(epoch) + " " + json.dumps(history[-1]), file=sys.stderr, flush=True)
        print(json.dumps({"config": config, "history": history, "seconds": time.time() - started}), flush=True)


if __name__ == "__main__":
    main()
