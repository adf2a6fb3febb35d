#!/usr/bin/env bash
# Times `kehoach diff HEAD~1 HEAD` in a temporary git repository of N
# generated plans (scripts/genplans), after changing 10 plans and after
# changing every plan (#21 deliver 3). Not part of go test: run it by hand.
#   scripts/diffbench.sh [N]          (default N=1000, RUNS=3)
#   KEHOACH=/path/to/kehoach scripts/diffbench.sh   times another binary
#     (e.g. one built from main, for the figures before a change).
# Prints, for each case, every run's wall time and CPU time (user+sys of
# kehoach and the git processes it starts) in seconds, and the median, with
# the peak memory (max RSS) of that run. Needs /usr/bin/time (Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
RUNS=${RUNS:-3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bin=${KEHOACH:-}
if [ -z "$bin" ]; then
  go build -o "$tmp/kehoach" ./cmd/kehoach
  bin=$tmp/kehoach
fi
go run ./scripts/genplans -n "$N" -o "$tmp/repo/plans" >/dev/null
cd "$tmp/repo"
git init -q
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
git add -A && git commit -qm base
# One edit to the first ghi_chu of a plan: a real change diff reports.
edit() { sed -i '0,/ghi_chu: /s//ghi_chu: Đã sửa — /' "$@"; }

measure() {
  local name=$1 times=() t rc
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$bin" diff HEAD~1 HEAD >"$tmp/out" 2>&1 && rc=0 || rc=$?
    if [ "$rc" -gt 1 ]; then echo "kehoach diff dừng với mã $rc:" >&2; cat "$tmp/out" >&2; exit 1; fi
    read -r wall user sys kb < <(tail -1 "$tmp/time")
    times+=("$wall $(echo "$user + $sys" | bc | xargs printf "%.3f") $((kb / 1024))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v n="$RUNS" '
    { w[NR]=$1; c[NR]=$2; m[NR]=$3; all = all sprintf(" %s/%s", $1, $2) }
    END { printf "%s: trung vị %s s (CPU %s s, bộ nhớ cao nhất %s MB); các lần (tường/CPU):%s\n", name, w[int((n+1)/2)], c[int((n+1)/2)], m[int((n+1)/2)], all }'
}

echo "kehoach diff HEAD~1 HEAD, $N kế hoạch, $(nproc) lõi, tải $(cut -d' ' -f1 /proc/loadavg), $(date -u +%Y-%m-%d)"
files=$(git ls-files 'plans/*/2025.yaml')
edit $(echo "$files" | head -10)
git commit -qam "10 changed"
measure "10 kế hoạch đổi"
git reset -q --hard HEAD~1
edit $files
git commit -qam "all changed"
measure "$N kế hoạch đổi"
