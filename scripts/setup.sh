#!/usr/bin/env bash
# Set up habitat-docs on Debian, then build the examples into out/.
# As root it first installs the system packages (Python venv, fonts, LibreOffice for the
# --pdf-engine libreoffice and its tests, poppler for page images); otherwise it assumes them.
# Python packages come from requirements.lock: exactly the tested versions, checked by hash
# (refresh it with scripts/lock.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    python3 python3-venv python3-pip fonts-noto-cjk fonts-liberation2 fonts-hosny-amiri \
    libreoffice-writer-nogui poppler-utils >/dev/null
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --require-hashes --no-deps -r requirements.lock
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
.venv/bin/habitat-docs build examples/hsp-*.yaml --format docx,pdf -o out   # each in its own languages
.venv/bin/habitat-docs build-session examples/session-2024-1.yaml --format docx,pdf -o out/session-2024-1 --progress lines
