// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using StressTest.Errors;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Tests.Workers.Http;
using StressTest.Transport.Contracts;

namespace StressTest.Tests.Errors;

/// <summary>Exceptions, built by hand and thrown by a real HttpClient against a real socket, sorted into the
/// taxonomy users see.</summary>
[TestClass]
public sealed class ErrorClassifierTests
{
    [TestMethod]
    [DataRow(HttpStatusCode.ServiceUnavailable, "HTTP 503")]
    [DataRow(HttpStatusCode.NotFound, "HTTP 404")]
    [DataRow(HttpStatusCode.InternalServerError, "HTTP 500")]
    [DataRow(HttpStatusCode.Found, "HTTP 302")]
    [DataRow((HttpStatusCode)999, "HTTP 999")]
    public void Classify_HttpRequestExceptionWithStatus_IsHttpPerCode(HttpStatusCode status, string kind)
    {
        var error = ErrorClassifier.Classify(new HttpRequestException("failed", null, status));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Http, kind), error);
    }

    [TestMethod]
    public void Classify_EnsureSuccessStatusCode_IsHttpWithTheResponsesCode()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        var exception = Assert.ThrowsExactly<HttpRequestException>(() => response.EnsureSuccessStatusCode());

        Assert.AreEqual(new ErrorClass(ErrorCategories.Http, "HTTP 503"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    [DataRow(503, "HTTP 503")]
    [DataRow(404, "HTTP 404")]
    [DataRow(100, "HTTP 100")]
    [DataRow(599, "HTTP 599")]
    [DataRow(600, "HTTP 600")]
    [DataRow(99, "HTTP 99")]
    public void HttpStatus_Code_IsTheSameClassAsAnExceptionWithThatStatus(int status, string kind)
    {
        var error = ErrorClassifier.HttpStatus(status);

        Assert.AreEqual(new ErrorClass(ErrorCategories.Http, kind), error);
        Assert.AreEqual(error, ErrorClassifier.Classify(new HttpRequestException("x", null, (HttpStatusCode)status)));
    }

    [TestMethod]
    public void Timeout_IsWhatATimedOutInvocationIsClassifiedAs()
    {
        Assert.AreEqual(new ErrorClass(ErrorCategories.Timeout, "timeout"), ErrorClassifier.Timeout);
        Assert.AreEqual(ErrorClassifier.Timeout, ErrorClassifier.Classify(new OperationCanceledException(), timedOut: true));
    }

    [TestMethod]
    public void Classify_SameStatusTwice_ReusesTheKindText()
    {
        var first = ErrorClassifier.Classify(new HttpRequestException("a", null, HttpStatusCode.BadGateway));
        var second = ErrorClassifier.Classify(new HttpRequestException("b", null, HttpStatusCode.BadGateway));

        Assert.AreSame(first.Kind, second.Kind, "a failing server repeats its code; the text is made once");
    }

    [TestMethod]
    [DataRow(SocketError.ConnectionRefused, ErrorCategories.ConnectionRefused, "connection refused")]
    [DataRow(SocketError.ConnectionReset, ErrorCategories.ConnectionReset, "connection reset")]
    [DataRow(SocketError.ConnectionAborted, ErrorCategories.ConnectionReset, "connection reset")]
    [DataRow(SocketError.HostNotFound, ErrorCategories.Dns, "DNS/host")]
    [DataRow(SocketError.TryAgain, ErrorCategories.Dns, "DNS/host")]
    [DataRow(SocketError.NoData, ErrorCategories.Dns, "DNS/host")]
    [DataRow(SocketError.TimedOut, ErrorCategories.Timeout, "timeout")]
    public void Classify_ConnectionErrorWithSocketError_IsTheSocketsCategory(SocketError socketError, string category, string kind)
    {
        var exception = new HttpRequestException(HttpRequestError.ConnectionError, "x", new SocketException((int)socketError));

        Assert.AreEqual(new ErrorClass(category, kind), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    [DataRow(SocketError.NetworkUnreachable)]
    [DataRow(SocketError.HostUnreachable)]
    [DataRow(SocketError.AccessDenied)]
    public void Classify_ConnectionErrorWithOtherSocketError_IsNotGuessedToBeRefused(SocketError socketError)
    {
        var exception = new HttpRequestException(HttpRequestError.ConnectionError, "x", new SocketException((int)socketError));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Exception, "System.Net.Http.HttpRequestException"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_ConnectionErrorWithoutInnerException_IsAnExceptionOfItsType()
    {
        var exception = new HttpRequestException(HttpRequestError.ConnectionError, "x");

        Assert.AreEqual(new ErrorClass(ErrorCategories.Exception, "System.Net.Http.HttpRequestException"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    [DataRow(HttpRequestError.NameResolutionError, ErrorCategories.Dns, "DNS/host")]
    [DataRow(HttpRequestError.SecureConnectionError, ErrorCategories.Tls, "TLS")]
    [DataRow(HttpRequestError.ResponseEnded, ErrorCategories.ConnectionReset, "connection reset")]
    public void Classify_HttpRequestError_IsItsCategory(HttpRequestError requestError, string category, string kind)
    {
        var exception = new HttpRequestException(requestError, "x");

        Assert.AreEqual(new ErrorClass(category, kind), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_ResetDeepInTheChain_IsConnectionReset()
    {
        var socket = new SocketException((int)SocketError.ConnectionReset);
        var exception = new HttpRequestException("An error occurred while sending the request.",
            new IOException("Unable to read data from the transport connection: Connection reset by peer.", socket));

        Assert.AreEqual(ErrorCategories.ConnectionReset, ErrorClassifier.Classify(exception).Category);
    }

    [TestMethod]
    public void Classify_ResponseEndedWhileReadingTheBody_IsConnectionReset()
    {
        var exception = new HttpRequestException("Error while copying content to a stream.",
            new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        Assert.AreEqual(ErrorCategories.ConnectionReset, ErrorClassifier.Classify(exception).Category);
    }

    [TestMethod]
    public void Classify_AuthenticationExceptionInTheChain_IsTls()
    {
        var exception = new HttpRequestException("The SSL connection could not be established.",
            new AuthenticationException("The remote certificate is invalid."));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Tls, "TLS"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_UserExceptionWrappingAStatus_IsHttp()
    {
        var exception = new InvalidOperationException("lookup failed", new HttpRequestException("x", null, HttpStatusCode.TooManyRequests));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Http, "HTTP 429"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_DriverExceptionWrappingARefusedSocket_IsConnectionRefused()
    {
        // Database drivers and other clients nest the socket error the same way HttpClient does.
        var exception = new InvalidOperationException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        Assert.AreEqual(ErrorCategories.ConnectionRefused, ErrorClassifier.Classify(exception).Category);
    }

    [TestMethod]
    public void Classify_UserExceptionWrappingAnAggregateOfOne_LooksInsideIt()
    {
        var exception = new InvalidOperationException("x", new AggregateException(new SocketException((int)SocketError.ConnectionRefused)));

        Assert.AreEqual(ErrorCategories.ConnectionRefused, ErrorClassifier.Classify(exception).Category);
    }

    [TestMethod]
    public void Classify_UserExceptionWrappingAnAggregateOfSeveral_IsTheUsersException()
    {
        var exception = new InvalidOperationException("x", new AggregateException(new TimeoutException(), new SocketException((int)SocketError.ConnectionRefused)));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Exception, "System.InvalidOperationException"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_HttpClientTimeout_IsTimeout()
    {
        var exception = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.",
            new TimeoutException("The operation was canceled."));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Timeout, "timeout"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_TimeoutException_IsTimeout()
    {
        Assert.AreEqual(new ErrorClass(ErrorCategories.Timeout, "timeout"), ErrorClassifier.Classify(new TimeoutException()));
    }

    [TestMethod]
    public void Classify_Cancellation_IsCancelled()
    {
        var expected = new ErrorClass(ErrorCategories.Cancelled, "cancelled");

        Assert.AreEqual(expected, ErrorClassifier.Classify(new OperationCanceledException()));
        Assert.AreEqual(expected, ErrorClassifier.Classify(new TaskCanceledException()));
        Assert.AreEqual(expected, ErrorClassifier.Classify(new OperationCanceledException("x", new IOException("socket closed"))));
    }

    [TestMethod]
    public void Classify_TimedOut_IsTimeoutWhateverWasThrown()
    {
        var expected = new ErrorClass(ErrorCategories.Timeout, "timeout");

        Assert.AreEqual(expected, ErrorClassifier.Classify(new OperationCanceledException(), timedOut: true));
        Assert.AreEqual(expected, ErrorClassifier.Classify(new InvalidOperationException(), timedOut: true));
        Assert.AreEqual(expected, ErrorClassifier.Classify(new HttpRequestException("x", null, HttpStatusCode.BadGateway), timedOut: true));
    }

    [TestMethod]
    public void Classify_FailedAssert_IsAFailedCheck()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Conflict);

        var exception = Assert.ThrowsExactly<AssertFailedException>(() => Assert.AreEqual(HttpStatusCode.Created, response.StatusCode));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Check, "failed check"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_InconclusiveAssert_IsAFailedCheck()
    {
        var exception = Assert.ThrowsExactly<AssertInconclusiveException>(() => Assert.Inconclusive("not yet"));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Check, "failed check"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_FailedAssertInAnAggregate_IsAFailedCheck()
    {
        var exception = new AggregateException(new AssertFailedException("Assert.IsTrue failed."));

        Assert.AreEqual(ErrorCategories.Check, ErrorClassifier.Classify(exception).Category);
    }

    [TestMethod]
    public void Classify_AggregateWithOneInner_ClassifiesTheInner()
    {
        var exception = new AggregateException(new AggregateException(new HttpRequestException("x", null, HttpStatusCode.ServiceUnavailable)));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Http, "HTTP 503"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_AggregateWithSeveralInner_IsAnAggregateException()
    {
        var exception = new AggregateException(new TimeoutException(), new InvalidOperationException());

        Assert.AreEqual(new ErrorClass(ErrorCategories.Exception, "System.AggregateException"), ErrorClassifier.Classify(exception));
    }

    [TestMethod]
    public void Classify_OtherException_IsAnExceptionByFullTypeName()
    {
        Assert.AreEqual(new ErrorClass(ErrorCategories.Exception, "System.InvalidOperationException"), ErrorClassifier.Classify(new InvalidOperationException("x")));
        Assert.AreEqual(new ErrorClass(ErrorCategories.Exception, "System.Net.Http.HttpRequestException"), ErrorClassifier.Classify(new HttpRequestException("refused by the host guard")));
        Assert.AreEqual("StressTest.Tests.Errors.ErrorClassifierTests+NestedException", ErrorClassifier.Classify(new NestedException()).Kind);
        Assert.AreEqual("StressTest.Tests.Errors.ErrorClassifierTests+GenericException`1[System.Int32]", ErrorClassifier.Classify(new GenericException<int>()).Kind);
    }

    [TestMethod]
    public void Classify_Null_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => ErrorClassifier.Classify(null!));
    }

    [TestMethod]
    public void Stuck_IsItsOwnCategory()
    {
        Assert.AreEqual(new ErrorClass(ErrorCategories.Stuck, "stuck"), ErrorClass.Stuck);
    }

    [TestMethod]
    public async Task Classify_RealRequestToAClosedPort_IsConnectionRefused()
    {
        // Bind a free port and release it: nothing listens there, and loopback refuses at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new HttpClient();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.GetAsync(new Uri($"http://127.0.0.1:{port}/")).WaitAsync(TestClock.Guard));

        Assert.AreEqual(new ErrorClass(ErrorCategories.ConnectionRefused, "connection refused"), ErrorClassifier.Classify(exception), exception.ToString());
    }

    [TestMethod]
    public async Task Classify_RealServerClosingWithoutAResponse_IsConnectionReset()
    {
        await using var server = new LoopbackServer(_ => []);
        using var client = new HttpClient();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(server.Address).WaitAsync(TestClock.Guard));

        Assert.AreEqual(new ErrorClass(ErrorCategories.ConnectionReset, "connection reset"), ErrorClassifier.Classify(exception), exception.ToString());
    }

    [TestMethod]
    public async Task Classify_RealServerClosingMidBody_IsConnectionReset()
    {
        await using var server = new LoopbackServer(_ => "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part of it"u8.ToArray());
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.Address, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TestClock.Guard);

        var exception = await Assert.ThrowsAsync<Exception>(() => response.Content.ReadAsStringAsync().WaitAsync(TestClock.Guard));

        Assert.AreEqual(new ErrorClass(ErrorCategories.ConnectionReset, "connection reset"), ErrorClassifier.Classify(exception), exception.ToString());
    }

    [TestMethod]
    public async Task Classify_RealServerResettingTheConnection_IsConnectionReset()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var reset = ResetAfterRequestAsync(listener);
        using var client = new HttpClient();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.GetAsync(new Uri($"http://127.0.0.1:{port}/")).WaitAsync(TestClock.Guard));
        await reset.WaitAsync(TestClock.Guard);

        Assert.AreEqual(new ErrorClass(ErrorCategories.ConnectionReset, "connection reset"), ErrorClassifier.Classify(exception), exception.ToString());
    }

    [TestMethod]
    public async Task Classify_RealHttpClientTimeout_IsTimeout()
    {
        await using var server = new LoopbackServer(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
            return [];
        });
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(50) };

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync(server.Address).WaitAsync(TestClock.Guard));

        Assert.AreEqual(new ErrorClass(ErrorCategories.Timeout, "timeout"), ErrorClassifier.Classify(exception), exception.ToString());
    }

    /// <summary>Accepts one connection, reads the request's head, then closes with linger 0: a TCP RST.</summary>
    private static async Task ResetAfterRequestAsync(Socket listener)
    {
        using var connection = await listener.AcceptAsync();
        var buffer = new byte[4096];
        var received = new List<byte>();
        while (!System.Text.Encoding.ASCII.GetString([.. received]).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await connection.ReceiveAsync(buffer);
            if (read == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        connection.LingerState = new LingerOption(true, 0);
        connection.Close();
    }

    private sealed class NestedException : Exception
    {
    }

    private sealed class GenericException<T> : Exception
    {
    }
}
