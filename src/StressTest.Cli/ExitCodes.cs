// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Cli;

/// <summary>What <c>stresstest</c> exits with; a CI step fails on anything but 0.</summary>
internal static class ExitCodes
{
    /// <summary>No relative threshold regressed (unchanged, improved or inconclusive).</summary>
    public const int Passed = 0;

    /// <summary>At least one relative threshold regressed: the same rule that fails the test in the test run.</summary>
    public const int Regressed = 1;

    /// <summary>The command line does not parse, or a file is missing, corrupt, of a newer schema or of another test.</summary>
    public const int Usage = 2;
}
