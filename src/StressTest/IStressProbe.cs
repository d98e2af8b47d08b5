// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest;

/// <summary>
/// Something sampled once per second while the load runs (a SQL query, an HTTP metrics endpoint…), whose values join
/// the report's per-second series and can be thresholded: <c>[Threshold("probe:db_lock_waits max &lt; 5")]</c>.
/// Register one in <c>[StressSetup]</c> with <see cref="StressSetupContext.AddProbe"/>.
/// </summary>
/// <remarks>
/// Sampling never touches the load: it runs beside it, once per measured second, each sample with one second to
/// finish. A sample that throws or takes longer is skipped and counted, and the result carries one warning; a sample
/// still running when the next second ends makes that second's sample skipped too. A probe that is
/// <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/> is disposed after the run.
/// </remarks>
public interface IStressProbe
{
    /// <summary>The names of the values this probe reports (<c>db_lock_waits</c>): known before the load, so a threshold
    /// naming another fails at once instead of never being measured. Letters, digits, <c>_</c>, <c>.</c> and <c>-</c>.</summary>
    IReadOnlyCollection<string> Metrics { get; }

    /// <summary>Reads the values now. Leaving a name out skips it for this second.</summary>
    /// <param name="cancellationToken">Cancelled when the sample has taken a second, or the run is cancelled.</param>
    /// <returns>Values by name (a subset of <see cref="Metrics"/>).</returns>
    ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken);
}
