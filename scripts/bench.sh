#!/usr/bin/env bash
# Whole-process benchmarks for the README (make bench runs the Go benchmarks
# first, then this). Prints Markdown.
#   1. scripts/benchpair: kehoach's full bundle for one plan against
#      LibreOffice converting the same DOCX to PDF (warm and fresh profile),
#      pandoc writing a DOCX and Typst compiling the same text, in pairs
#      A B A B … (BENCH_PAIRS, default 7), medians of wall and CPU time and
#      of the per-pair ratios, the load, the machine and every command;
#   2. N varied plans (scripts/genplans) on 2 cores: time and peak memory,
#      for several N to show memory stays flat.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${COUNTS:-"100 300 1000"}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kehoach" ./cmd/kehoach

echo "## Một kế hoạch: kehoach so với LibreOffice, pandoc và Typst"
echo
go run ./scripts/benchpair
echo

echo "## Nhiều kế hoạch trên 2 lõi"
echo
echo "Tải lúc bắt đầu: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Số kế hoạch | Thời gian thực | CPU (user + sys) | Bộ nhớ cao nhất | Trang |"
echo "|---|---|---|---|---|"
for n in $COUNTS; do
  go run ./scripts/genplans -n "$n" -o "$tmp/gen$n"
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time$n" taskset -c 0,1 env GOMAXPROCS=2 "$tmp/kehoach" build -o "$tmp/out$n" "$tmp/gen$n" > "$tmp/log$n" 2>/dev/null
  read -r secs usr sys kb < "$tmp/time$n"
  pages=$(grep -o '[0-9]* trang' "$tmp/log$n" | tail -1)
  echo "| $n | ${secs} s | $(awk "BEGIN{print $usr + $sys}") s | $(( kb / 1024 )) MB | $pages |"
  rm -rf "$tmp/gen$n" "$tmp/out$n"
done
