// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Mocks.Latencies;

/// <summary>Values a source histogram cannot tell apart: <see cref="Count"/> of them lay between
/// <see cref="Low"/> and <see cref="High"/>, in the file's units.</summary>
internal readonly record struct LatencyBucket(double Low, double High, long Count);
