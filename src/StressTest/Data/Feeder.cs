// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data.Sources;

namespace StressTest.Data;

/// <summary>
/// Creates <see cref="Feeder{T}"/>s: test data from a CSV file, a JSON array file or any sequence, handed out to the
/// workers one record per take with a <see cref="FeedStrategy"/>. Create them in <c>[StressSetup]</c> and hand them
/// to the run with <see cref="StressSetupContext.Set{T}"/>; a stress test takes records with
/// <see cref="StressContext.Feed{T}"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed record CustomerRow(string Key, string Name, string City);
///
/// [StressSetup]
/// public static void Setup(StressSetupContext setup) =>
///     setup.Set(Feeder.FromCsv&lt;CustomerRow&gt;("Data/customers.csv", FeedStrategy.Circular));
///
/// [StressTest(Concurrency = 4)]
/// public static async Task ReadCustomer(StressContext ctx, CancellationToken ct)
/// {
///     var customer = ctx.Feed&lt;CustomerRow&gt;();
///     using var response = await ctx.Http.GetAsync($"customers/{customer.Key}", ct);
/// }
/// </code>
/// </example>
/// <remarks>
/// Sources are streamed (see <see cref="FeederOptions.WindowSize"/>), never loaded whole unless they are small.
/// Relative paths resolve against the test assembly's folder. The first window is read before the load starts,
/// so a missing file, a bad header or an empty source fails the setup with a message naming the file and line; a bad
/// row found later stops the load and fails the test with the same kind of message.
/// </remarks>
public static class Feeder
{
    /// <summary>
    /// Records from a CSV file with a header row. Each column fills the constructor parameter or settable property of
    /// <typeparamref name="T"/> of the same name (case-insensitive; <c>_</c>, <c>-</c> and spaces ignored, so
    /// <c>first_name</c> fills <c>FirstName</c>), converted with the invariant culture: strings, numbers, <c>bool</c>,
    /// <c>Guid</c>, dates and times, enums (by name), their nullable forms (an empty field is null) and any
    /// <c>ISpanParsable</c> type. Quoted fields may hold separators, quotes (doubled) and line breaks.
    /// </summary>
    /// <typeparam name="T">The record type: a record with a primary constructor, or a class with settable properties.</typeparam>
    /// <param name="path">The file; relative to the test assembly's folder.</param>
    /// <param name="strategy">Which record each take gets.</param>
    /// <param name="options">Seed, exhaustion policy, window size, separator; null for the defaults.</param>
    /// <returns>The feeder; hand it to the run with <see cref="StressSetupContext.Set{T}"/>.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (the message says where it was looked for).</exception>
    public static Feeder<T> FromCsv<T>(string path, FeedStrategy strategy, FeederOptions? options = null)
    {
        var validated = Validate(strategy, options);
        return new Feeder<T>(new CsvRecordSource<T>(DataFiles.Resolve(path, "CSV"), validated.CsvSeparator, CsvRecordBinder<T>.Create), strategy, validated);
    }

    /// <summary>Records from a CSV file with a header row, each a dictionary from column name (case-insensitive) to
    /// its text. See <see cref="FromCsv{T}(string, FeedStrategy, FeederOptions?)"/>.</summary>
    /// <param name="path">The file; relative to the test assembly's folder.</param>
    /// <param name="strategy">Which record each take gets.</param>
    /// <param name="options">Seed, exhaustion policy, window size, separator; null for the defaults.</param>
    /// <returns>The feeder; hand it to the run with <see cref="StressSetupContext.Set{T}"/>.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (the message says where it was looked for).</exception>
    public static Feeder<IReadOnlyDictionary<string, string>> FromCsv(string path, FeedStrategy strategy, FeederOptions? options = null)
    {
        var validated = Validate(strategy, options);
        return new Feeder<IReadOnlyDictionary<string, string>>(
            new CsvRecordSource<IReadOnlyDictionary<string, string>>(DataFiles.Resolve(path, "CSV"), validated.CsvSeparator, CsvDictionaryBinder.Create),
            strategy,
            validated);
    }

    /// <summary>Records from a file holding one JSON array, read element by element with System.Text.Json (never
    /// the whole file at once), with <see cref="FeederOptions.Json"/>.</summary>
    /// <typeparam name="T">The type of the array's elements.</typeparam>
    /// <param name="path">The file; relative to the test assembly's folder.</param>
    /// <param name="strategy">Which record each take gets.</param>
    /// <param name="options">Seed, exhaustion policy, window size, JSON options; null for the defaults.</param>
    /// <returns>The feeder; hand it to the run with <see cref="StressSetupContext.Set{T}"/>.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (the message says where it was looked for).</exception>
    public static Feeder<T> FromJson<T>(string path, FeedStrategy strategy, FeederOptions? options = null)
    {
        var validated = Validate(strategy, options);
        return new Feeder<T>(new JsonRecordSource<T>(DataFiles.Resolve(path, "JSON"), validated.Json ?? System.Text.Json.JsonSerializerOptions.Web), strategy, validated);
    }

    /// <summary>Records from a sequence: a list, an array, rows that setup inserted, a generator. It is enumerated
    /// as it is taken (again from the start for another pass), so it may be larger than memory.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="records">The records; enumerated from the start for each pass.</param>
    /// <param name="strategy">Which record each take gets.</param>
    /// <param name="options">Seed, exhaustion policy, window size; null for the defaults.</param>
    /// <returns>The feeder; hand it to the run with <see cref="StressSetupContext.Set{T}"/>.</returns>
    public static Feeder<T> From<T>(IEnumerable<T> records, FeedStrategy strategy, FeederOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new Feeder<T>(new AsyncEnumerableRecordSource<T>(records), strategy, Validate(strategy, options));
    }

    /// <summary>Records from an asynchronous sequence (a database query, a paged API), enumerated as they are taken
    /// and read ahead in the background; again from the start for another pass.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="records">The records; enumerated from the start for each pass.</param>
    /// <param name="strategy">Which record each take gets.</param>
    /// <param name="options">Seed, exhaustion policy, window size; null for the defaults.</param>
    /// <returns>The feeder; hand it to the run with <see cref="StressSetupContext.Set{T}"/>.</returns>
    public static Feeder<T> FromAsyncEnumerable<T>(IAsyncEnumerable<T> records, FeedStrategy strategy, FeederOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new Feeder<T>(new AsyncEnumerableRecordSource<T>(records), strategy, Validate(strategy, options));
    }

    private static FeederOptions Validate(FeedStrategy strategy, FeederOptions? options)
    {
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Expected Circular, Random, Unique or PerWorker.");
        }

        return (options ?? FeederOptions.Default).Validated();
    }
}
