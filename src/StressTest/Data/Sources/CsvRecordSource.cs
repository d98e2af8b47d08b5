// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using nietras.SeparatedValues;

namespace StressTest.Data.Sources;

/// <summary>
/// Records from a CSV file with a header row, parsed by Sep (quoted fields with separators, doubled quotes and line
/// breaks; a row's line number for messages), streamed: a reader holds Sep's buffer, never the file. Rows outside a
/// PerWorker partition are skipped without being converted.
/// </summary>
internal sealed class CsvRecordSource<T>(string path, char separator, CsvBinderFactory<T> binder) : RecordSource<T>
{
    public override string Description => path;

    public override RecordReader<T> Open(int stride, int offset)
    {
        var reader = Sep.New(separator).Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        try
        {
            var header = reader.Header.ColNames;
            if (header.Count == 0 || (header.Count == 1 && string.IsNullOrWhiteSpace(header[0])))
            {
                throw new InvalidDataException($"{path} line 1: expected a header row naming the columns, found {(reader.HasRows ? "an empty line" : "an empty file")}.");
            }

            return new Reader(reader, path, header.Count, binder(path, header), stride, offset);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private sealed class Reader(SepReader reader, string path, int columns, ICsvBinder<T> binder, int stride, int offset) : RecordReader<T>
    {
        private long _index = -1;

        public override ValueTask<int> ReadAsync(T[] buffer, CancellationToken cancellationToken)
        {
            var count = 0;
            while (count < buffer.Length && reader.MoveNext())
            {
                var row = reader.Current;
                if (row.ColCount != columns)
                {
                    if (row.ColCount == 1 && row.Span.IsWhiteSpace())
                    {
                        continue; // a blank line, typically the last one
                    }

                    throw new InvalidDataException(
                        $"{path} line {row.LineNumberFrom}: {row.ColCount} field(s), but the header has {columns}; a field holding the separator, a quote or a line break must be quoted (\"a, b\").");
                }

                if (++_index % stride == offset)
                {
                    buffer[count++] = binder.Bind(row);
                }
            }

            return ValueTask.FromResult(count);
        }

        public override ValueTask DisposeAsync()
        {
            reader.Dispose();
            return default;
        }
    }
}
