// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using System.Text;

namespace StressTest.Probes;

/// <summary>One sample line of the Prometheus text exposition format: <c>name{label="value",…} 42 [timestamp]</c>.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// Reads the Prometheus text exposition format (version 0.0.4, also what OpenMetrics text mostly is): comments and
/// <c># HELP</c>/<c># TYPE</c> lines are skipped, label values are unescaped (<c>\\</c>, <c>\"</c>, <c>\n</c>),
/// <c>NaN</c>/<c>+Inf</c>/<c>-Inf</c> are read, and a malformed line is skipped rather than failing the sample: an
/// exporter's odd line must not cost the values the test asked for.
/// </summary>
internal static class PrometheusText
{
    public static IEnumerable<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (TryParseLine(line, out var sample))
            {
                yield return sample;
            }
        }
    }

    public static bool TryParseLine(string line, out PrometheusSample sample)
    {
        ArgumentNullException.ThrowIfNull(line);
        sample = null!;
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        var name = line[..i];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i = ReadLabels(line, i + 1, labels);
            if (i < 0)
            {
                return false;
            }
        }

        var rest = line[i..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length == 0 || !TryParseValue(rest[0], out var value))
        {
            return false;
        }

        sample = new PrometheusSample(name, labels, value);
        return true;
    }

    /// <summary>Reads <c>a="x",b="y"}</c> from <paramref name="start"/>; the index after the brace, or -1.</summary>
    private static int ReadLabels(string line, int start, Dictionary<string, string> labels)
    {
        var i = start;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] is ' ' or ',')
            {
                i++;
            }

            if (i < line.Length && line[i] == '}')
            {
                return i + 1;
            }

            var nameStart = i;
            while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_'))
            {
                i++;
            }

            var label = line[nameStart..i];
            if (label.Length == 0 || i + 1 >= line.Length || line[i] != '=' || line[i + 1] != '"')
            {
                return -1;
            }

            i += 2;
            var value = new StringBuilder();
            for (; i < line.Length && line[i] != '"'; i++)
            {
                if (line[i] == '\\' && i + 1 < line.Length)
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }
            }

            if (i >= line.Length)
            {
                return -1;
            }

            labels[label] = value.ToString();
            i++;
        }

        return -1;
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
