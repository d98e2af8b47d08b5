// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports.Charts;

/// <summary>
/// Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps, from each bucket, the point that spans the largest
/// triangle with its neighbours, so spikes and dips survive where averaging would flatten them. Used only for
/// series longer than a chart can show (a 20-minute run has 1,200 seconds), to keep the HTML small.
/// </summary>
internal static class Downsampler
{
    public static IReadOnlyList<ChartPoint> Largest(IReadOnlyList<ChartPoint> points, int threshold)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (threshold < 3 || points.Count <= threshold)
        {
            return points;
        }

        var sampled = new List<ChartPoint>(threshold) { points[0] };
        var bucketSize = (double)(points.Count - 2) / (threshold - 2);
        var previous = 0;
        for (var bucket = 0; bucket < threshold - 2; bucket++)
        {
            // The average of the next bucket stands in for the point not chosen yet.
            var nextStart = (int)Math.Floor((bucket + 1) * bucketSize) + 1;
            var nextEnd = Math.Min((int)Math.Floor((bucket + 2) * bucketSize) + 1, points.Count);
            double averageX = 0, averageY = 0;
            for (var i = nextStart; i < nextEnd; i++)
            {
                averageX += points[i].X;
                averageY += points[i].Y;
            }

            var nextCount = Math.Max(1, nextEnd - nextStart);
            averageX /= nextCount;
            averageY /= nextCount;

            var start = (int)Math.Floor(bucket * bucketSize) + 1;
            var end = nextStart;
            var chosen = start;
            var largest = -1.0;
            var a = points[previous];
            for (var i = start; i < end; i++)
            {
                var area = Math.Abs(((a.X - averageX) * (points[i].Y - a.Y)) - ((a.X - points[i].X) * (averageY - a.Y)));
                if (area > largest)
                {
                    largest = area;
                    chosen = i;
                }
            }

            sampled.Add(points[chosen]);
            previous = chosen;
        }

        sampled.Add(points[^1]);
        return sampled;
    }
}
