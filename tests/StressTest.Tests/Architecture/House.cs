// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Tests.Architecture;

/// <summary>
/// The map of the engine's house: its rooms (first-level namespaces of <c>StressTest</c>, one folder each) in the
/// order data flows, and the arrows that may not be drawn between them. Read it as the rules; the checks are in
/// <see cref="RoomGraph"/> and <see cref="HouseRule"/>.
/// </summary>
internal static class House
{
    /// <summary>Every room, in the order data flows. The public API is the root namespace itself (<see cref="RoomGraph.Root"/>).</summary>
    public static readonly IReadOnlyList<string> Rooms =
    [
        "Errors",      // the error taxonomy and redaction: how any failure becomes text that may be shown
        "Data",        // public feeders (StressTest.Data) and what reads their records
        "Probes",      // public built-in probes (StressTest.Probes)
        "Load",        // stages, load shapes, arrival schedules, the load profile
        "Plan",        // discovery, settings, parsers, validation -> the immutable plan
        "Transport",   // plain messages between controller and agents, their encoding, the agent interface
        "Monitoring",  // generator health, the API's process, probes, OpenTelemetry
        "Workers",     // the in-process agent: executors, slots, recording, HTTP
        "Aggregation", // interval histograms merged into run measurements
        "Evaluation",  // the one verdict: thresholds, baselines, statistics
        "Reports",     // the report schema and its exporters
        "Controller",  // one run: setup, agents, aggregation, evaluation, teardown
        "Runner",      // the front door runners call: plan, gate, run, files
    ];

    /// <summary>The rules of the house.</summary>
    public static readonly IReadOnlyList<HouseRule> Rules =
    [
        HouseRule.NoCycles(),
        HouseRule.MayOnlyUse(RoomGraph.Root, [], "the public API depends on no room: the engine implements the interfaces declared beside it"),
        HouseRule.MayOnlyUse("Transport", ["Load"], "messages are plain, so a remote agent can carry them"),
        HouseRule.MayNotUse("Workers", ["Evaluation", "Reports", "Controller", "Runner"], "workers measure; they neither judge, render nor orchestrate"),
        HouseRule.MayNotUse("Reports", ["Controller", "Runner", "Workers"], "reports render a judged run; they do not run one"),
        HouseRule.MayNotUse("Evaluation", ["Reports"], "the verdict exists before any report"),
        HouseRule.MayNotUse("Controller", ["Workers"], "the controller reaches agents only through Transport"),
    ];

    /// <summary>Assemblies of test platforms the engine must never reference: runners call the engine, not the
    /// other way round, so one engine serves VSTest, Microsoft.Testing.Platform and the CLI.</summary>
    public static readonly IReadOnlyList<string> TestPlatformAssemblyPrefixes =
    [
        "Microsoft.VisualStudio.TestPlatform",
        "Microsoft.TestPlatform",
        "Microsoft.Testing.Platform",
        "Microsoft.Testing.Extensions",
        "Microsoft.VisualStudio.TestTools",
        "MSTest",
        "xunit",
        "nunit",
    ];
}
