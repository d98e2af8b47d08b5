// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Plan.Rules;

/// <summary>
/// The names of <c>[StressTest]</c>'s named arguments, as attribute data (reflection or Roslyn) spells them.
/// </summary>
/// <remarks>
/// Constants rather than <c>nameof(StressTestAttribute.Duration)</c>: the analyzer compiles these rules without the
/// attribute. A test (ArgumentNamesTests) holds them to the attribute's properties, and the enum tables to the
/// public enums, so a renamed or added property cannot slip past either side.
/// </remarks>
internal static class ArgumentNames
{
    public const string Duration = "Duration";
    public const string WarmUp = "WarmUp";
    public const string Concurrency = "Concurrency";
    public const string Rate = "Rate";
    public const string MaxConcurrency = "MaxConcurrency";
    public const string Arrivals = "Arrivals";
    public const string Pacing = "Pacing";
    public const string Stages = "Stages";
    public const string Model = "Model";
    public const string Timeout = "Timeout";
    public const string AcceptStatus = "AcceptStatus";
    public const string Category = "Category";
    public const string Profiles = "Profiles";
    public const string DisplayName = "DisplayName";

    /// <summary>The <c>[Threshold]</c> named argument naming a step.</summary>
    public const string Step = "Step";

    /// <summary><c>LoadModel</c>'s members by value (Closed = 0, Open = 1): attribute data carries enums as numbers.</summary>
    public static readonly IReadOnlyList<string> LoadModels = ["Closed", "Open"];

    /// <summary><c>Arrivals</c>' members by value (Uniform = 0, Poisson = 1).</summary>
    public static readonly IReadOnlyList<string> ArrivalPatterns = ["Uniform", "Poisson"];

    /// <summary>Every named argument <c>[StressTest]</c> has.</summary>
    public static readonly IReadOnlyList<string> All =
        [Duration, WarmUp, Concurrency, Rate, MaxConcurrency, Arrivals, Pacing, Stages, Model, Timeout, AcceptStatus, Category, Profiles, DisplayName];
}
