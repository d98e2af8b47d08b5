// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Workers;

/// <summary>Error kinds that are not exception types. The HTTP issue adds its taxonomy here.</summary>
internal static class ErrorKinds
{
    public const string Timeout = "timeout";

    /// <summary>Still running after the shutdown grace period; abandoned.</summary>
    public const string Stuck = "stuck";
}
