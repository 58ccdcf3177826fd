"""The Keras experiment's epoch in PyTorch, the same loop as the C# Fit: the side-by-side half of KerasEpoch.cs.

Dense(10, softmax, bias ones) on MNIST (x = b / 255, one-hot y), Keras's categorical_crossentropy computed from the
softmax's logits as tf.keras does for a softmax output (cross_entropy with probability targets), SGD(0.2), batch 32, a seeded shuffle, one index_select per batch, and the running loss
and accuracy read after every step as Keras's progress bar does.

    python3 keras_epoch.py [epochs] [threads]     (data: $NOTEBOOK_MNIST_DATA/mnist, default data/mnist)
"""
import os
import sys
import time

import numpy as np
import torch


def read_idx(path, offset):
    with open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.set_num_threads(threads)
    root = os.path.join(os.environ.get("NOTEBOOK_MNIST_DATA", "data"), "mnist")
    images = read_idx(os.path.join(root, "train-images-idx3-ubyte"), 16).reshape(-1, 784)
    labels = read_idx(os.path.join(root, "train-labels-idx1-ubyte"), 8).astype(np.int64)
    x = torch.from_numpy(images.copy()).to(torch.float32) / 255
    y = torch.nn.functional.one_hot(torch.from_numpy(labels), 10).to(torch.float32)
    n, batch = x.shape[0], 32

    g = torch.Generator().manual_seed(1)
    limit = (6 / (784 + 10)) ** 0.5
    w = ((torch.rand(784, 10, generator=g, dtype=torch.float64) * 2 - 1) * limit).to(torch.float32).t().contiguous()
    w.requires_grad_(True)
    b = torch.ones(10, requires_grad=True)

    def epoch():
        loss_sum, correct, seen = 0.0, 0, 0
        order = torch.randperm(n, generator=g)
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb, yb = x.index_select(0, idx), y.index_select(0, idx)
            z = torch.nn.functional.linear(xb, w, b)
            loss = torch.nn.functional.cross_entropy(z, yb)
            loss.backward()
            with torch.no_grad():
                w.add_(w.grad, alpha=-0.2)
                b.add_(b.grad, alpha=-0.2)
                w.grad.zero_()
                b.grad.zero_()
                correct += (z.argmax(-1) == yb.argmax(-1)).sum().item()
            size = idx.shape[0]
            loss_sum += loss.item() * size
            seen += size
        return loss_sum / seen, correct / seen

    epoch()  # warm-up, as the C# side
    seconds = []
    for _ in range(epochs):
        start = time.perf_counter()
        loss, accuracy = epoch()
        seconds.append(time.perf_counter() - start)
    seconds.sort()
    print(f"pytorch keras epoch: median {seconds[len(seconds) // 2]:.3f} s (threads {torch.get_num_threads()}; "
          f"epochs {' '.join(f'{s:.3f}' for s in seconds)}; torch {torch.__version__}; last loss {loss:.4f} accuracy {accuracy:.4f})")


if __name__ == "__main__":
    main()
