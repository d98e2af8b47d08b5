// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StressTest.Plan.Rules;

namespace StressTest.Analyzers;

/// <summary>
/// The diagnostics, STRESS1xx, one per kind of problem the shared rules report (<see cref="ProblemKind"/>) plus
/// STRESS112 for an <c>HttpClient</c> created inside a stress test. Each is documented with an example in
/// docs/analyzer.md (the repository has no public address yet, so no help link). The message is the runtime's own,
/// so the squiggle and the failed test say the same.
/// </summary>
internal static class Descriptors
{
    public const string Category = "StressTest";

    public static readonly DiagnosticDescriptor Duration = Error("STRESS101", "Invalid duration", "Duration, WarmUp, Timeout and Pacing are a number and a unit (us, ms, s, m, h), such as \"30s\" or \"1m30s\", greater than zero (WarmUp may be zero) and at most 24h.");

    public static readonly DiagnosticDescriptor Stages = Error("STRESS102", "Invalid stages", "Stages are comma-separated <duration>:<target> pairs such as \"30s:100, 1m:100, 10s:0\"; in the closed model the targets are whole numbers of workers.");

    public static readonly DiagnosticDescriptor Number = Error("STRESS103", "Value out of range", "Rate, Concurrency and MaxConcurrency have bounds; Model and Arrivals must be members of their enums.");

    public static readonly DiagnosticDescriptor Combination = Error("STRESS104", "Properties that exclude each other", "Some [StressTest] properties exclude each other (Rate and Concurrency, Stages and Duration…) or apply to one load model only.");

    public static readonly DiagnosticDescriptor Threshold = Error("STRESS105", "Invalid threshold", "A threshold is <metric> <operator> <value>[unit], such as \"p95 < 150ms\" or \"p95 < baseline + 10%\"; an unknown metric, operator or unit would make it a threshold that cannot fail.");

    public static readonly DiagnosticDescriptor AcceptStatus = Error("STRESS106", "Invalid AcceptStatus", "AcceptStatus lists status codes, ranges and classes within 100-599, such as \"2xx, 404\".");

    public static readonly DiagnosticDescriptor Profiles = Error("STRESS107", "Invalid Profiles", "Profiles lists profile names of letters, digits, '.', '-' and '_', separated by commas.");

    public static readonly DiagnosticDescriptor Method = Error("STRESS108", "Unsupported stress-test method", "A stress-test method is public, not generic, not overloaded, returns void, Task or ValueTask and takes (), (StressContext), (CancellationToken) or (StressContext, CancellationToken).");

    public static readonly DiagnosticDescriptor AsyncVoid = Error("STRESS109", "async void stress-test or lifecycle method", "Nothing can await an async void method: its time would not be measured and an exception in it would crash the test host. Return Task.");

    public static readonly DiagnosticDescriptor TestClass = Error("STRESS110", "Test class the engine cannot instantiate", "A stress test's class is public and not an open generic type; when each worker needs an instance (an instance method, a worker setup or teardown), it has a public parameterless constructor.");

    public static readonly DiagnosticDescriptor Lifecycle = Error("STRESS111", "Unsupported lifecycle method", "[StressSetup] and [StressTeardown] are public static; [StressWorkerSetup] and [StressWorkerTeardown] are public instance methods; at most one of each per class.");

    public static readonly DiagnosticDescriptor HttpClient = new(
        "STRESS112",
        "HttpClient created inside a stress test",
        "'new HttpClient()' inside stress test {0} is neither measured per endpoint nor held to the host guard, and a client per invocation exhausts sockets; use ctx.Http (StressContext.Http)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "ctx.Http is the run's pooled client: every request is measured per endpoint, AcceptStatus applies, and the host guard keeps the load on the hosts the test allows.");

    /// <summary>Every descriptor of the rules, by the kind of problem it reports.</summary>
    public static readonly ImmutableDictionary<ProblemKind, DiagnosticDescriptor> ByKind = new Dictionary<ProblemKind, DiagnosticDescriptor>
    {
        [ProblemKind.Duration] = Duration,
        [ProblemKind.Stages] = Stages,
        [ProblemKind.Number] = Number,
        [ProblemKind.Combination] = Combination,
        [ProblemKind.Threshold] = Threshold,
        [ProblemKind.AcceptStatus] = AcceptStatus,
        [ProblemKind.Profiles] = Profiles,
        [ProblemKind.Method] = Method,
        [ProblemKind.AsyncVoid] = AsyncVoid,
        [ProblemKind.TestClass] = TestClass,
        [ProblemKind.Lifecycle] = Lifecycle,
    }.ToImmutableDictionary();

    /// <summary>An error: the runtime would fail the test for it. The message is the runtime's (<c>{0}</c>).</summary>
    private static DiagnosticDescriptor Error(string id, string title, string description) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: description);
}
