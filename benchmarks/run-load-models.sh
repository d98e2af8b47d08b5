#!/usr/bin/env bash
# Copyright (c) 2026 Marc Schraffenberger
# SPDX-License-Identifier: MIT
#
# Builds the benchmarks in Release and runs the load-model benchmarks (about 9 minutes on an idle machine):
#   open    open-model accuracy at 1,000, 10,000 and 50,000 arrivals/s, no-op and Task.Delay(5) methods,
#           10 s each, 3 repetitions (achieved rate, dropped, start lateness, latency, CPU)
#   memory  peak working set of a 120 s open-model run at 10,000/s against a 20 s one, each in a fresh process
# Options:
#   --wait-idle N   before each run wait up to N s for other processes to use < 0.2 cores (open: and repeat
#                   disturbed runs); for a shared machine, e.g. benchmarks/run-load-models.sh --wait-idle 180
#   --only open|memory
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/benchmarks/StressTest.Benchmarks"
wait_idle=0
only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --wait-idle) wait_idle="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        *) echo "usage: $0 [--wait-idle N] [--only open|memory]" >&2; exit 2 ;;
    esac
done

dotnet build "$project" -c Release --nologo -v quiet
if [ -z "$only" ] || [ "$only" = open ]; then
    dotnet run --project "$project" -c Release --no-build -- open --seconds 10 --warmup 1 --repeat 3 --wait-idle "$wait_idle"
fi
if [ -z "$only" ] || [ "$only" = memory ]; then
    dotnet run --project "$project" -c Release --no-build -- memory --short 20 --long 120 --rate 10000 --wait-idle "$wait_idle"
fi
