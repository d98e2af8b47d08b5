// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Data;

/// <summary>JSON array files, read element by element; bad input names the file and line.</summary>
[TestClass]
public sealed class JsonFeederTests
{
    [TestMethod]
    [DataRow(65_536)]
    [DataRow(2)]
    public void FromJson_Array_GivesItsElementsInOrder(int windowSize)
    {
        using var file = DataFile.Write("signups.json", """
            [
              { "handle": "ada", "plan": "pro" },
              { "handle": "bob", "plan": "free" },
              { "handle": "cy", "plan": "free" }
            ]
            """);
        var feeder = Feeder.FromJson<Signup>(file.Path, FeedStrategy.Unique, new FeederOptions { WindowSize = windowSize });
        var worker = Contexts.Worker(0);

        var taken = Enumerable.Range(0, 3).Select(_ => feeder.Next(worker)).ToArray();

        CollectionAssert.AreEqual(new[] { new Signup("ada", "pro"), new Signup("bob", "free"), new Signup("cy", "free") }, taken);
        Assert.ThrowsExactly<InvalidOperationException>(() => feeder.Next(worker));
    }

    [TestMethod]
    [DataRow("\n\n{ \"handle\": \"ada\" }", "line 3: the file is not a JSON array: it starts with '{'", DisplayName = "an object")]
    [DataRow("  \n", "line 2: the file is empty; expected a JSON array", DisplayName = "empty")]
    [DataRow("[]", "has no records", DisplayName = "empty array")]
    [DataRow("[\n{ \"handle\": \"ada\", \"plan\": \"pro\" },\n{ \"handle\": 7 }\n]", "line 3: an element of the array cannot be read as Signup: The JSON value could not be converted to StressTest.Tests.Data.JsonFeederTests+Signup. Path: $[1].handle", DisplayName = "wrong type")]
    [DataRow("[\n{ \"handle\": \"ada\", \"plan\": \"pro\" },\nnull\n]", "element 1 of the array is null", DisplayName = "null element")]
    public void FromJson_BadInput_NamesFileAndLine(string content, string expected) =>
        DataFile.AssertFirstTakeFails("bad.json", content, path => Feeder.FromJson<Signup>(path, FeedStrategy.Unique), expected);

    public sealed record Signup(string Handle, string Plan);
}
