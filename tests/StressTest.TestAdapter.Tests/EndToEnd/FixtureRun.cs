// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>One `dotnet test` of a fixture: the process, its TRX, and the folders it wrote to.</summary>
internal sealed record FixtureRun(ProcessResult Process, TrxFile Trx, string ResultsDirectory, string MarkersDirectory)
{
    public TrxResult Get(string methodName) => Trx.Get(methodName);

    public bool HasMarker(string name) => File.Exists(Path.Combine(MarkersDirectory, name));

    /// <summary>Everything needed to understand a failed assertion without rerunning.</summary>
    public override string ToString() =>
        $"TRX {Trx.Path}:{Environment.NewLine}{Trx}{Environment.NewLine}{Process}";
}
