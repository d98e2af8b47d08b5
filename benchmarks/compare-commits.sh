#!/usr/bin/env bash
# Copyright (c) 2026 Marc Schraffenberger
# SPDX-License-Identifier: MIT
#
# The same benchmarks at two commits, interleaved, to tell a change's cost from the noise of a shared machine:
#   http   our closed model through the real engine (http-stress: Concurrency 64, GET / of nginx `return 200`),
#          the two commits alternating, --repeat times each; rps and CPU-seconds per 100k requests, medians, and the
#          ratio head/base within each repetition
#   micro  BenchmarkDotNet on one invocation of the worker's hot path (micro --filter '*HotPath*'), once per commit
# usage: benchmarks/compare-commits.sh BASE [HEAD] [--seconds N] [--repeat N] [--skip-micro]
# Builds each commit from a temporary git worktree (Release); installs nginx through apt when missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=nginx-hello.sh
source "$root/benchmarks/nginx-hello.sh"
base="${1:?usage: $0 BASE [HEAD] [--seconds N] [--repeat N] [--skip-micro]}"; shift
head_rev=HEAD
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then head_rev="$1"; shift; fi
seconds=10
repeat=5
micro=1
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="${2:?}"; shift 2 ;;
        --repeat) repeat="${2:?}"; shift 2 ;;
        --skip-micro) micro=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false DOTNET_NOLOGO=1
work="$(mktemp -d)"
nginx_pid=""
cleanup() {
    [ -n "$nginx_pid" ] && { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
    for rev in base head; do git -C "$root" worktree remove --force "$work/$rev" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

declare -A dll
for rev in base head; do
    commit=$([ "$rev" = base ] && echo "$base" || echo "$head_rev")
    git -C "$root" worktree add --detach "$work/$rev" "$commit" >/dev/null 2>&1
    echo "building $rev ($(git -C "$root" rev-parse --short "$commit"))" >&2
    dotnet build "$work/$rev/benchmarks/StressTest.Benchmarks" -c Release --nologo -v quiet >/dev/null
    dll[$rev]="$work/$rev/benchmarks/StressTest.Benchmarks/bin/Release/net10.0/StressTest.Benchmarks.dll"
done

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >/dev/null
    [ -s /run/nginx.pid ] && /usr/sbin/nginx -s quit || true
fi
port=18090
nginx_hello_conf "$work" "$port" >/dev/null
"$(command -v nginx || echo /usr/sbin/nginx)" -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1

field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2"; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2}'; }
: >"$work/http"
for i in $(seq 1 "$repeat"); do
    order=(base head); [ $((i % 2)) -eq 0 ] && order=(head base)
    for rev in "${order[@]}"; do
        line=$(dotnet "${dll[$rev]}" http-stress --url "http://127.0.0.1:$port/" --seconds "$seconds" --warmup 5 2>/dev/null | tail -n 1)
        rps=$(field rps "$line"); cpu=$(field cpu_s "$line"); requests=$(field requests "$line")
        echo "$i $rev rps=$rps cpu_s=$cpu requests=$requests" >&2
        echo "$i $rev $rps $(awk -v c="$cpu" -v r="$requests" 'BEGIN{printf "%.3f", (r > 0 ? c * 100000 / r : 0)}')" >>"$work/http"
    done
done
echo
echo "| commit | rps (median of $repeat) | CPU-s per 100k requests |"
echo "|---|---:|---:|"
for rev in base head; do
    commit=$([ "$rev" = base ] && echo "$base" || echo "$head_rev")
    echo "| $rev $(git -C "$root" rev-parse --short "$commit") | $(awk -v r=$rev '$2==r{print $3}' "$work/http" | median) | $(awk -v r=$rev '$2==r{print $4}' "$work/http" | median) |"
done
ratio=$(awk '{v[$1" "$2]=$3} END {for (i=1; i<='"$repeat"'; i++) if (v[i" base"] > 0) print v[i" head"]/v[i" base"]}' "$work/http" | median)
echo
echo "head/base rps within each repetition, median: $ratio"

if [ "$micro" = 1 ]; then
    for rev in base head; do
        echo
        echo "### micro, $rev"
        # BenchmarkDotNet finds the project to build its runner from under the current folder.
        (cd "$work/$rev" && dotnet "${dll[$rev]}" micro --filter '*HotPath*' >"$work/micro-$rev.log" 2>&1) || true
        sed -n '/^| *Method/,/^$/p' "$work/micro-$rev.log" | grep . || { echo "micro failed for $rev:" >&2; grep -iE 'error|exception' "$work/micro-$rev.log" | head -5 >&2; }
    done
fi
