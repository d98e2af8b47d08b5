// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Benchmarks.Http;

/// <summary>Command line of <c>http-stress</c> and <c>http-bare</c>:
/// <c>--url URL [--seconds 10] [--warmup 1] [--concurrency 64]</c>
/// (<c>http-bare</c> also <c>[--threads]</c>).</summary>
/// <param name="Url">Base address of the "hello" server; requests go to its <c>/</c>.</param>
/// <param name="Seconds">Measured duration.</param>
/// <param name="WarmUpSeconds">A separate load of this length before the measured one (same process, its own client),
/// so that tiered JIT has finished before measuring; 0 for none.</param>
/// <param name="Concurrency">Requests in flight: the engine's workers, or the bare loop's tasks and connections.</param>
/// <param name="Decompress"><c>http-bare --decompress</c>: automatic decompression on, as in the engine's client.</param>
/// <param name="Cancellable"><c>http-bare --cancellable</c>: a cancellable token per task, as <c>ctx.CancellationToken</c>.</param>
/// <param name="Threads"><c>http-bare --threads</c>: the bare loop runs on dedicated threads that block on each request.</param>
internal sealed record HttpLoadOptions(Uri Url, double Seconds, double WarmUpSeconds, int Concurrency, bool Threads = false, bool Decompress = false, bool Cancellable = false);
