// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Rules;

namespace StressTest.Tests.Plan.Rules;

/// <summary>AcceptStatus text: codes, ranges and classes within 100–599, one canonical form, clear errors.</summary>
[TestClass]
public sealed class StatusCodeSetTests
{
    [TestMethod]
    [DataRow("2xx", "200-299")]
    [DataRow("2XX", "200-299")]
    [DataRow("404", "404")]
    [DataRow("200-299,404", "200-299,404")]
    [DataRow("2xx, 3xx, 404", "200-399,404")]
    [DataRow(" 404 , 2xx ", "200-299,404")]
    [DataRow("200 - 204", "200-204")]
    [DataRow("200-200", "200")]
    [DataRow("404,404,2xx,250-260", "200-299,404")]
    [DataRow("1xx,2xx,3xx,4xx,5xx", "100-599")]
    [DataRow("100", "100")]
    [DataRow("599", "599")]
    [DataRow("100-599", "100-599")]
    [DataRow("200,201,202,204", "200-202,204")]
    [DataRow("500,200", "200,500")]
    [DataRow("0404", "404")]
    public void Parse_ValidText_HasTheCanonicalForm(string text, string canonical)
    {
        var result = StatusCodeSet.Parse(text);

        Assert.IsTrue(result.IsSuccess, result.Error);
        Assert.AreEqual(canonical, result.Value.ToString());
    }

    [TestMethod]
    public void Parse_Canonical_ReadsBackAsTheSameSet()
    {
        var set = StatusCodeSet.Parse("2xx, 404, 418, 5xx, 301-303").Value!;

        var again = StatusCodeSet.Parse(set.ToString());

        Assert.IsTrue(again.IsSuccess, again.Error);
        Assert.AreEqual(set, again.Value);
        Assert.AreEqual(set.GetHashCode(), again.Value.GetHashCode());
    }

    [TestMethod]
    public void Contains_ParsedSet_IsTrueExactlyForItsCodes()
    {
        var set = StatusCodeSet.Parse("2xx, 404, 301-303").Value!;

        for (var code = -1; code <= 1000; code++)
        {
            var expected = code is (>= 200 and <= 299) or 404 or (>= 301 and <= 303);
            Assert.AreEqual(expected, set.Contains(code), $"status {code}");
        }

        Assert.IsFalse(set.Contains(int.MinValue));
        Assert.IsFalse(set.Contains(int.MaxValue));
    }

    [TestMethod]
    public void Contains_EdgesOfTheRange_AreCovered()
    {
        var set = StatusCodeSet.Parse("100,163,164,227,228,599").Value!;

        foreach (var code in new[] { 100, 163, 164, 227, 228, 599 })
        {
            Assert.IsTrue(set.Contains(code), $"status {code}");
        }

        foreach (var code in new[] { 99, 101, 162, 165, 226, 229, 598, 600 })
        {
            Assert.IsFalse(set.Contains(code), $"status {code}");
        }
    }

    [TestMethod]
    public void Default_IsTheSuccessCodes()
    {
        Assert.AreEqual("200-299", StatusCodeSet.Default.ToString());
        Assert.IsTrue(StatusCodeSet.Default.Contains(200));
        Assert.IsTrue(StatusCodeSet.Default.Contains(299));
        Assert.IsFalse(StatusCodeSet.Default.Contains(199));
        Assert.IsFalse(StatusCodeSet.Default.Contains(300));
        Assert.IsFalse(StatusCodeSet.Default.Contains(404));
        Assert.AreEqual(StatusCodeSet.Default, StatusCodeSet.Parse("2xx").Value);
    }

    [TestMethod]
    public void Equals_DifferentSets_AreNotEqual()
    {
        var a = StatusCodeSet.Parse("2xx").Value!;
        var b = StatusCodeSet.Parse("2xx,404").Value!;

        Assert.AreNotEqual(a, b);
        Assert.IsFalse(a.Equals(null));
        Assert.IsFalse(a.Equals("200-299"));
    }

    [TestMethod]
    [DataRow("2xz", "\"2xz\" is not a status code, a range like 200-299 or a class like 2xx")]
    [DataRow("2xx, 2xz", "\"2xz\" in \"2xx, 2xz\" is not a status code, a range like 200-299 or a class like 2xx")]
    [DataRow("ok", "\"ok\" is not a status code")]
    [DataRow("2x", "\"2x\" is not a status code")]
    [DataRow("2xxx", "\"2xxx\" is not a status code")]
    [DataRow("200-", "\"200-\" is not a status code")]
    [DataRow("-200", "\"-200\" is not a status code")]
    [DataRow("+200", "\"+200\" is not a status code")]
    [DataRow("200-299-300", "\"200-299-300\" is not a status code")]
    [DataRow("2 00", "\"2 00\" is not a status code")]
    [DataRow("200;404", "\"200;404\" is not a status code")]
    [DataRow("2xx-3xx", "\"2xx-3xx\" is not a status code")]
    [DataRow("２００", "\"２００\" is not a status code")]
    [DataRow("600", "\"600\" is outside the status codes 100-599; expected a status code, a range like 200-299 or a class like 2xx")]
    [DataRow("99", "\"99\" is outside the status codes 100-599")]
    [DataRow("0", "\"0\" is outside the status codes 100-599")]
    [DataRow("6xx", "\"6xx\" is outside the status codes 100-599")]
    [DataRow("0xx", "\"0xx\" is outside the status codes 100-599")]
    [DataRow("200-600", "\"200-600\" is outside the status codes 100-599")]
    [DataRow("99999999999999999999", "\"99999999999999999999\" is outside the status codes 100-599")]
    [DataRow("299-200", "\"299-200\" is a reversed range; expected the lower code first, e.g. \"200-299\"")]
    [DataRow("2xx,404-400", "\"404-400\" in \"2xx,404-400\" is a reversed range")]
    [DataRow("200,,404", "\"200,,404\" has an empty entry; expected status codes, ranges or classes separated by commas, such as \"2xx\" or \"200-299,404\"")]
    [DataRow("200,", "\"200,\" has an empty entry")]
    [DataRow(",200", "\",200\" has an empty entry")]
    [DataRow("", "\"\" is empty; expected status codes, ranges or classes separated by commas, such as \"2xx\" or \"200-299,404\"")]
    [DataRow("   ", "\"   \" is empty; expected")]
    [DataRow(null, "null is not a set of status codes; expected status codes, ranges or classes")]
    public void Parse_BadText_FailsNamingTheValueAndWhatWasExpected(string? text, string error)
    {
        var result = StatusCodeSet.Parse(text);

        Assert.IsFalse(result.IsSuccess);
        Assert.IsNull(result.Value);
        Assert.StartsWith(error, result.Error);
    }
}
