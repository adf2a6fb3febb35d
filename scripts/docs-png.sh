#!/usr/bin/env bash
# Renders page 1 and the signature page of the 2025 plan, from the native PDF
# and from the DOCX as LibreOffice lays it out, into docs/ (make docs).
set -euo pipefail
cd "$(dirname "$0")/.."
base=out/ke-hoach-ntm-2025-muong-khoa
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to pdf --outdir "$tmp" "$base.docx" >/dev/null 2>&1
sigpage() { # the page holding "Nơi nhận:"
  local n; n=$(pdfinfo "$1" | awk '/^Pages:/{print $2}')
  for i in $(seq 1 "$n"); do
    pdftotext -f "$i" -l "$i" "$1" - | grep -q "Nơi nhận:" && { echo "$i"; return; }
  done
}
render() { # pdf page name
  pdftoppm -png -r 70 -f "$2" -l "$2" -singlefile "$1" "docs/$3"
}
render "$base.pdf" 1 pdf-trang-1
render "$base.pdf" "$(sigpage "$base.pdf")" pdf-trang-ky
annex() { # the first page of Biểu số 01
  local n; n=$(pdfinfo "$1" | awk '/^Pages:/{print $2}')
  for i in $(seq 1 "$n"); do
    pdftotext -f "$i" -l "$i" "$1" - | grep -q "Biểu số 01" && { echo "$i"; return; }
  done
}
render "$base.pdf" "$(annex "$base.pdf")" pdf-bieu-01
render "$tmp/$(basename "$base").pdf" 1 docx-trang-1
render "$tmp/$(basename "$base").pdf" "$(sigpage "$tmp/$(basename "$base").pdf")" docx-trang-ky
ls -1 docs/*.png
