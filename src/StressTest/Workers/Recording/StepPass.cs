// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using StressTest.Monitoring.Telemetry;

namespace StressTest.Workers.Recording;

/// <summary>
/// One pass through a step, from <c>StressContext.Step</c>'s start to its end. A struct on the caller's stack (or in
/// its async state machine), so timing a step allocates nothing of its own. Outside the measured window (warm-up)
/// and outside a run it times nothing but the name is still checked, so a bad name fails at once. In a traced
/// invocation it is also a span, the parent of the step's HTTP requests.
/// </summary>
internal readonly struct StepPass
{
    private readonly NamedRecorder? _recorder;
    private readonly InvocationSlot? _slot;
    private readonly long _start;
    private readonly Activity? _span;

    private StepPass(NamedRecorder? recorder, InvocationSlot? slot, long start, Activity? span)
    {
        _recorder = recorder;
        _slot = slot;
        _start = start;
        _span = span;
    }

    public static StepPass Begin(InvocationSlot? slot, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (slot is null)
        {
            return default;
        }

        var recorder = slot.Run.Details.Step(name);
        if (!slot.IsMeasured)
        {
            return default;
        }

        var span = slot.Trace is null ? null : StressInstruments.Source.StartActivity(name);
        span?.SetTag("stresstest.step", name);
        return new StepPass(recorder, slot, slot.Run.Time.GetTimestamp(), span);
    }

    public void End(bool failed)
    {
        // A step cut off by the run's cancellation is neither a measurement nor an error (as the invocation is not).
        if (_recorder is not null && !(failed && _slot!.Run.IsStopping))
        {
            var run = _slot!.Run;
            var elapsed = (long)((run.Time.GetTimestamp() - _start) * run.MicrosecondsPerTick);
            _recorder.Record(elapsed, failed);
            run.Telemetry.RecordStep(elapsed, _recorder.Name);
        }

        if (_span is not null)
        {
            if (failed)
            {
                _span.SetStatus(ActivityStatusCode.Error);
            }

            _span.Stop();
        }
    }
}
