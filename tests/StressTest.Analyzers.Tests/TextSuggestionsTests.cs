// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Analyzers.Tests;

/// <summary>Which unit a mistyped word most likely means; the code fix tests show the whole texts.</summary>
[TestClass]
public sealed class TextSuggestionsTests
{
    [TestMethod]
    [DataRow("parsecs", "s")]
    [DataRow("seconds", "s")]
    [DataRow("sek", "s")]
    [DataRow("mins", "m")]
    [DataRow("mss", "ms")]
    [DataRow("msec", "ms")]
    [DataRow("microseconds", "us")]
    [DataRow("hrs", "h")]
    [DataRow("pct", "%")]
    public void Nearest_KnownSpellingOrCloseToOne_IsThatUnit(string word, string unit)
    {
        Assert.AreEqual(unit, TextSuggestions.Nearest(word));
    }

    [TestMethod]
    [DataRow("nanoseconds")]
    [DataRow("ns")]
    [DataRow("parsnips")]
    [DataRow("x")]
    public void Nearest_NothingCloseOrNothingHoldable_IsNull(string word)
    {
        Assert.IsNull(TextSuggestions.Nearest(word));
    }

    [TestMethod]
    public void For_NumberInsideAName_IsLeftAlone()
    {
        var suggestions = TextSuggestions.For("p95 < 150", text => text.EndsWith("ms", StringComparison.Ordinal) || text.Contains("p95ms", StringComparison.Ordinal), ["ms"]);

        CollectionAssert.AreEqual(new[] { "p95 < 150ms" }, suggestions.ToArray());
    }

    [TestMethod]
    public void For_AtMostThree_OnlyValidOnes()
    {
        var suggestions = TextSuggestions.For("1, 2, 3, 4", _ => true, ["s"]);

        Assert.HasCount(TextSuggestions.Max, suggestions);
        Assert.IsEmpty(TextSuggestions.For("1, 2", _ => false, ["s"]));
    }
}
