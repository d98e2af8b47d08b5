// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Data;
using Npgsql;
using StressTest.Plan.Methods;
using StressTest.PostgreSql;

namespace StressTest.Tests.Probes;

/// <summary>
/// The PostgreSQL lock probe: its row mapping on a plain data table, and, when <c>STRESSTEST_POSTGRES</c> names a
/// database (CI sets it), a real lock wait seen by the probe. Inconclusive without one, so a machine without
/// PostgreSQL stays green.
/// </summary>
[TestClass]
public sealed class PostgresLockProbeTests
{
    public const string ConnectionVariable = "STRESSTEST_POSTGRES";

    [TestMethod]
    public async Task ReadAsync_Row_NamesTheValuesWithThePrefix()
    {
        using var table = new DataTable();
        table.Columns.Add("lock_waits", typeof(long));
        table.Columns.Add("locks_not_granted", typeof(long));
        table.Columns.Add("longest_lock_wait_ms", typeof(decimal));
        table.Rows.Add(3L, 4L, 1234.5m);
        using var reader = table.CreateDataReader();

        var values = await LockQuery.ReadAsync(reader, "shop", CancellationToken.None);

        Assert.AreEqual(3.0, values["shop_lock_waits"]);
        Assert.AreEqual(4.0, values["shop_locks_not_granted"]);
        Assert.AreEqual(1234.5, values["shop_longest_lock_wait_ms"]);
    }

    [TestMethod]
    public async Task ReadAsync_NullColumnOrNoRow_LeavesTheValuesOut()
    {
        using var table = new DataTable();
        table.Columns.Add("lock_waits", typeof(long));
        table.Columns.Add("locks_not_granted", typeof(long));
        table.Columns.Add("longest_lock_wait_ms", typeof(double));
        table.Rows.Add(0L, DBNull.Value, 0.0);
        using var reader = table.CreateDataReader();

        var values = await LockQuery.ReadAsync(reader, "db", CancellationToken.None);

        Assert.AreSequenceEqual(new[] { "db_lock_waits", "db_longest_lock_wait_ms" }, values.Keys.Order().ToArray());
        Assert.IsEmpty(await LockQuery.ReadAsync(reader, "db", CancellationToken.None));
    }

    [TestMethod]
    public async Task Probe_Metrics_AndSqlReadsOnlyStatisticsViews()
    {
        await using var probe = new PostgresLockProbe("Host=127.0.0.1;Database=shop;Username=shop", "db");

        Assert.AreSequenceEqual(new[] { "db_lock_waits", "db_locks_not_granted", "db_longest_lock_wait_ms" }, probe.Metrics.ToArray());
        var tables = System.Text.RegularExpressions.Regex.Matches(LockQuery.Sql, @"FROM\s+(\w+)\b(?!\()").Select(m => m.Groups[1].Value).Distinct().Order().ToArray();
        Assert.AreSequenceEqual(new[] { "pg_locks", "pg_stat_activity" }, tables);
        Assert.Contains("Prefix \"a b\" is invalid", Assert.ThrowsExactly<ArgumentException>(() => new PostgresLockProbe("Host=x", "a b")).Message);
    }

    [TestMethod]
    public async Task SampleAsync_RealServerWithABlockedUpdate_SeesTheLockWait()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Inconclusive($"{ConnectionVariable} is not set: no PostgreSQL to test the lock probe against (.ci/run starts one and sets it).");
        }

        var table = "stresstest_probe_" + Guid.NewGuid().ToString("N")[..8];
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand($"CREATE TABLE {table} (id int PRIMARY KEY, n int); INSERT INTO {table} VALUES (1, 0);"))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            await using var holder = await dataSource.OpenConnectionAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand($"UPDATE {table} SET n = n + 1 WHERE id = 1", holder, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            await using var waiter = await dataSource.OpenConnectionAsync();
            await using var blocked = new NpgsqlCommand($"UPDATE {table} SET n = n + 1 WHERE id = 1", waiter);
            var waiting = blocked.ExecuteNonQueryAsync();
            await using var probe = new PostgresLockProbe(connectionString);

            IReadOnlyDictionary<string, double> values = new Dictionary<string, double>();
            for (var attempt = 0; attempt < 50 && values.GetValueOrDefault("db_lock_waits") < 1; attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
                values = await probe.SampleAsync(CancellationToken.None);
            }

            await transaction.RollbackAsync();
            await waiting;

            Assert.IsGreaterThanOrEqualTo(1.0, values["db_lock_waits"]);
            Assert.IsGreaterThanOrEqualTo(1.0, values["db_locks_not_granted"]);
            Assert.IsGreaterThan(0.0, values["db_longest_lock_wait_ms"]);
        }
        finally
        {
            await using var drop = dataSource.CreateCommand($"DROP TABLE IF EXISTS {table}");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
