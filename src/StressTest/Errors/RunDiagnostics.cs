// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Errors;

/// <summary>
/// What a run has to say besides its numbers: problems (each fails the test), warnings (shown beside a result, never
/// failing it) and notes (context for a result that did not pass). One object a run, handed to whatever may find
/// something, instead of lists threaded through every signature. Thread-safe: workers report from their own threads.
/// </summary>
internal sealed class RunDiagnostics
{
    private readonly Lock _gate = new();
    private readonly List<string> _problems = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _notes = [];

    /// <summary>What fails the test, in the order found.</summary>
    public IReadOnlyList<string> Problems => Snapshot(_problems);

    /// <summary>What the result shows without failing.</summary>
    public IReadOnlyList<string> Warnings => Snapshot(_warnings);

    /// <summary>Context for a result that did not pass (a load stopped early by its data, say).</summary>
    public IReadOnlyList<string> Notes => Snapshot(_notes);

    /// <summary>How many problems were found so far: compare before and after a step to see whether it found one.</summary>
    public int ProblemCount
    {
        get
        {
            lock (_gate)
            {
                return _problems.Count;
            }
        }
    }

    /// <summary>True when anything fails the test.</summary>
    public bool HasProblems => ProblemCount > 0;

    /// <summary>Adds a problem.</summary>
    public void Problem(string text) => Add(_problems, text, once: false);

    /// <summary>Adds a problem unless the same text is there already (a refused host, reported by every request).</summary>
    public void ProblemOnce(string text) => Add(_problems, text, once: true);

    /// <summary>Adds a warning.</summary>
    public void Warning(string text) => Add(_warnings, text, once: false);

    /// <summary>Adds a note unless the same text is there already.</summary>
    public void NoteOnce(string text) => Add(_notes, text, once: true);

    /// <summary>Disposes <paramref name="instance"/> (sync or async) and turns a failure into a problem naming
    /// <paramref name="owner"/>: cleaning up must never end the run with an exception.</summary>
    public void Dispose(object? instance, string owner)
    {
        try
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception ex)
        {
            Problem($"Disposing {owner}'s {instance!.GetType().Name} failed: {ErrorText.Describe(ex)}");
        }
    }

    private void Add(List<string> list, string text, bool once)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (!once || !list.Contains(text))
            {
                list.Add(text);
            }
        }
    }

    private IReadOnlyList<string> Snapshot(List<string> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
