// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Plan.Methods;
using StressTest.Plan.Settings;

namespace StressTest.Tests.Plan.Settings;

/// <summary>Base addresses from any source: absolute http(s) only, always ending in a slash.</summary>
[TestClass]
public sealed class HttpAddressTests
{
    private const string Expected = "expected an absolute http or https address such as \"http://127.0.0.1:5080/\".";

    [TestMethod]
    [DataRow("http://127.0.0.1:5080/", "http://127.0.0.1:5080/")]
    [DataRow("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [DataRow("https://api.test.internal/", "https://api.test.internal/")]
    [DataRow("http://h:1/api", "http://h:1/api/")]
    [DataRow("http://h:1/api/", "http://h:1/api/")]
    [DataRow("https://h/a/b/c", "https://h/a/b/c/")]
    [DataRow("  http://localhost:5000/v1  ", "http://localhost:5000/v1/")]
    [DataRow("HTTP://LOCALHOST:5000/", "http://localhost:5000/")]
    [DataRow("http://[::1]:5080", "http://[::1]:5080/")]
    [DataRow("http://h:1/api?tenant=7", "http://h:1/api/?tenant=7")]
    [DataRow("http://h:1/a%20b", "http://h:1/a%20b/")]
    [DataRow("http://user:pw@h:1/api#top", "http://user:pw@h:1/api/#top")]
    public void TryParse_AbsoluteHttpAddress_IsAcceptedEndingInASlash(string text, string expected)
    {
        Assert.IsTrue(HttpAddress.TryParse(text, out var address, out var problem), problem);

        Assert.AreEqual(expected, address.AbsoluteUri);
        Assert.IsNull(problem);
    }

    [TestMethod]
    public void TryParse_AddressWithoutTrailingSlash_KeepsItsLastSegmentForRelativeRequests()
    {
        Assert.IsTrue(HttpAddress.TryParse("http://h:1/api", out var address, out _));

        Assert.AreEqual("http://h:1/api/orders", new Uri(address, "orders").AbsoluteUri);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("not a url")]
    [DataRow("api/orders")]
    [DataRow("/api/orders")]
    [DataRow("127.0.0.1:5080")]
    [DataRow("ftp://files.test/")]
    [DataRow("mailto:ops@example.com")]
    [DataRow("file:///tmp/x")]
    [DataRow("ws://127.0.0.1:5080/")]
    public void TryParse_NotAnAbsoluteHttpAddress_IsRejectedWithTheExpectation(string? text)
    {
        Assert.IsFalse(HttpAddress.TryParse(text, out var address, out var problem));

        Assert.IsNull(address);
        Assert.AreEqual(Expected, problem);
    }

    [TestMethod]
    [DataRow("http://h:1/api", "http://h:1/api/")]
    [DataRow("https://h/", "https://h/")]
    public void Check_AbsoluteHttpUri_IsAcceptedEndingInASlash(string text, string expected)
    {
        Assert.IsTrue(HttpAddress.Check(new Uri(text), out var address, out var problem), problem);

        Assert.AreEqual(expected, address.AbsoluteUri);
    }

    [TestMethod]
    public void Check_AddressEndingInASlash_IsReturnedAsIs()
    {
        var uri = new Uri("http://127.0.0.1:5080/api/");

        Assert.IsTrue(HttpAddress.Check(uri, out var address, out _));

        Assert.AreSame(uri, address);
    }

    [TestMethod]
    [DataRow("orders", UriKind.Relative)]
    [DataRow("/api/orders", UriKind.Relative)]
    [DataRow("ftp://files.test/", UriKind.Absolute)]
    [DataRow("mailto:ops@example.com", UriKind.Absolute)]
    public void Check_NotAnAbsoluteHttpUri_IsRejectedWithTheExpectation(string text, UriKind kind)
    {
        Assert.IsFalse(HttpAddress.Check(new Uri(text, kind), out var address, out var problem));

        Assert.IsNull(address);
        Assert.AreEqual(Expected, problem);
    }

    [TestMethod]
    public void Check_Null_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => HttpAddress.Check(null!, out _, out _));
    }
}
