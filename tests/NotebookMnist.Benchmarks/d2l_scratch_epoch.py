"""One epoch of d2l §3.6 (softmax regression from scratch, Fashion-MNIST, batch 256, lr 0.1) in PyTorch.

The PyTorch side of D2lBenchmarks.D2lScratchEpochBatch256: the same code as d2l's notebook (softmax, net,
cross_entropy, sgd, train_epoch_ch3), on the same data (the repository cache, decoded from the IDX files, no
torchvision), one torch thread. Prints the mean and the minimum epoch time.

    python3 tests/NotebookMnist.Benchmarks/d2l_scratch_epoch.py [--epochs 10] [--data data/fashion-mnist]
"""
import argparse
import gzip
import os
import time

import numpy as np
import torch


def read_idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        content = f.read()
    dims = content[3]
    shape = [int.from_bytes(content[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(content, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"{name} (or .gz) not found in {folder}")


def main():
    default = os.path.join(os.environ.get("NOTEBOOK_MNIST_DATA", "data"), "fashion-mnist")
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--data", default=default)
    args = parser.parse_args()
    torch.set_num_threads(1)

    images = torch.from_numpy(read_idx(find(args.data, "train-images-idx3-ubyte")).copy())   # (60000, 28, 28) uint8
    labels = torch.from_numpy(read_idx(find(args.data, "train-labels-idx1-ubyte")).astype(np.int64))
    # torchvision's ToTensor + DataLoader(shuffle=True), without worker processes: one gather per batch.
    dataset = torch.utils.data.TensorDataset(images.unsqueeze(1).float() / 255, labels)
    train_iter = torch.utils.data.DataLoader(dataset, batch_size=256, shuffle=True)

    torch.manual_seed(0)
    W = torch.normal(0, 0.01, size=(784, 10), requires_grad=True)
    b = torch.zeros(10, requires_grad=True)

    def softmax(X):
        X_exp = torch.exp(X)
        partition = X_exp.sum(1, keepdim=True)
        return X_exp / partition

    def net(X):
        return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)

    def cross_entropy(y_hat, y):
        return -torch.log(y_hat[range(len(y_hat)), y])

    def accuracy(y_hat, y):
        if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
            y_hat = y_hat.argmax(axis=1)
        cmp = y_hat.type(y.dtype) == y
        return float(cmp.type(y.dtype).sum())

    def sgd(params, lr, batch_size):
        with torch.no_grad():
            for param in params:
                param -= lr * param.grad / batch_size
                param.grad.zero_()

    def train_epoch_ch3():
        metric = [0.0, 0.0, 0.0]
        for X, y in train_iter:
            y_hat = net(X)
            l = cross_entropy(y_hat, y)
            l.sum().backward()
            sgd([W, b], 0.1, X.shape[0])
            metric[0] += float(l.sum()); metric[1] += accuracy(y_hat, y); metric[2] += y.numel()
        return metric[0] / metric[2], metric[1] / metric[2]

    times = []
    for epoch in range(args.epochs):
        start = time.perf_counter()
        loss, acc = train_epoch_ch3()
        times.append(time.perf_counter() - start)
        print(f"epoch {epoch + 1}: {times[-1] * 1000:.1f} ms  loss {loss:.4f}  acc {acc:.4f}")
    print(f"PyTorch {torch.__version__}, 1 thread: mean {np.mean(times[1:] or times) * 1000:.1f} ms, "
          f"min {min(times) * 1000:.1f} ms per epoch")


if __name__ == "__main__":
    main()
