#!/usr/bin/env bash
# manyplans.sh: kehoach build over N varied plans (scripts/genplans) on 2
# cores, for each N: wall time, CPU time (user + sys), CPU per plan, peak
# memory (max RSS) and pages, with the load at the start of each run; the
# count of rounds per N is ROUNDS. Prints Markdown.
#
#   scripts/manyplans.sh                 # N = 100 1000 5000, kehoach built from the tree
#   COUNTS="100 1000" ROUNDS=3 scripts/manyplans.sh
#   BEFORE=/tmp/kehoach-old scripts/manyplans.sh   # the same runs of an older
#                                                  # binary, alternating with the tree's
#
# The plans are generated once per N into a scratch folder (genplans varies
# figures, criteria statuses and the number of tasks; the communes are named
# “Thử Nghiệm 1…N”), and the output folder is emptied before each run.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${COUNTS:-"100 1000 5000"}
ROUNDS=${ROUNDS:-1}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kehoach" ./cmd/kehoach
bins=("$tmp/kehoach")
[ -n "${BEFORE:-}" ] && bins+=("$BEFORE")

echo "Máy: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) lõi; $(date -u '+%Y-%m-%d %H:%M UTC'); $(go version | cut -d' ' -f3)"
echo
echo "| Số kế hoạch | chương trình | tải lúc đầu | thời gian thực | CPU (user + sys) | CPU mỗi kế hoạch | bộ nhớ cao nhất | trang |"
echo "|---|---|---|---|---|---|---|---|"
for n in $COUNTS; do
  go run ./scripts/genplans -n "$n" -o "$tmp/gen$n" >/dev/null
  for r in $(seq "$ROUNDS"); do
    for b in "${bins[@]}"; do
      rm -rf "$tmp/out"
      load=$(cut -d' ' -f1 /proc/loadavg)
      /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" taskset -c 0,1 env GOMAXPROCS=2 "$b" build -o "$tmp/out" "$tmp/gen$n" > "$tmp/log" 2>/dev/null || {
        echo "manyplans: $b build thất bại với $n kế hoạch" >&2; exit 1; }
      read -r secs usr sys kb < "$tmp/time"
      pages=$(grep -o '[0-9]* trang' "$tmp/log" | tail -1)
      name=$([ "$b" = "$tmp/kehoach" ] && echo "cây mã" || basename "$b")
      awk -v n="$n" -v name="$name" -v load="$load" -v s="$secs" -v u="$usr" -v y="$sys" -v kb="$kb" -v pages="$pages" \
        'BEGIN { cpu = u + y; printf "| %d | %s | %s | %.1f s | %.1f s | %.1f ms | %.0f MB | %s |\n", n, name, load, s, cpu, cpu * 1000 / n, kb / 1024, pages }' |
        sed 's/\([0-9]\)\.\([0-9]\)/\1,\2/g' # decimal commas, as the README writes them
    done
  done
  rm -rf "$tmp/gen$n" "$tmp/out"
done
