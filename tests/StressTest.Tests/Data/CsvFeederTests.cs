// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Data;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Data;

/// <summary>CSV files: binding by header name, quoting, conversions, and every bad input naming the file and line.</summary>
[TestClass]
public sealed class CsvFeederTests
{
    [TestMethod]
    public void FromCsv_PositionalRecord_BindsColumnsByNameWithQuotedSeparatorsQuotesAndLineBreaks()
    {
        using var file = DataFile.Write("customers.csv", """
            key,city,name
            c1,Berlin,"Smith, Alice"
            c2,"New
            York","Bob ""the builder"" Jones"
            c3,Paris,Carol

            """);
        var feeder = Feeder.FromCsv<Customer>(file.Path, FeedStrategy.Circular);
        var worker = Contexts.Worker(0);

        var taken = Enumerable.Range(0, 4).Select(_ => feeder.Next(worker)).ToArray();

        Assert.AreEqual(new Customer("c1", "Smith, Alice", "Berlin"), taken[0]);
        Assert.AreEqual(new Customer("c2", "Bob \"the builder\" Jones", "New" + Environment.NewLine + "York"), taken[1] with { City = taken[1].City.ReplaceLineEndings() });
        Assert.AreEqual(new Customer("c3", "Carol", "Paris"), taken[2]);
        Assert.AreEqual(taken[0], taken[3], "circular: the blank last line is not a record");
    }

    [TestMethod]
    public void FromCsv_ClassWithProperties_ConvertsWithTheInvariantCulture()
    {
        using var file = DataFile.Write("orders.csv", """
            Id,unit_price,Placed-On,Status,Coupon,Reference,Express
            42,12.50,2026-01-14,shipped,,5f0c8c3e-9d4a-4a57-9a45-0c8f2b1d3e11,true
            43,7,2026-02-01,Pending,7,00000000-0000-0000-0000-000000000001,false
            """);
        var feeder = Feeder.FromCsv<OrderRow>(file.Path, FeedStrategy.Unique);
        var worker = Contexts.Worker(0);

        var first = feeder.Next(worker);
        var second = feeder.Next(worker);

        Assert.AreEqual(42, first.Id);
        Assert.AreEqual(12.50m, first.UnitPrice);
        Assert.AreEqual(new DateOnly(2026, 1, 14), first.PlacedOn);
        Assert.AreEqual(OrderStatus.Shipped, first.Status, "enums by name, case-insensitive");
        Assert.IsNull(first.Coupon, "an empty field is null for a nullable type");
        Assert.AreEqual(Guid.Parse("5f0c8c3e-9d4a-4a57-9a45-0c8f2b1d3e11"), first.Reference);
        Assert.IsTrue(first.Express);
        Assert.AreEqual(7, second.Coupon);
        Assert.AreEqual(OrderStatus.Pending, second.Status);
    }

    [TestMethod]
    public void FromCsv_Dictionary_GivesEachRowByColumnName()
    {
        using var file = DataFile.Write("search.csv", "term,limit\r\nlamp,5\r\n\"garden, tools\",10\r\n");
        var feeder = Feeder.FromCsv(file.Path, FeedStrategy.Circular);
        var worker = Contexts.Worker(0);

        var first = feeder.Next(worker);
        var second = feeder.Next(worker);

        Assert.AreEqual("lamp", first["term"]);
        Assert.AreEqual("5", first["LIMIT"], "column names are case-insensitive");
        Assert.AreEqual("garden, tools", second["term"]);
    }

    [TestMethod]
    public void FromCsv_RelativePath_ResolvesAgainstTheTestAssemblysFolder()
    {
        using var file = DataFile.Write("relative.csv", "key,name,city\nk,n,c\n");
        DataFiles.UseBaseDirectory(file.Folder);
        try
        {
            var feeder = Feeder.FromCsv<Customer>("relative.csv", FeedStrategy.Circular);

            Assert.AreEqual(file.Path, feeder.Source);
            Assert.AreEqual("k", feeder.Next(Contexts.Worker(0)).Key);
        }
        finally
        {
            DataFiles.UseBaseDirectory(null);
        }
    }

    [TestMethod]
    public void FromCsv_MissingFile_NamesThePathAndWhereRelativePathsResolve()
    {
        var error = Assert.ThrowsExactly<FileNotFoundException>(() => Feeder.FromCsv<Customer>("Data/nowhere.csv", FeedStrategy.Circular));

        Assert.Contains(Path.Combine("Data", "nowhere.csv") + " does not exist", error.Message);
        Assert.Contains("resolves against the test assembly's folder", error.Message);
        Assert.Contains("CopyToOutputDirectory", error.Message);
    }

    [TestMethod]
    [DataRow("key,name,city\nc1,Alice,Berlin\n\"c2\",\"Bob\nJr\",Rome\nc3,Carol,Paris,extra\n", "line 5: 4 field(s), but the header has 3", DisplayName = "wrong field count, after a row spanning two lines")]
    [DataRow("key,name,city\n", "has no records: a feeder needs at least one", DisplayName = "header only")]
    [DataRow("", "line 1: expected a header row naming the columns, found an empty file", DisplayName = "empty file")]
    [DataRow("key,name,city,town\nc1,Alice,Berlin,B\n", "line 1: column(s) \"town\" match no constructor parameter or settable property of Customer (Key, Name, City)", DisplayName = "unknown column")]
    [DataRow("key,name\nc1,Alice\n", "line 1: the header (key, name) cannot build a Customer: its constructor needs column(s) \"City\"", DisplayName = "missing constructor column")]
    [DataRow("key,name,city,Name\nc1,Alice,Berlin,A\n", "line 1: the header names column \"Name\" twice", DisplayName = "duplicate column")]
    public void FromCsv_BadInput_NamesFileAndLine(string content, string expected) =>
        DataFile.AssertFirstTakeFails("bad.csv", content, path => Feeder.FromCsv<Customer>(path, FeedStrategy.Circular), expected);

    [TestMethod]
    public void FromCsv_ValueThatDoesNotConvert_NamesFileLineColumnValueAndType()
    {
        using var file = DataFile.Write("orders.csv", "Id,UnitPrice\n1,2.5\n2,lots\n");
        var feeder = Feeder.FromCsv<OrderRow>(file.Path, FeedStrategy.Circular);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => feeder.Next(Contexts.Worker(0)));

        Assert.Contains($"{file.Path} line 3, column \"UnitPrice\": \"lots\" does not convert to Decimal", error.Message);
    }

    [TestMethod]
    public void FromCsv_BadRowFoundWhileStreaming_StopsThereNamingTheLine()
    {
        using var file = DataFile.Write("stream.csv", "Id\n1\n2\n3\n4\nfive\n6\n");
        var feeder = Feeder.FromCsv<OrderRow>(file.Path, FeedStrategy.Unique, new FeederOptions { WindowSize = 2 });
        var worker = Contexts.Worker(0);

        var good = Enumerable.Range(0, 4).Select(_ => feeder.Next(worker).Id).ToArray();
        var error = Assert.ThrowsExactly<InvalidDataException>(() => feeder.Next(worker));

        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4 }, good, "the rows before the bad one were fed");
        Assert.Contains("line 6, column \"Id\": \"five\" does not convert to Int32", error.Message);
    }

    [TestMethod]
    public void FromCsv_UnsupportedPropertyType_SaysWhichTypesWork()
    {
        using var file = DataFile.Write("tags.csv", "Tags\na\n");
        var feeder = Feeder.FromCsv<Tagged>(file.Path, FeedStrategy.Circular);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => feeder.Next(Contexts.Worker(0)));

        Assert.Contains("Tagged.Tags is a List`1, which cannot be read from text", error.Message);
    }

    public sealed record Customer(string Key, string Name, string City);

    public enum OrderStatus
    {
        Pending,
        Shipped,
    }

    public sealed class OrderRow
    {
        public int Id { get; init; }

        public decimal UnitPrice { get; set; }

        public DateOnly PlacedOn { get; set; }

        public OrderStatus Status { get; set; }

        public int? Coupon { get; set; }

        public Guid Reference { get; set; }

        public bool Express { get; set; }
    }

    public sealed class Tagged
    {
        public List<string> Tags { get; set; } = [];
    }
}
