// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>One `dotnet test` of a fixture: the process, its TRX, and the folders it wrote to.</summary>
internal sealed record FixtureRun(ProcessResult Process, TrxFile Trx, string ResultsDirectory, string MarkersDirectory)
{
    public TrxResult Get(string methodName) => Trx.Get(methodName);

    /// <summary>Passed, with no message except warnings a fixture rightly gets: the one of a Debug build (the fixtures
    /// are built in Debug, as `dotnet test` builds by default) and the generator verdict's, which a machine too busy to
    /// keep the schedule rightly gets (CI machines shared with the suite's other test projects can be).</summary>
    public void AssertPassedWithoutMessage(TrxResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.AreEqual("Passed", result.Outcome, $"{result}: {result.ErrorMessage}{Environment.NewLine}{this}");
        var lines = (result.ErrorMessage ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] allowed = ["Warning: the load generator ", "Warning: the machine was busy with other work ", "Warning: WarmUpFixture.dll "];
        Assert.IsTrue(
            lines.All(l => allowed.Any(a => l.StartsWith(a, StringComparison.Ordinal)) || (l.StartsWith("Warning: ", StringComparison.Ordinal) && l.Contains(" Debug build", StringComparison.Ordinal))),
            result.ErrorMessage);
    }

    public bool HasMarker(string name) => File.Exists(Path.Combine(MarkersDirectory, name));

    /// <summary>Asserts that <paramref name="methodName"/> failed with a message holding every fragment.</summary>
    public TrxResult AssertFailedWith(string methodName, params string[] fragments) => AssertOutcomeWith(methodName, "Failed", fragments);

    /// <summary>Asserts that <paramref name="methodName"/> ended with <paramref name="outcome"/> (the TRX's word) and a
    /// message holding every fragment.</summary>
    public TrxResult AssertOutcomeWith(string methodName, string outcome, params string[] fragments)
    {
        var result = Get(methodName);
        Assert.AreEqual(outcome, result.Outcome, $"{methodName}: {result.ErrorMessage}{Environment.NewLine}{this}");
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
