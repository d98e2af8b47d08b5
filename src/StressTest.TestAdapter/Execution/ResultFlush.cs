// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Xml;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;

namespace StressTest.TestAdapter.Execution;

/// <summary>
/// Makes sure the results already recorded have left the test host before the next test's code runs. VSTest's test
/// host batches what adapters record (its TestRunCache sends when results plus tests in progress reach the run's
/// <c>BatchSize</c>, 10 by default, or every 1.5 s), so a crash of the host (<c>Environment.FailFast</c>, a stack
/// overflow) lost every result recorded in its last 1.5 s: the TRX said "Total 0" although the previous test had passed
/// and its report said so. Starting the next test as often as the batch needs fills it, and the host sends at once;
/// the test is still started, and ended, once as far as anyone reading results can tell.
/// </summary>
/// <remarks>
/// Only under VSTest's own test host (the handle of its CrossPlatEngine); the Testing Platform bridge publishes each
/// result at once. Costs nothing measurable (one message per test to vstest.console, which it sends anyway).
/// </remarks>
internal sealed class ResultFlush
{
    private const int DefaultBatchSize = 10;
    private readonly int _batchSize;
    private readonly bool _batched;
    private bool _pending;

    public ResultFlush(IFrameworkHandle handle, string? settingsXml)
    {
        ArgumentNullException.ThrowIfNull(handle);
        _batched = handle.GetType().FullName?.StartsWith("Microsoft.VisualStudio.TestPlatform.CrossPlatEngine.", StringComparison.Ordinal) == true;
        _batchSize = BatchSize(settingsXml);
    }

    /// <summary>Records the start of <paramref name="testCase"/>, sending every result recorded before it.</summary>
    public void RecordStart(IFrameworkHandle handle, TestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var starts = _batched && _pending && _batchSize <= 100 ? _batchSize : 1;
        for (var i = 0; i < starts; i++)
        {
            handle.RecordStart(testCase);
        }

        _pending = false;
    }

    /// <summary>A result was recorded: it waits in the host's batch until the next start.</summary>
    public void Recorded() => _pending = true;

    /// <summary>Sends what was recorded now, when no test will start after it (the host is about to end): the last
    /// test is started again to fill the batch; its result is already recorded.</summary>
    public void Now(IFrameworkHandle handle, TestCase testCase)
    {
        if (_pending)
        {
            RecordStart(handle, testCase);
        }
    }

    private static int BatchSize(string? settingsXml)
    {
        if (string.IsNullOrWhiteSpace(settingsXml))
        {
            return DefaultBatchSize;
        }

        try
        {
            var text = XDocument.Parse(settingsXml).Root?.Element("RunConfiguration")?.Element("BatchSize")?.Value;
            return int.TryParse(text, out var size) && size > 0 ? size : DefaultBatchSize;
        }
        catch (XmlException)
        {
            return DefaultBatchSize;
        }
    }
}
