// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Mocks.Simulation;

/// <summary>The ways a simulated dependency fails; the profile's <c>kind</c> values.</summary>
internal enum FailureKind
{
    /// <summary><c>status</c>: an error response.</summary>
    Status,

    /// <summary><c>timeout</c>: no answer until the caller gives up.</summary>
    Timeout,

    /// <summary><c>reset</c>: the connection is reset without an answer.</summary>
    ConnectionReset,

    /// <summary><c>slowBody</c>: the headers on time, the body trickling.</summary>
    SlowBody,
}
