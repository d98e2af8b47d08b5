// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using SampleApi.Database;

namespace SampleApi.Customers;

/// <summary>Customers, in the shop's SQLite database (<see cref="ShopDatabase"/>).</summary>
internal sealed class CustomerStore(ShopDatabase database, TimeProvider timeProvider)
{
    /// <summary>What the legacy points endpoint waits for between its read and its write: a call to the
    /// (imaginary) loyalty service that decides the bonus.</summary>
    private static readonly TimeSpan LoyaltyServiceLatency = TimeSpan.FromMilliseconds(2);

    /// <summary>Null when the email is taken.</summary>
    public Task<Customer?> AddAsync(CustomerRequest request, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO customers (email, name, city) VALUES (@email, @name, @city) ON CONFLICT (email) DO NOTHING RETURNING id";
                command.With("@email", request.Email);
                command.With("@name", request.Name);
                command.With("@city", request.City);
                return await command.ExecuteScalarAsync(cancellationToken) is long id ? new Customer(id, request.Email, request.Name, request.City, 0) : null;
            },
            cancellationToken);

    public Task<Customer?> FindAsync(long id, CancellationToken cancellationToken) => FindAsync("id = @key", id, cancellationToken);

    public Task<Customer?> FindByEmailAsync(string email, CancellationToken cancellationToken) => FindAsync("email = @key", email, cancellationToken);

    /// <summary>Adds points in one statement, queued with the app's other writes: no read to upgrade, no lock to race
    /// for. Null when there is no such customer.</summary>
    public Task<long?> AddPointsAsync(long id, int points, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "UPDATE customers SET points = points + @points WHERE id = @id RETURNING points";
                command.With("@points", points);
                command.With("@id", id);
                return (long?)await command.ExecuteScalarAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>
    /// The same, the way much legacy code does it, and kept here on purpose to show what a stress test catches: read
    /// the balance in a (deferred) transaction, ask another service, write the new balance. Two such transactions
    /// that overlap cannot both upgrade their read to a write: SQLite refuses the second writer (SQLITE_BUSY) without
    /// waiting, Microsoft.Data.Sqlite retries until its timeout, and the request fails with "database is locked".
    /// (It also loses updates.) It bypasses the app's write queue, as code written before it did. Under a single user
    /// it works perfectly. In PostgreSQL the read takes the row's lock (<c>FOR UPDATE</c>, the usual cure for the lost
    /// update): nothing fails, but overlapping requests for one customer queue on that lock for the whole call to the
    /// loyalty service: lock waits, which the PostgreSQL stress test's lock probe counts.
    /// </summary>
    public async Task<long?> AddPointsReadModifyWriteAsync(long id, int points, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long balance;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT points FROM customers WHERE id = @id" + database.ForUpdate;
            read.With("@id", id);
            if (await read.ExecuteScalarAsync(cancellationToken) is not long current)
            {
                return null;
            }

            balance = current;
        }

        await Task.Delay(LoyaltyServiceLatency, timeProvider, cancellationToken);
        await using (var write = connection.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = "UPDATE customers SET points = @points WHERE id = @id";
            write.With("@points", balance + points);
            write.With("@id", id);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return balance + points;
    }

    private async Task<Customer?> FindAsync(string where, object key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, name, city, points FROM customers WHERE " + where;
        command.With("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Customer(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4))
            : null;
    }
}
