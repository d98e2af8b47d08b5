// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>One `dotnet test` of a fixture: the process, its TRX, and the folders it wrote to.</summary>
internal sealed record FixtureRun(ProcessResult Process, TrxFile Trx, string ResultsDirectory, string MarkersDirectory)
{
    public TrxResult Get(string methodName) => Trx.Get(methodName);

    public bool HasMarker(string name) => File.Exists(Path.Combine(MarkersDirectory, name));

    /// <summary>Asserts that <paramref name="methodName"/> failed with a message holding every fragment.</summary>
    public TrxResult AssertFailedWith(string methodName, params string[] fragments)
    {
        var result = Get(methodName);
        Assert.AreEqual("Failed", result.Outcome, ToString());
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.ErrorMessage ?? string.Empty, $"{methodName}'s message lacks \"{fragment}\".");
        }

        return result;
    }

    /// <summary>Everything needed to understand a failed assertion without rerunning.</summary>
    public override string ToString() =>
        $"TRX {Trx.Path}:{Environment.NewLine}{Trx}{Environment.NewLine}{Process}";
}
