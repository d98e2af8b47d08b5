// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Load;
using StressTest.Plan.Rules;

namespace StressTest.Plan;

/// <summary>
/// A load as the text a person reads and a gate compares: the report's plan section is drawn from it, and a baseline
/// measured under another load is told apart by it. Fields that do not apply to the model are null.
/// </summary>
internal sealed record LoadDescription(
    string Model,
    int? Concurrency,
    double? Rate,
    int? MaxConcurrency,
    string? Arrivals,
    string? Pacing,
    string? Stages,
    string WarmUp,
    string Duration,
    string Timeout)
{
    /// <summary>Describes <paramref name="load"/>.</summary>
    public static LoadDescription Of(LoadProfile load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var open = load.Model == LoadModel.Open;
        var staged = load.Stages.Count > 0;
        return new LoadDescription(
            open ? "open" : "closed",
            open ? null : load.Concurrency,
            open && !staged ? load.Rate : null,
            open ? load.MaxConcurrency : null,
            open ? load.Arrivals.ToString().ToLowerInvariant() : null,
            load.Pacing > TimeSpan.Zero ? DurationParser.Format(load.Pacing) : null,
            staged ? string.Join(", ", load.Stages.Select(s => DurationParser.Format(s.Duration) + ":" + s.Target.ToString(CultureInfo.InvariantCulture))) : null,
            load.AutoWarmUp ? LoadReader.AutoWarmUpText : DurationParser.Format(load.WarmUp),
            DurationParser.Format(load.Duration),
            DurationParser.Format(load.Timeout));
    }

    /// <summary>A warm-up as a person reads it: <c>5s</c> as written, or <c>auto, 2.1 s</c> with the length the automatic
    /// warm-up took (<c>auto</c> alone while unknown).</summary>
    /// <param name="written">The plan's warm-up text (<see cref="WarmUp"/>).</param>
    /// <param name="autoSeconds">How long the automatic warm-up ran; null when unknown.</param>
    public static string WarmUpText(string written, double? autoSeconds) =>
        written == LoadReader.AutoWarmUpText && autoSeconds is { } seconds
            ? string.Create(CultureInfo.InvariantCulture, $"{LoadReader.AutoWarmUpText}, {seconds:0.0} s")
            : written;
}
