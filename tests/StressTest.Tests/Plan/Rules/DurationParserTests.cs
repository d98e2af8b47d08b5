// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Rules;

namespace StressTest.Tests.Plan.Rules;

/// <summary>Parsing and formatting of the durations users write in attributes.</summary>
[TestClass]
public sealed class DurationParserTests
{
    /// <summary>Every accepted form yields the exact number of ticks.</summary>
    [TestMethod]
    [DataRow("0s", 0L)]
    [DataRow("10s", 100_000_000L)]
    [DataRow("10 s", 100_000_000L)]
    [DataRow(" 10s ", 100_000_000L)]
    [DataRow("500ms", 5_000_000L)]
    [DataRow("250us", 2_500L)]
    [DataRow("250µs", 2_500L)]
    [DataRow("250\u03bcs", 2_500L)]
    [DataRow("0.5s", 5_000_000L)]
    [DataRow("1.5m", 900_000_000L)]
    [DataRow("2h", 72_000_000_000L)]
    [DataRow("1m30s", 900_000_000L)]
    [DataRow("1h 30m", 54_000_000_000L)]
    [DataRow("2s500ms", 25_000_000L)]
    [DataRow("1h2m3s4ms5us", 37_230_040_050L)]
    [DataRow("10S", 100_000_000L)]
    [DataRow("1M", 600_000_000L)]
    [DataRow("3MS", 30_000L)]
    [DataRow("007s", 70_000_000L)]
    [DataRow("1 m 30 s", 900_000_000L)]
    [DataRow("720h", 25_920_000_000_000L)]
    [DataRow("0.25us", 3L)]
    [DataRow("0.00001us", 0L)]
    public void Parse_ValidText_ReturnsExactDuration(string text, long expectedTicks)
    {
        var result = DurationParser.Parse(text);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(TimeSpan.FromTicks(expectedTicks), result.Value);
    }

    /// <summary>Every rejected form quotes the input, names the problem and says what was expected.</summary>
    [TestMethod]
    [DataRow("", "is empty")]
    [DataRow("   ", "is empty")]
    [DataRow("10", "has no unit after \"10\"")]
    [DataRow("1h30", "has no unit after \"30\"")]
    [DataRow("10 parsecs", "unknown unit \"parsecs\"")]
    [DataRow("10d", "unknown unit \"d\"")]
    [DataRow("ms", "no number before \"ms\"")]
    [DataRow("-1s", "is negative")]
    [DataRow("1..5s", "malformed number \"1..5\"")]
    [DataRow("1.s", "malformed number \"1.\"")]
    [DataRow(".5s", "malformed number \".5\"")]
    [DataRow("1e3ms", "exponent in \"1e3\"")]
    [DataRow("1s1m", "has \"m\" after \"s\"")]
    [DataRow("1s1s", "repeats the unit \"s\"")]
    [DataRow("500ms2s", "has \"s\" after \"ms\"")]
    [DataRow("10s!", "unexpected text \"!\"")]
    [DataRow("1,5s", "unexpected text \",5s\"")]
    [DataRow("+1s", "unexpected text \"+1s\"")]
    [DataRow("31d", "unknown unit \"d\"")]
    [DataRow("721h", "too long; expected at most \"720h\"")]
    [DataRow("720h1s", "too long; expected at most \"720h\"")]
    [DataRow("99999999999999999999999999999999999999s", "too long; expected at most \"720h\"")]
    public void Parse_InvalidText_NamesInputAndProblem(string text, string fragment)
    {
        var result = DurationParser.Parse(text);

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains($"\"{text}\"", result.Error);
        Assert.Contains(fragment, result.Error);
        Assert.Contains("expected", result.Error);
    }

    /// <summary>The full wording of the most common mistake.</summary>
    [TestMethod]
    public void Parse_UnknownUnit_ExplainsWhatIsExpected()
    {
        var result = DurationParser.Parse("10 parsecs");

        Assert.AreEqual(
            "\"10 parsecs\" has an unknown unit \"parsecs\"; expected a number followed by us, ms, s, m or h (e.g. \"30s\", \"500ms\", \"1.5m\")",
            result.Error);
    }

    /// <summary>Null has no text to quote but still explains what was expected.</summary>
    [TestMethod]
    public void Parse_Null_ReportsMissingDuration()
    {
        var result = DurationParser.Parse(null);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith("null is not a duration; expected a number followed by us, ms, s, m or h", result.Error);
    }

    /// <summary>Reports show durations in the shortest form the parser accepts.</summary>
    [TestMethod]
    [DataRow(0L, "0s")]
    [DataRow(15_000_000L, "1.5s")]
    [DataRow(900_000_000L, "1m30s")]
    [DataRow(2_500L, "250us")]
    [DataRow(5_000_000L, "500ms")]
    [DataRow(15_000L, "1.5ms")]
    [DataRow(1L, "0.1us")]
    [DataRow(36_000_000_000L, "1h")]
    [DataRow(36_050_000_000L, "1h5s")]
    [DataRow(54_000_000_000L, "1h30m")]
    [DataRow(905_000_000L, "1m30.5s")]
    [DataRow(25_920_000_000_000L, "720h")]
    [DataRow(-15_000_000L, "-1.5s")]
    public void Format_Duration_RendersCompactly(long ticks, string expected)
    {
        Assert.AreEqual(expected, DurationParser.Format(TimeSpan.FromTicks(ticks)));
    }

    /// <summary>Whatever Format writes, Parse reads back to the same tick.</summary>
    [TestMethod]
    [DataRow(0L)]
    [DataRow(1L)]
    [DataRow(12_345L)]
    [DataRow(15_000_000L)]
    [DataRow(900_000_000L)]
    [DataRow(905_000_001L)]
    [DataRow(37_230_040_050L)]
    [DataRow(54_000_000_000L)]
    [DataRow(25_919_999_999_999L)]
    [DataRow(25_920_000_000_000L)]
    public void Format_ThenParse_RoundTrips(long ticks)
    {
        var value = TimeSpan.FromTicks(ticks);

        var result = DurationParser.Parse(DurationParser.Format(value));

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(value, result.Value);
    }

    /// <summary>Canonical text survives a parse and format unchanged.</summary>
    [TestMethod]
    [DataRow("1m30s")]
    [DataRow("1.5s")]
    [DataRow("250us")]
    [DataRow("2h15m")]
    public void Parse_ThenFormat_RoundTrips(string text)
    {
        var result = DurationParser.Parse(text);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(text, DurationParser.Format(result.Value));
    }
}
