#!/usr/bin/env bash
# Page images of every example (pages 1 and 2, both languages, Typst PDF) for docs/gallery.md.
# Needs pdftoppm (poppler-utils). Run after scripts/setup.sh: bash scripts/gallery.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/habitat-docs build examples/hsp-*.yaml --lang zh,en --format pdf -o "$tmp" >/dev/null
rm -f docs/gallery/*.png
{
  echo "# Gallery"
  echo
  echo "Pages 1 and 2 of every example in \`examples/\`, Chinese and English, as built by"
  echo "\`habitat-docs build --format pdf\` (Typst). Made by \`scripts/gallery.sh\`."
  for pdf in "$tmp"/*-zh.pdf; do
    stem=$(basename "$pdf" -zh.pdf)
    echo
    echo "## $stem"
    echo
    for lang in zh en; do
      pdftoppm -r 50 -png -f 1 -l 2 "$tmp/$stem-$lang.pdf" "docs/gallery/$stem-$lang"
    done
    echo "| zh p. 1 | zh p. 2 | en p. 1 | en p. 2 |"
    echo "|---|---|---|---|"
    row="|"
    for lang in zh en; do
      for page in $(ls docs/gallery/"$stem-$lang"-*.png | sort); do
        row="$row ![$(basename "$page" .png)](gallery/$(basename "$page")) |"
      done
    done
    echo "$row"
  done
} > docs/gallery.md
echo "docs/gallery.md: $(ls docs/gallery/*.png | wc -l) pages"
