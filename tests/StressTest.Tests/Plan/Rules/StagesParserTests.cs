// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;
using StressTest.Load;
using StressTest.Plan.Methods;
using StressTest.Plan.Rules;

namespace StressTest.Tests.Plan.Rules;

/// <summary>Parsing of the ramping profiles users write as comma-separated <c>duration:target</c> stages.</summary>
[TestClass]
public sealed class StagesParserTests
{
    /// <summary>Every accepted form yields exactly the stages written, in order.</summary>
    [TestMethod]
    [DataRow("30s:100, 1m:100, 10s:0", new[] { 300_000_000L, 600_000_000L, 100_000_000L }, new[] { 100.0, 100.0, 0.0 })]
    [DataRow("1s:1000", new[] { 10_000_000L }, new[] { 1000.0 })]
    [DataRow("10s:100", new[] { 100_000_000L }, new[] { 100.0 })]
    [DataRow("  30s : 100 ,1m:100  ", new[] { 300_000_000L, 600_000_000L }, new[] { 100.0, 100.0 })]
    [DataRow("30s:100,\t1m:50", new[] { 300_000_000L, 600_000_000L }, new[] { 100.0, 50.0 })]
    [DataRow("1m30s:50", new[] { 900_000_000L }, new[] { 50.0 })]
    [DataRow("1h 30m:10", new[] { 54_000_000_000L }, new[] { 10.0 })]
    [DataRow("1.5m:2.5", new[] { 900_000_000L }, new[] { 2.5 })]
    [DataRow("500ms:0", new[] { 5_000_000L }, new[] { 0.0 })]
    [DataRow("250us:0.001", new[] { 2_500L }, new[] { 0.001 })]
    [DataRow("007s:007", new[] { 70_000_000L }, new[] { 7.0 })]
    [DataRow("10S:1,1M:2", new[] { 100_000_000L, 600_000_000L }, new[] { 1.0, 2.0 })]
    [DataRow("24h:1", new[] { 864_000_000_000L }, new[] { 1.0 })]
    [DataRow("12h:1, 12h:2", new[] { 432_000_000_000L, 432_000_000_000L }, new[] { 1.0, 2.0 })]
    [DataRow("1s:100,1s:100,1s:100", new[] { 10_000_000L, 10_000_000L, 10_000_000L }, new[] { 100.0, 100.0, 100.0 })]
    [DataRow("2s500ms:12345.678", new[] { 25_000_000L }, new[] { 12345.678 })]
    public void Parse_ValidText_ReturnsExactStages(string text, long[] expectedTicks, double[] expectedTargets)
    {
        var result = StagesParser.Parse(text);

        Assert.IsTrue(result.IsSuccess, result.Error);
        var expected = expectedTicks.Zip(expectedTargets, (ticks, target) => new Stage(TimeSpan.FromTicks(ticks), target));
        CollectionAssert.AreEqual(expected.ToArray(), result.Value.ToArray());
    }

    /// <summary>Every rejected form quotes the whole text, names the problem and says what was expected.</summary>
    [TestMethod]
    [DataRow("", "is empty; expected comma-separated <duration>:<target> stages")]
    [DataRow("   ", "is empty; expected comma-separated <duration>:<target> stages")]
    [DataRow("30s 100", "stage 1 \"30s 100\" has no ':' between duration and target")]
    [DataRow("30s:100, 1m", "stage 2 \"1m\" has no ':' between duration and target")]
    [DataRow("30s:-5", "stage 1 \"30s:-5\" has a negative target \"-5\"")]
    [DataRow("30s:+5", "stage 1 \"30s:+5\" has a signed target \"+5\"")]
    [DataRow("0s:10", "stage 1 \"0s:10\" has a zero duration \"0s\"; expected a duration greater than zero")]
    [DataRow("10s:5, 0.00001us:5", "stage 2 \"0.00001us:5\" has a zero duration")]
    [DataRow("30s:100,", "stage 2 is empty (nothing after the last comma)")]
    [DataRow(",30s:100", "stage 1 is empty (nothing before the first comma)")]
    [DataRow("30s:100,,10s:0", "stage 2 is empty (nothing between two commas)")]
    [DataRow("30s:100, ,10s:0", "stage 2 is empty (nothing between two commas)")]
    [DataRow("30parsecs:100", "stage 1 \"30parsecs:100\" has an invalid duration: \"30parsecs\" has an unknown unit \"parsecs\"")]
    [DataRow("-1s:10", "stage 1 \"-1s:10\" has an invalid duration: \"-1s\" is negative")]
    [DataRow("30:10", "has an invalid duration: \"30\" has no unit after \"30\"")]
    [DataRow("30s:", "stage 1 \"30s:\" has no target after ':'")]
    [DataRow(":100", "stage 1 \":100\" has no duration before ':'")]
    [DataRow(" : ", "stage 1 \":\" has no duration before ':'")]
    [DataRow("30s:1e3", "stage 1 \"30s:1e3\" has an exponent in the target \"1e3\"; expected a plain decimal number")]
    [DataRow("30s:abc", "stage 1 \"30s:abc\" has a target \"abc\" that is not a number")]
    [DataRow("30s:1 00", "has a target \"1 00\" that is not a number")]
    [DataRow("30s:1.", "has a malformed target \"1.\"")]
    [DataRow("30s:.5", "has a malformed target \".5\"")]
    [DataRow("30s:10:20", "stage 1 \"30s:10:20\" has more than one ':'")]
    [DataRow("30s:100;1m:100", "has more than one ':'")]
    [DataRow("12h:1, 12h:1, 1s:1", "lasts 24h1s in total; expected at most 24h across all stages")]
    [DataRow("25h:1", "lasts 25h in total; expected at most 24h")]
    public void Parse_InvalidText_QuotesTextAndNamesProblem(string text, string fragment)
    {
        var result = StagesParser.Parse(text);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"\"{text}\"", result.Error);
        Assert.Contains(fragment, result.Error);
        Assert.Contains("expected", result.Error);
    }

    /// <summary>The full wording of the most common mistake.</summary>
    [TestMethod]
    public void Parse_StageWithoutColon_ExplainsWhatIsExpected()
    {
        var result = StagesParser.Parse("30s:100, 1m");

        Assert.AreEqual(
            "\"30s:100, 1m\": stage 2 \"1m\" has no ':' between duration and target; expected <duration>:<target>, e.g. \"30s:100, 1m:100, 10s:0\"",
            result.Error);
    }

    /// <summary>The duration's own message is kept whole, so the user learns which units exist.</summary>
    [TestMethod]
    public void Parse_UnknownDurationUnit_IncludesDurationParserMessage()
    {
        var result = StagesParser.Parse("30parsecs:100");

        Assert.AreEqual(
            "\"30parsecs:100\": stage 1 \"30parsecs:100\" has an invalid duration: " + DurationParser.Parse("30parsecs").Error,
            result.Error);
    }

    /// <summary>Null has no text to quote but still explains what was expected.</summary>
    [TestMethod]
    public void Parse_Null_ReportsMissingStages()
    {
        var result = StagesParser.Parse(null);

        Assert.AreEqual(
            "null is not a list of stages; expected comma-separated <duration>:<target> stages, e.g. \"30s:100, 1m:100, 10s:0\"",
            result.Error);
    }

    /// <summary>A target too large for a double is refused rather than becoming infinity.</summary>
    [TestMethod]
    public void Parse_TargetBeyondDouble_ReportsTooLarge()
    {
        var result = StagesParser.Parse("1s:" + new string('9', 400));

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("that is too large", result.Error);
    }

    /// <summary>Exactly the stage limit is accepted.</summary>
    [TestMethod]
    public void Parse_MaxStages_Succeeds()
    {
        var text = string.Join(", ", Enumerable.Range(0, StagesParser.MaxStages).Select(i => "1s:" + i.ToString(CultureInfo.InvariantCulture)));

        var result = StagesParser.Parse(text);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.HasCount(StagesParser.MaxStages, result.Value);
        Assert.AreEqual(new Stage(TimeSpan.FromSeconds(1), 999), result.Value[^1]);
    }

    /// <summary>One stage over the limit is refused with the count, before any stage is parsed.</summary>
    [TestMethod]
    public void Parse_TooManyStages_ReportsCountAndLimit()
    {
        var text = string.Join(",", Enumerable.Repeat("1s:1", StagesParser.MaxStages + 1));

        var result = StagesParser.Parse(text);

        Assert.IsFalse(result.IsSuccess);
        Assert.StartsWith($"\"{text}\"", result.Error);
        Assert.EndsWith("has 1001 stages; expected at most 1000", result.Error);
    }

    /// <summary>The first bad stage is the one reported, even when later ones are bad too.</summary>
    [TestMethod]
    public void Parse_SeveralBadStages_ReportsFirst()
    {
        var result = StagesParser.Parse("30s:100, 1m:x, 0s:1");

        Assert.IsFalse(result.IsSuccess);
        Assert.Contains("stage 2 \"1m:x\"", result.Error);
        Assert.DoesNotContain("stage 3", result.Error);
    }
}
