// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace StressTest.Data.Sources;

/// <summary>
/// Records from a file holding one JSON array, deserialized element by element as they are read
/// (<see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/>):
/// the file is never in memory whole.
/// </summary>
internal sealed class JsonRecordSource<T>(string path, JsonSerializerOptions options) : RecordSource<T>
{
    public override string Description => path;

    public override RecordReader<T> Open(int stride, int offset)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            RequireArray(stream);
            return new Reader(path, stream, JsonSerializer.DeserializeAsyncEnumerable<T>(stream, options).GetAsyncEnumerator(), stride, offset);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The deserializer's own message for a top-level object is about IAsyncEnumerable; say what is wrong.</summary>
    private void RequireArray(FileStream stream)
    {
        Span<byte> start = stackalloc byte[4096];
        var read = stream.Read(start);
        var text = start[..read];
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var line = 1;
        var i = 0;
        for (; i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'; i++)
        {
            line += text[i] == (byte)'\n' ? 1 : 0;
        }

        stream.Position = 0;
        if (i == text.Length)
        {
            throw new InvalidDataException($"{path} line {line}: the file is empty; expected a JSON array of records ([{{...}}, {{...}}]).");
        }

        if (text[i] != (byte)'[')
        {
            throw new InvalidDataException($"{path} line {line}: the file is not a JSON array: it starts with '{(char)text[i]}'; expected a JSON array of records ([{{...}}, {{...}}]).");
        }
    }

    private sealed class Reader(string path, FileStream stream, IAsyncEnumerator<T?> elements, int stride, int offset) : RecordReader<T>
    {
        private long _index = -1;

        public override async ValueTask<int> ReadAsync(T[] buffer, CancellationToken cancellationToken)
        {
            var count = 0;
            try
            {
                while (count < buffer.Length && await elements.MoveNextAsync().ConfigureAwait(false))
                {
                    ++_index;
                    var element = elements.Current;
                    if (element is null)
                    {
                        throw new InvalidDataException($"{path}: element {_index} of the array is null; expected a record.");
                    }

                    if (_index % stride == offset)
                    {
                        buffer[count++] = element;
                    }
                }
            }
            catch (JsonException ex)
            {
                var line = ex.LineNumber is { } zeroBased ? $" line {zeroBased + 1}" : string.Empty;
                throw new InvalidDataException($"{path}{line}: an element of the array cannot be read as {typeof(T).Name}: {ex.Message}", ex);
            }

            return count;
        }

        public override async ValueTask DisposeAsync()
        {
            await elements.DisposeAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
