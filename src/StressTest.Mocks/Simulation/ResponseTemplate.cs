// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;

namespace StressTest.Mocks.Simulation;

/// <summary>A <see cref="MockResponse"/> made ready to send many times: the body encoded once, headers checked once.</summary>
internal sealed class ResponseTemplate
{
    public const string DefaultContentType = "text/plain; charset=utf-8";

    private ResponseTemplate(int status, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers, string? contentType)
    {
        Status = status;
        Body = body;
        Headers = headers;
        ContentType = contentType;
    }

    /// <summary>The answer of a rate-limited request (its Retry-After is added per request).</summary>
    public static ResponseTemplate TooManyRequests { get; } = new(429, "Too Many Requests: the simulated dependency's rate limit was exceeded."u8.ToArray(), [], DefaultContentType);

    /// <summary>The answer to a request no route matches.</summary>
    public static ResponseTemplate NotFound { get; } = new(404, "No route of the simulated dependency matches this request."u8.ToArray(), [], DefaultContentType);

    public int Status { get; }

    /// <summary>Shared by every response sent from this template: never written to.</summary>
    public byte[] Body { get; }

    /// <summary>Every header but Content-Type.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Null when there is no body and none was given.</summary>
    public string? ContentType { get; }

    /// <summary>Checks header names and values (no CR or LF: a profile must not be able to inject headers) and
    /// encodes the body.</summary>
    public static ResponseTemplate From(MockResponse response)
    {
        string? contentType = null;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in response.Headers)
        {
            if (string.IsNullOrEmpty(name) || !name.All(c => c is > ' ' and < '\u007f' and not ':' and not '(' and not ')' and not '"' and not ','))
            {
                throw new MockDefinitionException("headers", $"\"{Check.Shorten(name ?? string.Empty)}\" is not a header name; expected a token such as Retry-After");
            }

            if (value is null || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                throw new MockDefinitionException("headers", $"the value of \"{name}\" spans lines or is missing; expected one line of text");
            }

            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(KeyValuePair.Create(name, value));
            }
        }

        var body = Encoding.UTF8.GetBytes(response.Body);
        return new ResponseTemplate(response.Status, body, headers, contentType ?? (body.Length > 0 ? DefaultContentType : null));
    }
}
