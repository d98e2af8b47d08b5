// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using nietras.SeparatedValues;

namespace StressTest.Data.Sources;

/// <summary>
/// Binds CSV columns to a record type by name: the public constructor whose parameters all have columns (the one
/// with most parameters; a positional record's), then settable properties. Every column must fill something (a
/// typo in a header must not leave a property silently empty); properties without a column keep their defaults.
/// </summary>
/// <remarks>
/// The record is built by a compiled expression from an argument array the binder reuses for every row, so a row
/// costs its field values (strings, boxed numbers) and the record, nothing more. Compiled once per header layout
/// and cached, since every PerWorker pass opens a reader.
/// </remarks>
internal sealed class CsvRecordBinder<T> : ICsvBinder<T>
{
    private static readonly ConcurrentDictionary<string, Plan> Plans = new(StringComparer.Ordinal);

    private readonly string _path;
    private readonly Plan _plan;
    private readonly object?[] _arguments;

    private CsvRecordBinder(string path, Plan plan)
    {
        _path = path;
        _plan = plan;
        _arguments = new object?[plan.Columns.Length];
    }

    public static ICsvBinder<T> Create(string path, IReadOnlyList<string> header)
    {
        var key = string.Join('\u001f', header);
        var plan = Plans.GetOrAdd(key, static (_, source) => Plan.Build(source.path, source.header), (path, header));
        return new CsvRecordBinder<T>(path, plan);
    }

    public T Bind(SepReader.Row row)
    {
        var columns = _plan.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            var text = row[column.Index].Span;
            try
            {
                _arguments[i] = column.Parse(text);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                throw new InvalidDataException(
                    $"{_path} line {row.LineNumberFrom}, column \"{column.Name}\": \"{Shorten(text)}\" does not convert to {Describe(column.Type)} ({ex.Message})",
                    ex);
            }
        }

        return _plan.Create(_arguments);
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 80 ? text.ToString() : string.Concat(text[..77], "...");

    private static string Describe(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;

    /// <summary>Which column fills which argument, and the compiled constructor.</summary>
    private sealed record Plan(BoundColumn[] Columns, Func<object?[], T> Create)
    {
        public static Plan Build(string path, IReadOnlyList<string> header)
        {
            var type = typeof(T);
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                if (!byName.TryAdd(Normalize(header[i]), i))
                {
                    throw new InvalidDataException($"{path} line 1: the header names column \"{header[i]}\" twice (names compare case-insensitively, ignoring _, - and spaces).");
                }
            }

            var constructor = ChooseConstructor(path, header, byName);
            var parameters = constructor?.GetParameters() ?? [];
            var used = new HashSet<string>(parameters.Select(p => Normalize(p.Name!)), StringComparer.Ordinal);
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && !used.Contains(Normalize(p.Name)) && byName.ContainsKey(Normalize(p.Name)))
                .ToList();

            var bound = parameters.Select(p => (Name: p.Name!, p.ParameterType))
                .Concat(properties.Select(p => (p.Name, Type: p.PropertyType)))
                .ToList();
            var unmatched = byName.Keys.Except(bound.Select(b => Normalize(b.Name))).Select(k => header[byName[k]]).ToList();
            if (unmatched.Count > 0)
            {
                var members = string.Join(", ", parameters.Select(p => p.Name).Concat(type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name)).Distinct());
                throw new InvalidDataException($"{path} line 1: column(s) {string.Join(", ", unmatched.Select(u => $"\"{u}\""))} match no constructor parameter or settable property of {type.Name} ({members}).");
            }

            var columns = bound.Select(b => new BoundColumn(
                    byName[Normalize(b.Name)],
                    header[byName[Normalize(b.Name)]],
                    b.Item2,
                    SpanParsers.For(b.Item2) ?? throw new InvalidDataException($"{path}: {type.Name}.{b.Name} is a {b.Item2.Name}, which cannot be read from text; use a string, a number, bool, Guid, a date or time, an enum or an ISpanParsable type.")))
                .ToArray();
            return new Plan(columns, Compile(constructor, parameters, properties));
        }

        private static ConstructorInfo? ChooseConstructor(string path, IReadOnlyList<string> header, Dictionary<string, int> byName)
        {
            var constructors = typeof(T).GetConstructors(BindingFlags.Public | BindingFlags.Instance);
            var fitting = constructors
                .Where(c => c.GetParameters().All(p => p.Name is { } name && byName.ContainsKey(Normalize(name))))
                .OrderByDescending(c => c.GetParameters().Length)
                .FirstOrDefault();
            if (fitting is not null || typeof(T).IsValueType)
            {
                return fitting is { } f && (f.GetParameters().Length > 0 || !typeof(T).IsValueType) ? f : null;
            }

            var wanted = constructors.OrderBy(c => c.GetParameters().Length).FirstOrDefault();
            var missing = wanted is null
                ? "it has no public constructor"
                : "its constructor needs column(s) " + string.Join(", ", wanted.GetParameters().Where(p => !byName.ContainsKey(Normalize(p.Name!))).Select(p => $"\"{p.Name}\""));
            throw new InvalidDataException($"{path} line 1: the header ({string.Join(", ", header)}) cannot build a {typeof(T).Name}: {missing}.");
        }

        private static Func<object?[], T> Compile(ConstructorInfo? constructor, ParameterInfo[] parameters, List<PropertyInfo> properties)
        {
            var arguments = Expression.Parameter(typeof(object?[]), "arguments");
            Expression Argument(int index, Type type) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(index)), type);
            var created = constructor is null
                ? Expression.New(typeof(T))
                : Expression.New(constructor, parameters.Select((p, i) => Argument(i, p.ParameterType)));
            Expression body = properties.Count == 0
                ? created
                : Expression.MemberInit(created, properties.Select((p, i) => (MemberBinding)Expression.Bind(p, Argument(parameters.Length + i, p.PropertyType))));
            return Expression.Lambda<Func<object?[], T>>(body, arguments).Compile();
        }
    }

    /// <summary>Column names and member names compare as upper-case letters and digits only.</summary>
    internal static string Normalize(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    /// <summary>A column that fills one argument.</summary>
    private sealed record BoundColumn(int Index, string Name, Type Type, SpanParser Parse);
}
