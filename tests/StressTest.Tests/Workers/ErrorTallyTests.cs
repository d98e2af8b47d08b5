// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net.Sockets;
using StressTest.Errors;
using StressTest.Plan.Methods;
using StressTest.Transport.Contracts;
using StressTest.Workers;

namespace StressTest.Tests.Workers;

/// <summary>A worker's errors: grouped by class with their category, the first message kept (its inner causes
/// chained, secrets redacted, one line, at most 500 characters) and the first and last time.</summary>
[TestClass]
public sealed class ErrorTallyTests
{
    [TestMethod]
    public void Add_SameKindThreeTimes_CountsThemWithTheWholeTimeSpanAndTheFirstMessage()
    {
        var tally = new ErrorTally();

        tally.Add(new InvalidOperationException("first"), TimeSpan.FromSeconds(2));
        tally.Add(new InvalidOperationException("second"), TimeSpan.FromSeconds(1));
        tally.Add(new InvalidOperationException("third"), TimeSpan.FromSeconds(3));

        var error = Assert.ContainsSingle(tally.Drain());
        Assert.AreEqual(typeof(InvalidOperationException).FullName, error.Kind);
        Assert.AreEqual(ErrorCategories.Exception, error.Category);
        Assert.AreEqual(3, error.Count);
        Assert.AreEqual("first", error.FirstMessage);
        Assert.AreEqual(TimeSpan.FromSeconds(1), error.FirstAt);
        Assert.AreEqual(TimeSpan.FromSeconds(3), error.LastAt);
    }

    [TestMethod]
    public void Add_ExceptionsOfTheTaxonomy_AreKeptWithTheirCategory()
    {
        var tally = new ErrorTally();
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused));

        var classified = tally.Add(refused, TimeSpan.Zero);
        tally.Add(new AssertFailedException("expected 200"), TimeSpan.Zero);
        tally.Add(new TaskCanceledException("cancelled"), TimeSpan.Zero);
        tally.Add(ErrorClassifier.HttpStatus(503), "GET / answered 503", TimeSpan.Zero);

        Assert.AreEqual(new ErrorClass(ErrorCategories.ConnectionRefused, "connection refused"), classified);
        var categories = tally.Drain().ToDictionary(e => e.Kind, e => e.Category);
        Assert.AreEqual(ErrorCategories.ConnectionRefused, categories["connection refused"]);
        Assert.AreEqual(ErrorCategories.Check, categories["failed check"]);
        Assert.AreEqual(ErrorCategories.Cancelled, categories["cancelled"]);
        Assert.AreEqual(ErrorCategories.Http, categories["HTTP 503"]);
    }

    [TestMethod]
    public void Drain_TakesTheErrorsAndStartsAfresh()
    {
        var tally = new ErrorTally();
        tally.Add(new InvalidOperationException("x"), TimeSpan.Zero);

        Assert.ContainsSingle(tally.Drain());
        Assert.IsEmpty(tally.Drain());

        tally.Add(new InvalidOperationException("y"), TimeSpan.FromSeconds(5));
        var again = Assert.ContainsSingle(tally.Drain());
        Assert.AreEqual(1, again.Count);
        Assert.AreEqual("y", again.FirstMessage);
    }

    [TestMethod]
    public void Message_InnerExceptions_AreChainedUpToThreeDeep()
    {
        var exception = new HttpRequestException("An error occurred while sending the request.", new IOException("alpha", new IOException("beta", new IOException("gamma", new IOException("delta")))));

        Assert.AreEqual("An error occurred while sending the request. → alpha → beta → gamma", ErrorText.Message(exception));
    }

    [TestMethod]
    public void Message_InnerMessageAlreadyInTheOuter_IsNotRepeated()
    {
        var exception = new HttpRequestException("Connection refused (api:80)", new SocketException((int)SocketError.ConnectionRefused));
        var inner = exception.InnerException!.Message;

        var message = ErrorText.Message(new InvalidOperationException($"wrapped: {inner}", exception));

        Assert.AreEqual($"wrapped: {inner} → Connection refused (api:80)", message);
    }

    [TestMethod]
    public void Add_AggregateOfOne_KeepsTheInnerExceptionsMessageChain()
    {
        var tally = new ErrorTally();

        tally.Add(new AggregateException(new InvalidOperationException("outer", new FormatException("cause"))), TimeSpan.Zero);

        var error = Assert.ContainsSingle(tally.Drain());
        Assert.AreEqual(typeof(InvalidOperationException).FullName, error.Kind);
        Assert.AreEqual("outer → cause", error.FirstMessage);
    }

    [TestMethod]
    public void Add_MessageWithSecrets_KeepsItRedacted()
    {
        var tally = new ErrorTally();

        tally.Add(new HttpRequestException("GET http://api/orders?api_key=abc123&page=2 failed\nAuthorization: Bearer eyJhbGciOi"), TimeSpan.Zero);

        var message = Assert.ContainsSingle(tally.Drain()).FirstMessage;
        Assert.DoesNotContain("abc123", message);
        Assert.DoesNotContain("eyJhbGciOi", message);
        Assert.Contains("api_key=***&page=2", message);
        Assert.DoesNotContain("\n", message);
    }

    [TestMethod]
    public void Truncate_SecretAcrossTheCut_IsRedactedBeforeCutting()
    {
        // Cut first, the 500 characters would end in "password=QQ…": the start of the secret, which the redactor
        // could no longer recognise.
        var message = new string('x', 488) + " password=QQQQQQQQQQQQ";

        var truncated = ErrorText.Truncate(message);

        Assert.DoesNotContain("Q", truncated);
        Assert.Contains("password=**", truncated);
    }

    [TestMethod]
    public void Truncate_LongMessage_IsCutAt500CharactersWithAnEllipsis()
    {
        var truncated = ErrorText.Truncate(new string('y', 600));

        Assert.AreEqual(ErrorText.MaxMessageLength + 1, truncated.Length);
        Assert.EndsWith("y…", truncated);
        Assert.AreEqual(new string('z', 500), ErrorText.Truncate(new string('z', 500)), "exactly 500 stays whole");
    }

    [TestMethod]
    public void Truncate_LineEndings_BecomeSpaces()
    {
        Assert.AreEqual("a b c d", ErrorText.Truncate("a\r\nb\nc\rd"));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    public void Truncate_NothingToSay_IsEmpty(string? message)
    {
        Assert.AreEqual(string.Empty, ErrorText.Truncate(message));
    }

    [TestMethod]
    public void Describe_NamesTheTypeAndACleanMessage()
    {
        var described = ErrorText.Describe(new InvalidOperationException("token=abc\nsecond line"));

        Assert.AreEqual("System.InvalidOperationException: token=*** second line", described);
    }

    [TestMethod]
    public void Root_AggregateOfOne_IsItsInnerAndOthersAreThemselves()
    {
        var inner = new FormatException("f");
        var two = new AggregateException(inner, new FormatException("g"));

        Assert.AreSame(inner, ErrorText.Root(new AggregateException(inner)));
        Assert.AreSame(two, ErrorText.Root(two));
        Assert.AreSame(inner, ErrorText.Root(inner));
    }
}
