// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.RegularExpressions;
using StressTest.Errors;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Errors;

/// <summary>Secrets in error messages become ***; the names around them, and ordinary prose, stay as they were.</summary>
[TestClass]
public sealed class RedactorTests
{
    [TestMethod]
    // Header lines: the value runs to the end of the line.
    [DataRow("Authorization: Bearer abc", "Authorization: ***")]
    [DataRow("authorization:Basic dXNlcjpwYXNz", "authorization:***")]
    [DataRow("AUTHORIZATION:   Digest username=\"bob\", response=\"6629fae4\"", "AUTHORIZATION:   ***")]
    [DataRow("Proxy-Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: ***")]
    [DataRow("Cookie: session=abc123; theme=dark", "Cookie: ***")]
    [DataRow("Set-Cookie: id=a3fWa; Expires=Thu, 21 Oct 2021 07:28:00 GMT; Secure", "Set-Cookie: ***")]
    [DataRow("X-Api-Key: 8f7d6s5a", "X-Api-Key: ***")]
    [DataRow("x-api-key:8f7d6s5a", "x-api-key:***")]
    [DataRow("X-Auth-Token: abc", "X-Auth-Token: ***")]
    [DataRow("X-Amz-Security-Token: FwoGZX", "X-Amz-Security-Token: ***")]
    [DataRow("Api-Key: abc", "Api-Key: ***")]
    [DataRow("Ocp-Apim-Subscription-Key: abc", "Ocp-Apim-Subscription-Key: ***")]
    [DataRow("Request headers:\nAccept: */*\nAuthorization: Bearer abc\nUser-Agent: test", "Request headers:\nAccept: */*\nAuthorization: ***\nUser-Agent: test")]
    [DataRow("Authorization: Bearer abc\r\nHost: api.local", "Authorization: ***\r\nHost: api.local")]
    // JSON properties keep their quotes.
    [DataRow("{\"Authorization\":\"Bearer abc\"}", "{\"Authorization\":\"***\"}")]
    [DataRow("{\"authorization\" : \"Bearer abc\", \"accept\": \"json\"}", "{\"authorization\" : \"***\", \"accept\": \"json\"}")]
    [DataRow("{\"Cookie\":[\"a=1\",\"b=2\"],\"Host\":[\"x\"]}", "{\"Cookie\":\"***\",\"Host\":[\"x\"]}")]
    [DataRow("{\"access_token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig\",\"expires_in\":3600}", "{\"access_token\":\"***\",\"expires_in\":3600}")]
    [DataRow("{\"password\":\"hunter2\",\"user\":\"bob\"}", "{\"password\":\"***\",\"user\":\"bob\"}")]
    [DataRow("{\"clientSecret\":\"with \\\"escaped\\\" quotes\"}", "{\"clientSecret\":\"***\"}")]
    [DataRow("{\"X-Api-Key\":\"k\"}", "{\"X-Api-Key\":\"***\"}")]
    // Query, form and cookie parameters.
    [DataRow("GET /orders?api_key=abc&x=1", "GET /orders?api_key=***&x=1")]
    [DataRow("https://api.local/cb?access_token=eyJhbGciOi.eyJzdWIi.SflKxw#frag", "https://api.local/cb?access_token=***#frag")]
    [DataRow("access_token=eyJhbGciOi", "access_token=***")]
    [DataRow("?x=1&token=t0k3n&y=2", "?x=1&token=***&y=2")]
    [DataRow("?apiKey=ABC123", "?apiKey=***")]
    [DataRow("?API_KEY=ABC123", "?API_KEY=***")]
    [DataRow("username=bob&password=hunter2", "username=bob&password=***")]
    [DataRow("passwd=hunter2 pwd=hunter3", "passwd=*** pwd=***")]
    [DataRow("client_secret=s3cr3t", "client_secret=***")]
    [DataRow("X-Amz-Signature=abcdef0123&X-Amz-Date=20240101", "X-Amz-Signature=***&X-Amz-Date=20240101")]
    [DataRow("?sig=abc%2Bdef%3D", "?sig=***")]
    [DataRow("sv=2021&sig=abc==&se=2024", "sv=2021&sig=***&se=2024")]
    [DataRow("authCode=xyz", "authCode=***")]
    [DataRow("JSESSIONID=ABCDEF0123; Path=/", "JSESSIONID=***; Path=/")]
    [DataRow("session_id=42, other=1", "session_id=***, other=1")]
    [DataRow("credentials=abc", "credentials=***")]
    [DataRow("user[password]=hunter2&user[name]=bob", "user[password]=***&user[name]=bob")]
    [DataRow("password=\"hunter 2\" next", "password=*** next")]
    [DataRow("password='hunter 2' next", "password=*** next")]
    // Names merely containing a word are redacted too: erring towards redaction is the point.
    [DataRow("monkey=banana", "monkey=***")]
    [DataRow("{\"author\":\"Ann\"}", "{\"author\":\"***\"}")]
    [DataRow("{\"keys\":[1,2]}", "{\"keys\":\"***\"}")]
    [DataRow("failed (token=abc)", "failed (token=***)")]
    [DataRow("Authorization=Bearer abc next", "Authorization=*** next")]
    [DataRow("authorization=basic dXNlcjpwYXNz next", "authorization=*** next")]
    [DataRow("<a href=\"/x?token=abc\">", "<a href=\"/x?token=***\">")]
    // Bearer tokens anywhere.
    [DataRow("invalid credentials Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc-_ rejected", "invalid credentials Bearer *** rejected")]
    [DataRow("sent bearer abc123==, got 401", "sent bearer ***, got 401")]
    [DataRow("Bearer\tabc", "Bearer\t***")]
    // Passwords in URLs.
    [DataRow("could not reach http://admin:hunter2@db.local:5432/app", "could not reach http://admin:***@db.local:5432/app")]
    [DataRow("amqp://guest:guest@localhost/", "amqp://guest:***@localhost/")]
    // name: value pairs whose name ends in a strong secret word (issue 16).
    [DataRow("login failed, password: SECRET", "login failed, password: ***")]
    [DataRow("{'api_key': 'SECRET', 'user': 'bob'}", "{'api_key': ***, 'user': 'bob'}")]
    [DataRow("client_secret:abc next", "client_secret:*** next")]
    [DataRow("Refresh Token: r4 (expired)", "Refresh Token: *** (expired)")]
    [DataRow("db password: \"hunter 2\"", "db password: ***")]
    [DataRow("credentials: admin/hunter2", "credentials: ***")]
    // Bare JSON Web Tokens wherever they stand.
    [DataRow("rejected eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl for user 1", "rejected *** for user 1")]
    [DataRow("(eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.)", "(***)")]
    public void Redact_Secret_IsReplacedAndTheRestKept(string message, string expected)
    {
        Assert.AreEqual(expected, Redactor.Redact(message));
    }

    [TestMethod]
    [DataRow("Response status code does not indicate success: 503 (Service Unavailable).")]
    [DataRow("Press any key; the keyboard is fine.")]
    [DataRow("Keyboard layout: US")]
    [DataRow("The monkey stole the key.")]
    [DataRow("Connection refused (127.0.0.1:5080)")]
    [DataRow("GET http://127.0.0.1:5080/orders/42?page=2&size=10")]
    [DataRow("Assert.AreEqual failed. Expected:<200>. Actual:<404>.")]
    [DataRow("Sessions: 3, tokens left: 0, passwords: none")]
    [DataRow("Authentication failed: the bearer token is invalid")]
    [DataRow("Bearer error=\"invalid_token\"")]
    [DataRow("Missing Bearer authentication scheme")]
    [DataRow("Authorization")]
    [DataRow("Authorization header was missing")]
    [DataRow("MyCookie: not a header we know")]
    [DataRow("token= (empty)")]
    [DataRow("http://host:8080/path@x")]
    [DataRow("")]
    [DataRow("x == y")]
    [DataRow("Passwords: none, tokens: 3")]
    [DataRow("Press the key: enter")]
    [DataRow("the eyJ prefix alone is not a token")]
    public void Redact_NothingSecret_ReturnsTheMessageUnchanged(string message)
    {
        Assert.AreEqual(message, Redactor.Redact(message));
    }

    [TestMethod]
    public void Redact_NoColonEqualsOrBearer_ReturnsTheSameInstance()
    {
        var message = "Something went wrong while processing order 42";

        Assert.AreSame(message, Redactor.Redact(message));
    }

    [TestMethod]
    public void Redact_SeveralSecrets_RedactsEach()
    {
        var message = "POST https://u:p4ss@api.local/login?api_key=k1&sig=s2 failed\nAuthorization: Bearer t3\nbody: {\"refresh_token\":\"r4\"}";

        var redacted = Redactor.Redact(message);

        Assert.AreEqual("POST https://u:***@api.local/login?api_key=***&sig=*** failed\nAuthorization: ***\nbody: {\"refresh_token\":\"***\"}", redacted);
        foreach (var secret in new[] { "p4ss", "k1", "s2", "t3", "r4" })
        {
            Assert.DoesNotContain(secret, redacted);
        }
    }

    [TestMethod]
    public void Redact_LongMessage_IsRedactedWithinTheTimeout()
    {
        // 64 KB of prose full of near misses, like an HTML error page a server might put in a message.
        var prose = string.Concat(Enumerable.Repeat("key: value, monkey business; session start. ", 1_500));
        var message = prose + "token=abc";

        var redacted = Redactor.Redact(message);

        Assert.AreEqual(prose + "token=***", redacted);
    }

    [TestMethod]
    public void Redact_PatternTimesOut_WithholdsTheWholeMessage()
    {
        // Catastrophic backtracking on purpose: nested quantifiers against a tail that never matches.
        var slow = new Regex("^(([a-z])+.)+[A-Z]([a-z])+$", RegexOptions.None, TimeSpan.FromMilliseconds(1));
        var message = "api_key=" + new string('a', 40) + "!";

        Assert.AreEqual(Redactor.Withheld, Redactor.Redact(message, slow));
        Assert.AreEqual("[message withheld: could not be redacted]", Redactor.Withheld);
    }

    [TestMethod]
    public void Redact_Null_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => Redactor.Redact(null!));
    }
}
