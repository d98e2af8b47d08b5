// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using HdrHistogram;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Latencies;

/// <summary>
/// Reads the buckets of an HdrHistogram file: a histogram log (<c>.hlog</c>, read by HdrHistogram's own
/// <see cref="HistogramLogReader"/>, its histograms added up) or a percentile distribution (<c>.hgrm</c>, the text
/// <c>OutputPercentileDistribution</c> writes, plain or CSV). By extension first; a file with another extension is
/// tried as both.
/// </summary>
internal static class HistogramFile
{
    private const string Expected = "expected an HdrHistogram percentile distribution (.hgrm: rows of value, percentile, total count) or histogram log (.hlog)";

    /// <summary>The buckets and the ticks a value of 1 means by default (.hgrm: 1 ms, as this tool writes it;
    /// .hlog: 1 µs, as this tool records).</summary>
    public static (IReadOnlyList<LatencyBucket> Buckets, double TicksPerUnit) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The latency histogram file \"{path}\" does not exist.", path);
        }

        var extension = Path.GetExtension(path);
        var isLog = extension.Equals(".hlog", StringComparison.OrdinalIgnoreCase);
        var isDistribution = extension.Equals(".hgrm", StringComparison.OrdinalIgnoreCase);
        if (!isLog && TryReadDistribution(path, out var rows))
        {
            return (rows, TimeSpan.TicksPerMillisecond);
        }

        if (!isDistribution && TryReadLog(path, out var buckets))
        {
            return (buckets, TimeSpan.TicksPerMicrosecond);
        }

        throw new MockDefinitionException("file", $"\"{Check.Shorten(Path.GetFileName(path))}\" is not an HdrHistogram file; {Expected}");
    }

    /// <summary>Row i holds the values above row i−1's value up to its own: total count minus the previous total.</summary>
    private static bool TryReadDistribution(string path, out IReadOnlyList<LatencyBucket> buckets)
    {
        var result = new List<LatencyBucket>();
        buckets = result;
        double previousValue = 0;
        long previousTotal = 0;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("Value", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3
                || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile)
                || !long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
                || value < previousValue || total < previousTotal || percentile is < 0 or > 1 || !double.IsFinite(value))
            {
                return false;
            }

            var low = result.Count == 0 ? value : previousValue;
            result.Add(new LatencyBucket(low, value, total - previousTotal));
            previousValue = value;
            previousTotal = total;
        }

        return result.Count > 0;
    }

    private static bool TryReadLog(string path, out IReadOnlyList<LatencyBucket> buckets)
    {
        buckets = [];
        HistogramBase? sum = null;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new HistogramLogReader(stream);
            foreach (var histogram in reader.ReadHistograms())
            {
                if (sum is null)
                {
                    sum = histogram.Copy();
                }
                else
                {
                    sum.Add(histogram);
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotSupportedException or IOException or OverflowException)
        {
            return false;   // not a log HdrHistogram can read
        }

        if (sum is null)
        {
            return false;
        }

        var histogramSum = sum;
        buckets = histogramSum.RecordedValues()
            .Select(v => new LatencyBucket(
                histogramSum.LowestEquivalentValue(v.ValueIteratedTo),
                histogramSum.HighestEquivalentValue(v.ValueIteratedTo) + 1,
                v.CountAtValueIteratedTo))
            .ToList();
        return true;
    }
}
