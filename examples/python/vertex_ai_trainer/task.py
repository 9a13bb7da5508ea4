"""LeNet-5 on Fashion-MNIST with PyTorch, in the style of the seed's trainer, under tunebeam's trial contract.

    python -m vertex_ai_trainer.task --activation relu --optimizer adam --batch-size 64 --num-epochs 2

Flags take dashes or underscores (a search space's parameter batch_size arrives as --batch_size).
Metrics go to the hypertune file per epoch (train_loss, train_accuracy, val_loss, val_accuracy,
test_accuracy); the model to AIP_MODEL_DIR; a checkpoint in AIP_CHECKPOINT_DIR is continued from.
Bad flags exit 2 with one line.
"""
import argparse
import gzip
import os
import struct
import sys
import time

import torch
from torch import nn

from vertex_ai_trainer.hypertune_writer import HyperTune

ACTIVATIONS = {"relu": nn.ReLU, "leakyrelu": nn.LeakyReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid,
               "softmax": lambda: nn.Softmax(dim=1)}
DEBIAN_DIR = "/usr/share/datasets/fashion-mnist"


def flags(argv):
    p = argparse.ArgumentParser(description="LeNet-5 on Fashion-MNIST")
    p.add_argument("--activation", choices=sorted(ACTIVATIONS), default="relu")
    p.add_argument("--optimizer", choices=["sgd", "adam", "rmsprop"], default="adam")
    p.add_argument("--learning-rate", "--learning_rate", dest="learning_rate", type=float, default=None)
    p.add_argument("--batch-size", "--batch_size", dest="batch_size", type=int, default=64)
    p.add_argument("--num-epochs", "--num_epochs", dest="num_epochs", type=int, default=10)
    p.add_argument("--train-samples", "--train_samples", dest="train_samples", type=int, default=0)
    p.add_argument("--test-samples", "--test_samples", dest="test_samples", type=int, default=0)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--data-dir", "--data_dir", dest="data_dir", default=os.environ.get("FASHION_MNIST_DIR", DEBIAN_DIR))
    args = p.parse_args(argv)
    if args.batch_size < 1 or args.num_epochs < 1 or (args.learning_rate is not None and args.learning_rate <= 0):
        p.error("--batch-size, --num-epochs and --learning-rate must be positive")
    return args


def idx(path, limit):
    with gzip.open(path, "rb") as f:
        magic, n = struct.unpack(">II", f.read(8))
        n = min(n, limit) if limit else n
        if magic == 2051:
            rows, cols = struct.unpack(">II", f.read(8))
            data = torch.frombuffer(bytearray(f.read(n * rows * cols)), dtype=torch.uint8)
            return data.reshape(n, 1, rows, cols).float() / 255.0
        return torch.frombuffer(bytearray(f.read(n)), dtype=torch.uint8).long()


def lenet(activation):
    act = ACTIVATIONS[activation]
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), act(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), act(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), act(), nn.Linear(120, 84), act(), nn.Linear(84, 10))


def optimizer(name, params, lr):
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr or 0.01, momentum=0.9)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr or 0.001)
    return torch.optim.Adam(params, lr=lr or 0.001)


def evaluate(model, x, y, loss_fn):
    model.eval()
    with torch.no_grad():
        logits = torch.cat([model(x[i:i + 1000]) for i in range(0, len(x), 1000)])
    model.train()
    return loss_fn(logits, y).item(), (logits.argmax(1) == y).float().mean().item()


def main(argv):
    args = flags(argv)
    torch.manual_seed(args.seed)
    d = args.data_dir
    train_x = idx(os.path.join(d, "train-images-idx3-ubyte.gz"), args.train_samples)
    train_y = idx(os.path.join(d, "train-labels-idx1-ubyte.gz"), args.train_samples)
    test_x = idx(os.path.join(d, "t10k-images-idx3-ubyte.gz"), args.test_samples)
    test_y = idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz"), args.test_samples)
    cut = max(1, len(train_x) // 10)  # the last tenth of the training images validates
    val_x, val_y, train_x, train_y = train_x[-cut:], train_y[-cut:], train_x[:-cut], train_y[:-cut]
    print("Hyperparameters: %s" % vars(args))
    print("CUDA available: %s" % torch.cuda.is_available())

    model = lenet(args.activation)
    opt = optimizer(args.optimizer, model.parameters(), args.learning_rate)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(args.seed)
    start = 0
    ckpt_dir = os.environ.get("AIP_CHECKPOINT_DIR")
    ckpt = os.path.join(ckpt_dir, "checkpoint.pt") if ckpt_dir and not ckpt_dir.startswith("gs://") else None
    hypertune = HyperTune()
    if ckpt and os.path.exists(ckpt):
        state = torch.load(ckpt)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["optimizer"])
        generator.set_state(state["generator"])
        start = state["epoch"]
        for epoch, metrics in state["history"]:
            for tag, value in metrics.items():
                hypertune.report_hyperparameter_tuning_metric(tag, value, epoch)
        print("Continuing from the checkpoint at epoch %d" % start)
    history = state["history"] if start else []

    for epoch in range(start + 1, args.num_epochs + 1):
        began = time.time()
        order = torch.randperm(len(train_x), generator=generator)
        for i in range(0, len(order), args.batch_size):
            batch = order[i:i + args.batch_size]
            opt.zero_grad()
            loss = loss_fn(model(train_x[batch]), train_y[batch])
            loss.backward()
            opt.step()
        train_loss, train_acc = evaluate(model, train_x, train_y, loss_fn)
        val_loss, val_acc = evaluate(model, val_x, val_y, loss_fn)
        _, test_acc = evaluate(model, test_x, test_y, loss_fn)
        print("Epoch %d/%d" % (epoch, args.num_epochs))
        print("Train Loss: %.3f, Train Acc: %.3f" % (train_loss, train_acc))
        print("Val Acc: %.3f, Test Acc: %.3f" % (val_acc, test_acc))
        print("Epoch time: %.1f s" % (time.time() - began), flush=True)
        metrics = {"train_loss": train_loss, "train_accuracy": train_acc, "val_loss": val_loss,
                   "val_accuracy": val_acc, "test_accuracy": test_acc}
        for tag, value in metrics.items():
            hypertune.report_hyperparameter_tuning_metric(tag, value, epoch)
        history.append((epoch, metrics))
        if ckpt:
            os.makedirs(ckpt_dir, exist_ok=True)
            torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(), "generator": generator.get_state(),
                        "epoch": epoch, "history": history}, ckpt + ".partial")
            os.replace(ckpt + ".partial", ckpt)

    model_dir = os.environ.get("AIP_MODEL_DIR")
    if model_dir and not model_dir.startswith("gs://"):
        os.makedirs(model_dir, exist_ok=True)
        torch.save(model.state_dict(), os.path.join(model_dir, "model.pt"))
        print("Model written to %s" % model_dir)


if __name__ == "__main__":
    main(sys.argv[1:])
