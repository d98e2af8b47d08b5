// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Data.Common;

namespace StressTest.PostgreSql;

/// <summary>
/// The one query the lock probe runs each second, and how its row becomes probe values. Only the statistics views
/// (<c>pg_stat_activity</c>, <c>pg_locks</c>), which any role may read for its own database: no table of the
/// application is touched, and nothing is locked by looking.
/// </summary>
internal static class LockQuery
{
    /// <summary>Sessions of this database waiting for a lock now; lock requests not granted (all databases: a lock
    /// on a shared catalog counts too); how long the longest current lock wait has lasted, ms (from the waiting
    /// statement's last state change, which is when its wait began for a statement that waits at once).</summary>
    public const string Sql = """
        SELECT
          (SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()) AS lock_waits,
          (SELECT count(*) FROM pg_locks WHERE NOT granted) AS locks_not_granted,
          (SELECT coalesce(max(extract(epoch FROM clock_timestamp() - state_change)) * 1000, 0)
             FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()) AS longest_lock_wait_ms
        """;

    /// <summary>The suffixes of the values, in the query's column order.</summary>
    public static readonly string[] Columns = ["lock_waits", "locks_not_granted", "longest_lock_wait_ms"];

    /// <summary>The probe values of the query's row, named <c>{prefix}_{column}</c>; empty without a row.</summary>
    public static async Task<IReadOnlyDictionary<string, double>> ReadAsync(DbDataReader reader, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return values;
        }

        foreach (var column in Columns)
        {
            var ordinal = reader.GetOrdinal(column);
            if (!await reader.IsDBNullAsync(ordinal, cancellationToken).ConfigureAwait(false))
            {
                values[prefix + "_" + column] = Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return values;
    }
}
