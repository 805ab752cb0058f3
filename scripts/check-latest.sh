#!/usr/bin/env bash
# Drift check: install the newest release of every dependency that pyproject.toml allows into
# a throw-away venv, list what differs from requirements.lock, and run the whole test suite
# there. A library upgrade must not change what we print: a failure here is fixed in code.
# Extra arguments go to pytest (e.g. -m "not slow").
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)/venv
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip hatchling editables
"$venv/bin/python" -m pip install -q --upgrade --upgrade-strategy eager --no-build-isolation -e '.[test]'
echo "Newer than requirements.lock:"
"$venv/bin/python" - <<'PY'
import re
from importlib.metadata import distributions
locked = dict(re.findall(r"^([a-z0-9._-]+)==(\S+)", open("requirements.lock").read(), re.M))
newer = sorted(
    f"  {name} {locked[name]} -> {d.version}"
    for d in distributions()
    if (name := re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower()) in locked and locked[name] != d.version
)
print("\n".join(newer) or "  nothing: the lock holds the newest releases")
PY
"$venv/bin/python" -m pytest -p no:cacheprovider "$@"
