#!/usr/bin/env bash
# Page images of every example (pages 1 and 2 of each language it is issued in, Typst PDF) for
# docs/gallery.md. Needs pdftoppm (poppler-utils). Run after scripts/setup.sh: bash scripts/gallery.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/habitat-docs build examples/hsp-*.yaml --format pdf -o "$tmp" >/dev/null  # each in its own languages
mkdir -p docs/gallery
rm -f docs/gallery/*.png
{
  echo "# Gallery"
  echo
  echo "Pages 1 and 2 of every example in \`examples/\`, in each language it is issued in, as built"
  echo "by \`habitat-docs build --format pdf\` (Typst). Made by \`scripts/gallery.sh\`."
  for stem in $(ls "$tmp"/*.pdf | sed -E 's/-(ar|zh|en|fr|ru|es)\.pdf$//' | sort -u); do
    stem=$(basename "$stem")
    echo
    echo "## $stem"
    echo
    head="|"; rule="|"; row="|"
    for lang in ar zh en fr ru es; do  # the UN's order
      [ -f "$tmp/$stem-$lang.pdf" ] || continue
      pdftoppm -r 50 -png -f 1 -l 2 "$tmp/$stem-$lang.pdf" "docs/gallery/$stem-$lang"
      for page in $(ls docs/gallery/"$stem-$lang"-*.png | sort); do
        n=$(basename "$page" .png | sed -E 's/.*-0*([0-9]+)$/\1/')
        head="$head $lang p. $n |"; rule="$rule---|"
        row="$row ![$(basename "$page" .png)](gallery/$(basename "$page")) |"
      done
    done
    echo "$head"; echo "$rule"; echo "$row"
  done
} > docs/gallery.md
echo "docs/gallery.md: $(ls docs/gallery/*.png | wc -l) pages"
