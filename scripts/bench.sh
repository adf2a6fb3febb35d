#!/usr/bin/env bash
# Whole-process benchmarks for the README (make bench runs the Go benchmarks
# first, then this). Prints Markdown.
#   1. scripts/benchpair: kehoach's full bundle for one plan against
#      LibreOffice converting the same DOCX to PDF (warm and fresh profile),
#      pandoc writing a DOCX and Typst compiling the same text, in pairs
#      A B A B … (BENCH_PAIRS, default 7), medians of wall and CPU time and
#      of the per-pair ratios, the load, the machine and every command;
#   2. scripts/manyplans.sh: N varied plans (scripts/genplans) on 2 cores,
#      time, CPU and peak memory for N = 100, 1000, 5000 (COUNTS), to show
#      CPU per plan and memory stay flat;
#   3. scripts/startcpu.go: start-up (help, a usage error) and `check` of
#      one plan as whole processes, paired with an empty Go program;
#   4. scripts/diffbench.sh: `kehoach diff HEAD~1 HEAD` in a repository of
#      1000 plans, 10 changed and all changed.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "## Một kế hoạch: kehoach so với LibreOffice, pandoc và Typst"
echo
go run ./scripts/benchpair
echo

echo "## Nhiều kế hoạch trên 2 lõi"
echo
COUNTS=${COUNTS:-"100 1000 5000"} scripts/manyplans.sh
echo

echo "## Khởi động và \`kehoach check\` một kế hoạch"
echo
echo '```'
go run scripts/startcpu.go -n "${STARTCPU_PAIRS:-41}"
echo '```'
echo

echo "## So sánh hai commit: \`kehoach diff HEAD~1 HEAD\`"
echo
echo '```'
scripts/diffbench.sh "${DIFF_PLANS:-1000}"
echo '```'
