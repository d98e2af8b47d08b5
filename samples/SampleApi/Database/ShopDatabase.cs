// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SampleApi.Database;

/// <summary>
/// The shop's SQLite database: where it is, how connections are opened, and its schema. The connection string is
/// <c>ConnectionStrings:Shop</c> (appsettings.json, or the <c>ConnectionStrings__Shop</c> environment variable); a
/// relative <c>Data Source</c> is relative to the app's content root. Default: <c>App_Data/shop.db</c>.
/// </summary>
/// <remarks>
/// <para>Write-ahead logging lets readers go on while one connection writes. SQLite still has one writer at a time,
/// so the app queues its writes itself (<see cref="WriteAsync{T}"/>: one at a time, in order, waiting without
/// polling) instead of letting connections race for the file's lock: SQLite's busy handler polls with sleeps that
/// grow to 100 ms, which under load turns short waits into long tails. A connection that finds the lock taken anyway
/// waits up to <c>Shop:BusyTimeoutMs</c> (default 1,000 ms), and Microsoft.Data.Sqlite gives up after the
/// connection string's <c>Default Timeout</c> (1 s here) with <c>SqliteException</c> 5, "database is locked", which
/// the API answers with 503 (see <see cref="DatabaseBusyHandler"/>).</para>
/// <para>Pointing it elsewhere: another SQLite file with the connection string. Another database engine: replace the
/// <see cref="ShopDatabase"/> registration and the SQL of the two stores (about a dozen statements of standard SQL).</para>
/// </remarks>
public sealed class ShopDatabase
{
    public const string DefaultConnectionString = "Data Source=App_Data/shop.db;Default Timeout=1";

    private readonly string _connectionString;
    private readonly string _busyTimeout;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public ShopDatabase(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Shop") ?? DefaultConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        _busyTimeout = (configuration.GetValue<int?>("Shop:BusyTimeoutMs") ?? 1000).ToString(CultureInfo.InvariantCulture);
        using var connection = Open();
        Execute(connection, Schema);
    }

    /// <summary>The database file in use.</summary>
    public string DataSource { get; }

    private static string Schema => """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS customers (
            id     INTEGER PRIMARY KEY,
            email  TEXT    NOT NULL UNIQUE,
            name   TEXT    NOT NULL,
            city   TEXT    NOT NULL,
            points INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS orders (
            id               INTEGER PRIMARY KEY,
            customer_id      INTEGER,
            product_id       INTEGER NOT NULL,
            quantity         INTEGER NOT NULL,
            unit_price_cents INTEGER NOT NULL,
            placed_at        TEXT    NOT NULL,
            reference        TEXT    UNIQUE);
        CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (customer_id);
        """;

    /// <summary>An open connection (pooled by Microsoft.Data.Sqlite), its busy timeout set.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = " + _busyTimeout);
        return connection;
    }

    /// <summary>Runs a write on its own connection, one write at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc cref="Open"/>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        Execute(connection, "PRAGMA busy_timeout = " + _busyTimeout);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
