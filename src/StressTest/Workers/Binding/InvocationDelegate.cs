// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers.Binding;

/// <summary>One invocation of a stress-test method, bound to a worker's instance. Every supported method shape is
/// compiled into this one signature so the worker loop has a single, allocation-free call site.</summary>
internal delegate ValueTask InvocationDelegate(StressContext context, CancellationToken cancellationToken);
