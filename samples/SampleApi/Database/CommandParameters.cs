// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Data.Common;

namespace SampleApi.Database;

/// <summary>Parameters through ADO.NET's common types, so one statement serves SQLite and PostgreSQL.</summary>
internal static class CommandParameters
{
    /// <summary>Adds <c>@name</c> with <paramref name="value"/> (null: SQL NULL).</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
