// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using TestResult = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestResult;

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>Collects what vstest.console reports back to the IDE; messages are kept for assertion messages.</summary>
internal abstract class DesignModeHandler : ITestMessageEventHandler
{
    private readonly ConcurrentQueue<string> _log = new();

    public string Log => string.Join(Environment.NewLine, _log);

    public void HandleLogMessage(TestMessageLevel level, string? message) => _log.Enqueue($"[{level}] {message}");

    public void HandleRawMessage(string rawMessage)
    {
        // The protocol's JSON; everything needed arrives through the typed callbacks.
    }
}

/// <summary>What an IDE's discovery receives.</summary>
internal sealed class DiscoveryHandler : DesignModeHandler, ITestDiscoveryEventsHandler
{
    private readonly ConcurrentQueue<TestCase> _testCases = new();
    private readonly TaskCompletionSource<bool> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<TestCase> TestCases => _testCases.ToList();

    /// <summary>Completes with isAborted when discovery ends.</summary>
    public Task<bool> Completed => _completed.Task;

    public void HandleDiscoveredTests(IEnumerable<TestCase>? discoveredTestCases)
    {
        foreach (var testCase in discoveredTestCases ?? [])
        {
            _testCases.Enqueue(testCase);
        }
    }

    public void HandleDiscoveryComplete(long totalTests, IEnumerable<TestCase>? lastChunk, bool isAborted)
    {
        HandleDiscoveredTests(lastChunk);
        _completed.TrySetResult(isAborted);
    }
}

/// <summary>What an IDE's test run receives; remembers when the run completed.</summary>
internal sealed class RunHandler : DesignModeHandler, ITestRunEventsHandler
{
    private readonly ConcurrentQueue<TestResult> _results = new();
    private readonly TaskCompletionSource<TestRunCompleteEventArgs> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<TestResult> Results => _results.ToList();

    public Task<TestRunCompleteEventArgs> Completed => _completed.Task;

    /// <summary>TimeProvider.System timestamp of the completion callback.</summary>
    public long CompletedAt { get; private set; }

    public void HandleTestRunStatsChange(TestRunChangedEventArgs? testRunChangedArgs)
    {
        foreach (var result in testRunChangedArgs?.NewTestResults ?? [])
        {
            _results.Enqueue(result);
        }
    }

    public void HandleTestRunComplete(
        TestRunCompleteEventArgs testRunCompleteArgs,
        TestRunChangedEventArgs? lastChunkArgs,
        ICollection<AttachmentSet>? runContextAttachments,
        ICollection<string>? executorUris)
    {
        CompletedAt = TimeProvider.System.GetTimestamp();
        HandleTestRunStatsChange(lastChunkArgs);
        _completed.TrySetResult(testRunCompleteArgs);
    }

    public int LaunchProcessWithDebuggerAttached(TestProcessStartInfo testProcessStartInfo) => -1;

    public string Describe() =>
        $"results: {string.Join("; ", Results.Select(r => $"{r.Outcome} {r.TestCase.FullyQualifiedName}: {r.ErrorMessage}"))}{Environment.NewLine}log:{Environment.NewLine}{Log}";
}
