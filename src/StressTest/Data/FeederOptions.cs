// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace StressTest.Data;

/// <summary>How a <see cref="Feeder{T}"/> reads its source and what it does at the end of it.</summary>
public sealed class FeederOptions
{
    /// <summary>Seed of <see cref="FeedStrategy.Random"/>: the same seed gives each worker the same sequence (for a
    /// source larger than <see cref="WindowSize"/>, when the workers also take in the same order).</summary>
    /// <value>Default 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>What a <see cref="FeedStrategy.Unique"/> feeder does when every record has been used.</summary>
    /// <value>Default <see cref="FeedExhaustion.Fail"/>: a run that wanted more data than it had fails.</value>
    public FeedExhaustion WhenExhausted { get; init; } = FeedExhaustion.Fail;

    /// <summary>
    /// Records held in memory at a time. A source with fewer records is read once and kept whole; a larger one is
    /// streamed: one window in use, the next read ahead in the background, so a file of millions of rows costs two
    /// windows of memory. <see cref="FeedStrategy.Random"/> draws from the current window.
    /// </summary>
    /// <value>Default 65,536 records; from 1 to 16,777,216.</value>
    public int WindowSize { get; init; } = 65_536;

    /// <summary>The separator of CSV files.</summary>
    /// <value>Default <c>','</c>.</value>
    public char CsvSeparator { get; init; } = ',';

    /// <summary>How JSON files are read.</summary>
    /// <value>Default <see cref="JsonSerializerOptions.Web"/>: property names case-insensitive, camelCase.</value>
    public JsonSerializerOptions? Json { get; init; }

    internal static FeederOptions Default { get; } = new();

    internal FeederOptions Validated()
    {
        if (WindowSize is < 1 or > 16_777_216)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "FeederOptions.WindowSize must be from 1 to 16,777,216 records.");
        }

        if (!Enum.IsDefined(WhenExhausted))
        {
            throw new ArgumentOutOfRangeException(nameof(WhenExhausted), WhenExhausted, "FeederOptions.WhenExhausted must be Fail or StopRun.");
        }

        return this;
    }
}
