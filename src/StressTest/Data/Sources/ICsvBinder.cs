// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using nietras.SeparatedValues;

namespace StressTest.Data.Sources;

/// <summary>Turns one CSV row into a record. One per reader (it may reuse buffers), so one thread at a time.</summary>
internal interface ICsvBinder<out T>
{
    /// <summary>The record of <paramref name="row"/>; throws <see cref="InvalidDataException"/> naming the file, line and
    /// column of a field that does not convert.</summary>
    T Bind(SepReader.Row row);
}

/// <summary>Creates a binder for a file's header, or throws <see cref="InvalidDataException"/> naming the file and
/// what in the header does not fit the record type.</summary>
internal delegate ICsvBinder<T> CsvBinderFactory<out T>(string path, IReadOnlyList<string> header);
