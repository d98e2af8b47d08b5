// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using nietras.SeparatedValues;

namespace StressTest.Data.Sources;

/// <summary>Each row as a dictionary from column name (case-insensitive) to its text.</summary>
internal sealed class CsvDictionaryBinder : ICsvBinder<IReadOnlyDictionary<string, string>>
{
    private readonly string[] _header;

    private CsvDictionaryBinder(string[] header) => _header = header;

    public static ICsvBinder<IReadOnlyDictionary<string, string>> Create(string path, IReadOnlyList<string> header)
    {
        var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new CsvDictionaryBinder([.. header])
            : throw new InvalidDataException($"{path} line 1: the header names column \"{duplicate.Key}\" twice.");
    }

    public IReadOnlyDictionary<string, string> Bind(SepReader.Row row)
    {
        var record = new Dictionary<string, string>(_header.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _header.Length; i++)
        {
            record[_header[i]] = row[i].ToString();
        }

        return record;
    }
}
