// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Npgsql;

namespace StressTest.PostgreSql;

/// <summary>
/// Samples PostgreSQL's lock waits once per second during the load: <c>{prefix}_lock_waits</c> (sessions of the
/// database waiting for a lock now), <c>{prefix}_locks_not_granted</c> (lock requests not granted) and
/// <c>{prefix}_longest_lock_wait_ms</c>. Threshold them as <c>[Threshold("probe:db_lock_waits max &lt; 5")]</c>.
/// </summary>
/// <remarks>
/// It reads only the statistics views <c>pg_stat_activity</c> and <c>pg_locks</c>, over a pool of its own (one
/// connection, kept open between samples), so it never takes a connection from the API's pool and locks nothing.
/// A waiting count is a sample of a moment: contention that comes and goes between two samples is missed, which is
/// why <c>max</c> over the run is the statistic to threshold.
/// </remarks>
public sealed class PostgresLockProbe : IStressProbe, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _prefix;

    /// <summary>A probe of the database <paramref name="connectionString"/> names.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=127.0.0.1;Database=shop;Username=…</c>).</param>
    /// <param name="prefix">Prefix of the value names: <c>db</c> gives <c>db_lock_waits</c>.</param>
    /// <exception cref="ArgumentException">The connection string or the prefix is not valid.</exception>
    public PostgresLockProbe(string connectionString, string prefix = "db")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            throw new ArgumentException($"Prefix \"{prefix}\" is invalid; use letters, digits, '_', '.' and '-', e.g. db.", nameof(prefix));
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Its own small pool, named so it shows as such in pg_stat_activity.
            MaxPoolSize = 1,
            ApplicationName = "StressTest lock probe",
        };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _prefix = prefix;
        Metrics = [.. LockQuery.Columns.Select(c => prefix + "_" + c)];
    }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Metrics { get; }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        var command = _dataSource.CreateCommand(LockQuery.Sql);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await LockQuery.ReadAsync(reader, _prefix, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
