#!/usr/bin/env bash
# The d2l scratch epoch (batch 256) side by side: TorchSharp and PyTorch (Debian's python3-torch), alternating,
# one torch thread each. Prints each run's medians; compare them as a ratio (the machine's load moves both).
#   bash tests/NotebookMnist.Benchmarks/compare_d2l_epoch.sh [rounds=3] [epochs=5]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-3}" epochs="${2:-5}"
export NOTEBOOK_MNIST_DATA="${NOTEBOOK_MNIST_DATA:-$here/../../data}"
dotnet build "$here" -c Release -v q -nologo >/dev/null
dll="$(ls "$here"/bin/Release/net*/NotebookMnist.Benchmarks.dll | head -1)"
for ((i = 1; i <= rounds; i++)); do
    dotnet "$dll" --d2l-epoch "$epochs" | tail -1
    /usr/bin/python3 "$here/d2l_scratch_epoch.py" --epochs "$epochs" | tail -1
done
