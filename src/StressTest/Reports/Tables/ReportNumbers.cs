// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Reports.Tables;

/// <summary>How the HTML and Markdown reports print numbers: invariant culture, units spelled out, "n/a" for what
/// was not measured.</summary>
internal static class ReportNumbers
{
    public const string NotMeasured = "n/a";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] ByteUnits = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>Milliseconds, as the standard-output summary prints them.</summary>
    public static string Ms(double? ms) => ms is { } value ? Ms(value) : NotMeasured;

    /// <summary>Milliseconds as every text output shows them: three decimals below 10 ms, one above; NaN (nothing
    /// measured) as <see cref="NotMeasured"/>.</summary>
    public static string Ms(double ms) => double.IsNaN(ms) ? NotMeasured : ms.ToString(ms < 10 ? "0.###" : "0.#", Invariant);

    public static string Count(long count) => count.ToString("N0", Invariant);

    /// <summary>A fraction (0..1) as a percentage.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } value ? (value * 100).ToString("0.###", Invariant) + " %" : NotMeasured;

    public static string Rate(double perSecond) => perSecond.ToString("N1", Invariant);

    public static string Seconds(double seconds) => seconds.ToString("0.###", Invariant) + " s";

    /// <summary>Bytes in binary multiples (1 KB = 1,024 B), one decimal above a KB.</summary>
    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < ByteUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.0", Invariant) + " " + ByteUnits[unit];
    }
}
