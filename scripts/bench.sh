#!/usr/bin/env bash
# Whole-process benchmarks for the README (make bench runs the Go benchmarks
# first, then this). Prints Markdown.
#   1. kehoach's full bundle for one plan, against LibreOffice converting the
#      same DOCX to PDF (the route of docxtemplater, docxtpl, Carbone users);
#   2. N varied plans (scripts/genplans) on 2 cores: time and peak memory,
#      for several N to show memory stays flat.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
COUNTS=${COUNTS:-"100 300 1000"}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kehoach" ./cmd/kehoach
ms() { echo $(( ($2 - $1) / 1000000 )); }

echo "## Máy đo"
echo
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) lõi; RAM: $(free -g | awk '/Mem:/{print $2}') GiB"
echo "- $(go version | cut -d' ' -f3-4); $(date -u +%Y-%m-%d)"
echo

echo "## Một kế hoạch: kehoach so với LibreOffice"
echo
"$tmp/kehoach" build -o "$tmp/one" plans/muong-khoa/2025.yaml >/dev/null 2>&1
docx=$(ls "$tmp"/one/*.docx)
t0=$(date +%s%N)
for _ in $(seq "$RUNS"); do "$tmp/kehoach" build -o "$tmp/one" plans/muong-khoa/2025.yaml >/dev/null 2>&1; done
t1=$(date +%s%N)
k=$(( $(ms "$t0" "$t1") / RUNS ))
echo "| Cách làm | Thời gian mỗi lần (trung bình $RUNS lần) |"
echo "|---|---|"
echo "| \`kehoach build\` (kiểm tra + DOCX + PDF + biểu XLSX, một tiến trình) | $k ms |"
if command -v soffice >/dev/null; then
  soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to pdf --outdir "$tmp/lo-out" "$docx" >/dev/null 2>&1 # warm the profile
  t0=$(date +%s%N)
  for _ in $(seq "$RUNS"); do soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to pdf --outdir "$tmp/lo-out" "$docx" >/dev/null 2>&1; done
  t1=$(date +%s%N)
  l=$(( $(ms "$t0" "$t1") / RUNS ))
  echo "| \`soffice --headless --convert-to pdf\` (chỉ đổi DOCX → PDF) | $l ms |"
  echo
  echo "kehoach nhanh hơn **$(( l / (k > 0 ? k : 1) )) lần** (mục tiêu: ít nhất 30 lần)."
else
  echo
  echo "(không có LibreOffice: bỏ qua phép so sánh)"
fi
echo

echo "## Nhiều kế hoạch trên 2 lõi"
echo
echo "| Số kế hoạch | Thời gian | Bộ nhớ cao nhất | Trang |"
echo "|---|---|---|---|"
for n in $COUNTS; do
  go run ./scripts/genplans -n "$n" -o "$tmp/gen$n"
  /usr/bin/time -f "%e %M" -o "$tmp/time$n" taskset -c 0,1 env GOMAXPROCS=2 "$tmp/kehoach" build -o "$tmp/out$n" "$tmp/gen$n" > "$tmp/log$n" 2>/dev/null
  read -r secs kb < "$tmp/time$n"
  pages=$(grep -o '[0-9]* trang' "$tmp/log$n" | tail -1)
  echo "| $n | ${secs} s | $(( kb / 1024 )) MB | $pages |"
  rm -rf "$tmp/gen$n" "$tmp/out$n"
done
