// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Settings;

/// <summary>What a relative threshold does when its test has no baseline yet.</summary>
internal enum NoBaselineOutcome
{
    /// <summary>The threshold passes and the result carries a warning (the first run of a new test must not fail).</summary>
    Warn,

    /// <summary>The threshold fails: for pipelines where a missing baseline means a misconfigured checkout.</summary>
    Fail,
}

/// <summary>
/// The settings of profiles and regression gates: which profile the run is (it chooses the tests that run and the
/// folder of their baselines), how its load is scaled, where baselines live and whether this run records them.
/// </summary>
internal sealed record GateSettings
{
    /// <summary>The name of the baselines' folder when no profile is set.</summary>
    public const string DefaultProfileFolder = "default";

    /// <summary>The default baseline folder, relative to the test project's directory.</summary>
    public const string DefaultBaselineDirectory = "stress-baselines";

    public static GateSettings Default { get; } = new();

    /// <summary>The run's profile (<c>smoke</c>, <c>nightly</c>…), lower-cased: tests marked with
    /// <c>[StressTest(Profiles = …)]</c> run only in the profiles they name, and baselines are kept per profile.</summary>
    /// <value>Letters, digits, '.', '-', '_'; case-insensitive; default none.</value>
    public string? Profile { get; init; }

    /// <summary>Multiplies Rate, Concurrency and Stages targets (0.5 for a lighter PR run).</summary>
    /// <value>A positive number; default 1.</value>
    public double RateScale { get; init; } = 1.0;

    /// <summary>Where baselines are read and written; a relative path is relative to the test project's directory.</summary>
    /// <value>Default <c>stress-baselines</c> next to the test project.</value>
    public string? BaselineDirectory { get; init; }

    /// <summary>Writes each passing test's results as its new baseline instead of failing on regressions.</summary>
    /// <value>Default false.</value>
    public bool UpdateBaselines { get; init; }

    /// <summary>What a relative threshold does without a baseline.</summary>
    /// <value>Default <see cref="NoBaselineOutcome.Warn"/>.</value>
    public NoBaselineOutcome NoBaseline { get; init; } = NoBaselineOutcome.Warn;

    /// <summary>The baselines' folder for this profile: the profile's name, or <c>default</c>.</summary>
    public string ProfileFolder => Profile ?? DefaultProfileFolder;
}
