// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Runtime.InteropServices;

namespace StressTest.TestAdapter.Execution;

/// <summary>
/// Ctrl+C, SIGTERM and the end of the test host while stress tests run. Under <c>dotnet test</c> (VSTest mode) Ctrl+C
/// reaches the test host as SIGINT (same process group) and <c>ITestExecutor.Cancel()</c> is never called; the
/// runtime's default is to end the process at once, so teardown never ran and seeded data stayed. Here the first SIGINT
/// or SIGTERM cancels the run instead (the load stops, teardown runs, the reports are written as cancelled), and a second
/// one ends the host at once (the default). When the host is ended otherwise (its parent, vstest.console, went away and
/// the host exits; <c>Environment.Exit</c> in the test's code, which then fails the test), the exit waits up to
/// <see cref="ExitGrace"/> for the running test to do the same.
/// </summary>
internal sealed class HostSignals : IDisposable
{
    /// <summary>How long the end of the process waits for the running test to stop, tear down and write its reports.</summary>
    public static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _run;
    private readonly Action<string> _onSignal;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly ManualResetEventSlim _finished = new(false);
    private int _signals;

    private HostSignals(CancellationTokenSource run, Action<string> onSignal)
    {
        _run = run;
        _onSignal = onSignal;
    }

    /// <summary>What ended the run early, as the result should say it; null while nothing did.</summary>
    public string? Reason { get; private set; }

    /// <summary>True when the host is ending because the test's own code called <c>Environment.Exit</c>: its result is a
    /// failure, not a cancellation.</summary>
    public bool ExitedByTest { get; private set; }

    /// <summary>The test running now (its full name), for the message; null between tests.</summary>
    public string? Running { get; set; }

    /// <summary>Watches the signals and the end of the process while a run lasts (dispose at its end).</summary>
    /// <param name="run">Cancelled on the first signal.</param>
    /// <param name="onSignal">Told what happened, once, on the signal's thread (a message for the console).</param>
    public static HostSignals Watch(CancellationTokenSource run, Action<string> onSignal)
    {
        var signals = new HostSignals(run, onSignal);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                signals._registrations.Add(PosixSignalRegistration.Create(signal, signals.Handle));
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException or IOException)
            {
                // Not on this platform (SIGTERM on some Windows hosts): the process's default stays.
            }
        }

        AppDomain.CurrentDomain.ProcessExit += signals.OnProcessExit;
        return signals;
    }

    /// <summary>The run is over: signals get their default again.</summary>
    public void Dispose()
    {
        _finished.Set();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            return; // a second Ctrl+C: the default ends the host now
        }

        context.Cancel = true;
        Stop(context.Signal == PosixSignal.SIGINT ? "Ctrl+C (SIGINT)" : "SIGTERM");
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_finished.IsSet)
        {
            return;
        }

        if (ParentGone())
        {
            Stop("its parent process (vstest.console) ending the test host");
        }
        else
        {
            // Nothing of the test platform ends the host this way while a test runs: the test's own code did.
            ExitedByTest = true;
            Stop($"Environment.Exit({Environment.ExitCode}) in the test's code, which ends the test host (a test must never call it)");
        }

        _finished.Wait(ExitGrace);
    }

    /// <summary>True when this process was orphaned (Linux: re-parented to init), as when vstest.console ended.</summary>
    private static bool ParentGone()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[1] == "1";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void Stop(string reason)
    {
        Reason ??= reason;
        var running = Running is { } test ? $"stopping {test}, running its teardown and writing its reports" : "no stress test was running; the rest do not run";
        var again = reason.StartsWith("Ctrl", StringComparison.Ordinal) ? "press Ctrl+C again to end at once" : "SIGKILL ends it at once";
        _onSignal($"StressTest: {reason}: {running} (at most {ExitGrace.TotalSeconds:0} s; {again}).");
        try
        {
            _run.Cancel();
        }
        catch (AggregateException)
        {
            // A callback on the run's token threw; the run reports what it can.
        }
    }
}
