// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Simulation;

namespace StressTest.Mocks.Tests.Simulation;

[TestClass]
public sealed class PathTemplateTests
{
    [TestMethod]
    [DataRow("/v1/charges", "/v1/charges", true)]
    [DataRow("/v1/charges", "/V1/Charges/", true)]
    [DataRow("/v1/charges", "/v1/charges/1", false)]
    [DataRow("/v1/charges/{id}", "/v1/charges/ch_1", true)]
    [DataRow("/v1/charges/{id}", "/v1/charges", false)]
    [DataRow("/v1/charges/{id}/refunds", "/v1/charges/7/refunds", true)]
    [DataRow("/files/{*path}", "/files/a/b/c", true)]
    [DataRow("/files/{**path}", "/files", true)]
    [DataRow("/", "/", true)]
    [DataRow("/", "/x", false)]
    [DataRow("/v1/charges", "/v1//charges", false)]
    [DataRow("/files/{*path}", "/files/a//b/", true)]
    public void Matches(string template, string path, bool expected) =>
        Assert.AreEqual(expected, PathTemplate.Parse(template).Matches(path));

    [TestMethod]
    [DataRow("v1/charges", "expected a path starting with /")]
    [DataRow("/v1/charges?x=1", "expected a path starting with /")]
    [DataRow("/v1/{id:int}", "constraints such as {id:int} are not supported")]
    [DataRow("/v1/ch_{id}", "mixes text and a parameter")]
    [DataRow("/{*rest}/x", "must be the last segment")]
    public void Parse_Malformed_SaysWhy(string template, string expected)
    {
        var ex = Assert.ThrowsExactly<MockDefinitionException>(() => PathTemplate.Parse(template));

        Assert.AreEqual("path", ex.Field);
        Assert.Contains(expected, ex.Problem);
    }
}
