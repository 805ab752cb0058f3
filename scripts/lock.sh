#!/usr/bin/env bash
# Refresh requirements.lock: the exact, hashed versions that scripts/setup.sh installs.
# It resolves pyproject.toml's ranges (with the test and bench extras) to their newest
# releases, for every platform and Python >= 3.11, plus the build backend that the editable
# install of the package needs. Run scripts/check-latest.sh first: lock only what passes.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
python3 -m venv "$tool"
"$tool/bin/python" -m pip install -q uv
printf 'hatchling\neditables\n' | "$tool/bin/uv" pip compile pyproject.toml - \
  --extra test --extra bench --universal --python-version 3.11 --generate-hashes \
  --custom-compile-command "bash scripts/lock.sh" -o requirements.lock
