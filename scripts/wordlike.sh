#!/bin/sh
# wordlike.sh: make the Word-like DOCX fixtures of `kehoach import`
# (internal/extract/docx/testdata/wordlike/, see its README.md): the seed
# text and two plans kehoach builds, laid out as people do in Word
# (scripts/wordlike writes them as flat ODT) and saved as DOCX by
# LibreOffice.
#
#   scripts/wordlike.sh [OUTDIR]
set -eu
cd "$(dirname "$0")/.."
out=${1:-internal/extract/docx/testdata/wordlike}
seed=${SEED:-../shared/seed/ke-hoach-ntm-2025-muong-khoa.txt}
command -v soffice >/dev/null || { echo "wordlike.sh: cần LibreOffice (soffice)" >&2; exit 1; }
[ -f "$seed" ] || { echo "wordlike.sh: không thấy văn bản mẫu $seed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kehoach" ./cmd/kehoach
go build -o "$tmp/wordlike" ./scripts/wordlike
"$tmp/kehoach" build -o "$tmp/build" plans/muong-khoa/2025.yaml testdata/corpus/kinh-dung/2025.yaml >/dev/null
"$tmp/wordlike" -numbering auto "$tmp/build/ke-hoach-ntm-2025-muong-khoa.docx" >"$tmp/muong-khoa-2025-auto.fodt"
"$tmp/wordlike" -numbering manual "$tmp/build/ke-hoach-ntm-2025-kinh-dung.docx" >"$tmp/kinh-dung-2025-manual.fodt"
# The seed has no header block: the one of the 2025 plan of Mường Khoa,
# whose text it is.
"$tmp/wordlike" -numbering manual \
	-header 'ỦY BAN NHÂN DÂN|XÃ MƯỜNG KHOA|Số:       /KH-UBND' \
	-header-right 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|Mường Khoa, ngày        tháng        năm 2025' \
	"$seed" >"$tmp/seed-manual.fodt"
mkdir -p "$out"
soffice --headless "-env:UserInstallation=file://$tmp/profile" --convert-to 'docx:MS Word 2007 XML' --outdir "$out" \
	"$tmp/muong-khoa-2025-auto.fodt" "$tmp/kinh-dung-2025-manual.fodt" "$tmp/seed-manual.fodt" >/dev/null 2>&1
ls -l "$out"/*.docx
