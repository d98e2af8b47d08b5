#!/usr/bin/env bash
# Copyright (c) 2026 Marc Schraffenberger
# SPDX-License-Identifier: MIT
#
# Builds the benchmarks in Release and runs the whole-run engine benchmark (no-op methods, closed model,
# Concurrency 1 and 2). Arguments go to the benchmark, e.g.:
#   benchmarks/run-engine.sh --seconds 10 --repeat 5 --wait-idle 120
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/benchmarks/StressTest.Benchmarks"

dotnet build "$project" -c Release --nologo -v quiet
dotnet run --project "$project" -c Release --no-build -- engine "$@"
