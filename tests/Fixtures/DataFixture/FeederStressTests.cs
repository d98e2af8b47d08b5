// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;
using StressTest.Data;

namespace DataFixture;

/// <summary>A record of Data/rows.csv.</summary>
public sealed record Row(int Id, string Name);

/// <summary>A CSV feeder over a file copied to the output folder, named relative to it.</summary>
public sealed class CsvFeederStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.Set(Feeder.FromCsv<Row>("Data/rows.csv", FeedStrategy.Circular));

    [StressTest(Duration = "300ms")]
    public static void ReadsRows(StressContext ctx)
    {
        var row = ctx.Feed<Row>();
        if (row.Id is < 1 or > 3 || (row.Id == 1 && row.Name != "Smith, Alice"))
        {
            throw new InvalidOperationException($"unexpected row {row}");
        }
    }
}

/// <summary>The data file does not exist: setup fails naming it.</summary>
public sealed class MissingCsvStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.Set(Feeder.FromCsv<Row>("Data/missing.csv", FeedStrategy.Circular));

    [StressTest(Duration = "300ms")]
    public static void MissingCsv(StressContext ctx) => ctx.Feed<Row>();
}

/// <summary>A row that does not convert, found while streaming: the load stops and the test fails naming the line.</summary>
public sealed class BadRowStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) =>
        setup.Set(Feeder.FromCsv<Row>("Data/bad-row.csv", FeedStrategy.Circular, new FeederOptions { WindowSize = 2 }));

    [StressTest(Duration = "2s")]
    public static void BadCsvRow(StressContext ctx) => ctx.Feed<Row>();
}

/// <summary>A JSON file that is not an array: setup fails naming it.</summary>
public sealed class NotAnArrayStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.Set(Feeder.FromJson<Row>("Data/object.json", FeedStrategy.Circular));

    [StressTest(Duration = "300ms")]
    public static void JsonNotAnArray(StressContext ctx) => ctx.Feed<Row>();
}

/// <summary>A Unique feeder smaller than the run: by default the test fails saying so.</summary>
public sealed class UniqueFailsStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) => setup.Set(Feeder.From(Enumerable.Range(0, 20), FeedStrategy.Unique));

    [StressTest(Duration = "2s")]
    public static void UniqueExhaustedFails(StressContext ctx) => ctx.Feed<int>();
}

/// <summary>The same with WhenExhausted = StopRun: the data bounds the run, which passes with a note.</summary>
public sealed class UniqueStopsStressTests
{
    [StressSetup]
    public static void Setup(StressSetupContext setup) =>
        setup.Set(Feeder.From(Enumerable.Range(0, 20), FeedStrategy.Unique, new FeederOptions { WhenExhausted = FeedExhaustion.StopRun }));

    // No warm-up: every record is to be measured (a warm-up, the automatic one too, would use them up first).
    [StressTest(Duration = "30s", WarmUp = "0s")]
    public static void UniqueExhaustedStops(StressContext ctx) => ctx.Feed<int>();
}
