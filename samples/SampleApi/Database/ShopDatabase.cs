// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SampleApi.Database;

/// <summary>
/// The shop's database: where it is, how connections are opened, and its schema. SQLite by default; PostgreSQL with
/// <c>Shop:Provider</c> = <c>PostgreSql</c> (<c>Shop__Provider</c> in the environment). The connection string is
/// <c>ConnectionStrings:Shop</c> (appsettings.json, or the <c>ConnectionStrings__Shop</c> environment variable); for
/// SQLite a relative <c>Data Source</c> is relative to the app's content root. Default: <c>App_Data/shop.db</c>.
/// </summary>
/// <remarks>
/// <para>SQLite: write-ahead logging lets readers go on while one connection writes. SQLite still has one writer at a
/// time, so the app queues its writes itself (<see cref="WriteAsync{T}"/>: one at a time, in order, waiting without
/// polling) instead of letting connections race for the file's lock: SQLite's busy handler polls with sleeps that
/// grow to 100 ms, which under load turns short waits into long tails. A connection that finds the lock taken anyway
/// waits up to <c>Shop:BusyTimeoutMs</c> (default 1,000 ms), and Microsoft.Data.Sqlite gives up after the
/// connection string's <c>Default Timeout</c> (1 s here) with <c>SqliteException</c> 5, "database is locked", which
/// the API answers with 503 (see <see cref="DatabaseBusyHandler"/>).</para>
/// <para>PostgreSQL (Npgsql): many writers at once, each row locked by the transaction that changes it, so writes are
/// not queued by the app; a transaction that wants a row another holds waits for it (a lock wait, which
/// <c>pg_stat_activity</c> shows and the stress tests' lock probe counts).</para>
/// <para>The stores' SQL is the same for both (parameters as <c>@name</c>, <c>INSERT … ON CONFLICT … RETURNING</c>);
/// only the schema and <see cref="ForUpdate"/> differ.</para>
/// </remarks>
public sealed class ShopDatabase : IAsyncDisposable
{
    public const string DefaultConnectionString = "Data Source=App_Data/shop.db;Default Timeout=1";

    private readonly string _connectionString;
    private readonly string _busyTimeout;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly NpgsqlDataSource? _postgres;

    public ShopDatabase(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var connectionString = configuration.GetConnectionString("Shop") ?? DefaultConnectionString;
        _busyTimeout = (configuration.GetValue<int?>("Shop:BusyTimeoutMs") ?? 1000).ToString(CultureInfo.InvariantCulture);
        if (string.Equals(configuration["Shop:Provider"], "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            IsPostgreSql = true;
            _postgres = NpgsqlDataSource.Create(connectionString);
            _connectionString = connectionString;
            var postgresBuilder = new NpgsqlConnectionStringBuilder(connectionString);
            DataSource = $"{postgresBuilder.Host}:{postgresBuilder.Port}/{postgresBuilder.Database}";
            using var postgres = Open();
            Execute(postgres, PostgreSqlSchema);
            return;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        using var connection = Open();
        Execute(connection, Schema);
    }

    /// <summary>The database in use: the SQLite file, or <c>host:port/database</c>.</summary>
    public string DataSource { get; }

    /// <summary>True in PostgreSQL mode.</summary>
    public bool IsPostgreSql { get; }

    /// <summary>The clause that makes a read take the row's write lock: <c> FOR UPDATE</c> in PostgreSQL; nothing in
    /// SQLite, whose transaction takes the whole database's lock at its first write.</summary>
    public string ForUpdate => IsPostgreSql ? " FOR UPDATE" : string.Empty;

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

    /// <summary>The same tables in PostgreSQL's types (64-bit ids and amounts, as SQLite's INTEGER is).</summary>
    private static string PostgreSqlSchema => """
        CREATE TABLE IF NOT EXISTS customers (
            id     bigint  GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            email  text    NOT NULL UNIQUE,
            name   text    NOT NULL,
            city   text    NOT NULL,
            points bigint  NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS orders (
            id               bigint  GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            customer_id      bigint,
            product_id       integer NOT NULL,
            quantity         integer NOT NULL,
            unit_price_cents bigint  NOT NULL,
            placed_at        text    NOT NULL,
            reference        text    UNIQUE);
        CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (customer_id);
        """;

    /// <summary>An open connection (pooled), SQLite's busy timeout set.</summary>
    public DbConnection Open()
    {
        if (_postgres is not null)
        {
            return _postgres.OpenConnection();
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = " + _busyTimeout);
        return connection;
    }

    /// <summary>Runs a write on its own connection: one write at a time in SQLite (see the remarks), as they come in
    /// PostgreSQL.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_postgres is not null)
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection);
        }

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
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        Execute(connection, "PRAGMA busy_timeout = " + _busyTimeout);
        return connection;
    }

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
