#!/usr/bin/env bash
# The Keras experiment's epoch (60,000 MNIST samples, batch 32) in C# (KerasEpoch.cs) and in PyTorch (keras_epoch.py),
# alternating, so both see the same machine load. Prints each run's median seconds per epoch and the ratio C# / PyTorch.
#   bash tests/NotebookMnist.Benchmarks/compare-keras-epoch.sh [rounds] [epochs] [threads]
# Needs: dotnet build tests/NotebookMnist.Benchmarks -c Release; apt install python3-torch (PYTHON overrides /usr/bin/python3); NOTEBOOK_MNIST_DATA with mnist/ cached.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-3}" epochs="${2:-3}" threads="${3:-1}"
python="${PYTHON:-/usr/bin/python3}"   # Debian's python3-torch lives there (not in a pyenv)
dll="$here/bin/Release/net10.0/NotebookMnist.Benchmarks.dll"
export NOTEBOOK_MNIST_DATA="${NOTEBOOK_MNIST_DATA:-$here/../../data}"
for ((r = 1; r <= rounds; r++)); do
  cs="$(dotnet "$dll" --keras-epoch "$epochs" "$threads")"
  py="$("$python" "$here/keras_epoch.py" "$epochs" "$threads")"
  echo "round $r: $cs"
  echo "round $r: $py"
  a="$(sed -E 's/.*median ([0-9.]+) s.*/\1/' <<<"$cs")" b="$(sed -E 's/.*median ([0-9.]+) s.*/\1/' <<<"$py")"
  echo "round $r: ratio C#/PyTorch = $(python3 -c "print(f'{$a / $b:.2f}')")"
done
