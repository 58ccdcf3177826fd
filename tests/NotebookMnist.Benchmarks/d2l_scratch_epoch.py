"""One epoch of d2l §3.6 (softmax regression from scratch, Fashion-MNIST, batch 256, lr 0.1) in PyTorch.

The PyTorch side of D2lBenchmarks.D2lScratchEpochBatch256: the same code as d2l's notebook (softmax, net,
cross_entropy, sgd, train_epoch_ch3), on the same data (the repository cache, decoded from the IDX files, no
torchvision, no numpy), one torch thread. Prints the mean and the minimum epoch time.

    /usr/bin/python3 tests/NotebookMnist.Benchmarks/d2l_scratch_epoch.py [--epochs 10] [--data data/fashion-mnist]
"""
import argparse
import gzip
import os
import statistics
import time

import torch


def read_idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        content = f.read()
    dims = content[3]
    shape = [int.from_bytes(content[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return torch.frombuffer(bytearray(content), dtype=torch.uint8, offset=4 + 4 * dims).reshape(shape)


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

    images = read_idx(find(args.data, "train-images-idx3-ubyte"))                  # (60000, 28, 28) uint8
    labels = read_idx(find(args.data, "train-labels-idx1-ubyte")).long()          # (60000) int64
    # The same batching as the C# DataLoader: a randperm per epoch, then per batch one gather of the uint8 pixels and
    # the scaling to float32 (torchvision's ToTensor: b / 255). torch.utils.data.DataLoader over a TensorDataset would
    # fetch and collate 256 single examples per batch in Python, which alone takes seconds per epoch.
    generator = torch.Generator().manual_seed(1)

    def train_iter():
        order = torch.randperm(len(labels), generator=generator)
        for start in range(0, len(labels), 256):
            rows = order[start:start + 256]
            yield images.index_select(0, rows).float().div_(255).unsqueeze_(1), labels.index_select(0, rows)

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
        for X, y in train_iter():
            y_hat = net(X)
            l = cross_entropy(y_hat, y)
            l.sum().backward()
            sgd([W, b], 0.1, X.shape[0])
            metric[0] += float(l.sum()); metric[1] += accuracy(y_hat, y); metric[2] += y.numel()
        return metric[0] / metric[2], metric[1] / metric[2]

    # Wall time and this process's CPU time: on a loaded machine the CPU time is the steadier measure.
    walls, cpus = [], []
    for epoch in range(args.epochs):
        wall, cpu = time.perf_counter(), time.process_time()
        loss, acc = train_epoch_ch3()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        print(f"epoch {epoch + 1}: wall {walls[-1] * 1000:.1f} ms, cpu {cpus[-1] * 1000:.1f} ms, loss {loss:.4f}, acc {acc:.4f}")
    print(f"PyTorch {torch.__version__} d2l scratch epoch (1 thread): median wall {statistics.median(walls) * 1000:.1f} ms, "
          f"median cpu {statistics.median(cpus) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
