// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace LoadModelFixture;

/// <summary>
/// The open model: invocations start on a schedule of arrivals, so how many run is fixed by the schedule, not by
/// how fast the method or the machine is.
/// </summary>
public sealed class OpenModelStressTests
{
    /// <summary>Passes: 500 uniform arrivals per second for 3 s are exactly 1,500 invocations, 2 ms apart.</summary>
    [StressTest(Rate = 500, Duration = "3s")]
    public static async Task Rate500(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, ct);
    }

    /// <summary>
    /// Passes: a rate ramped from 0 to 200/s over 1 s, held for 1 s, ramped down to 0 over 1 s. The number of arrivals
    /// is the integral of the rate: 100 + 200 + 100 = 400.
    /// </summary>
    [StressTest(Model = LoadModel.Open, Stages = "1s:200, 1s:200, 1s:0")]
    public static async Task OpenStages(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, ct);
    }
}
