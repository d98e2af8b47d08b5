// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.RegularExpressions;

namespace StressTest.Errors;

/// <summary>
/// Removes secrets from an error message before it is kept as a sample or written to a report. Messages come from
/// servers and from user code, and reports end up attached to CI runs and shared: an echoed <c>Authorization</c>
/// header or a <c>?api_key=</c> in a URL must not travel with them.
/// </summary>
/// <remarks>
/// <para>What is redacted (names case-insensitive; the name stays, the value becomes <c>***</c>):</para>
/// <list type="bullet">
/// <item>Header lines <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c>, <c>Set-Cookie</c>, <c>Api-Key</c>,
/// <c>Ocp-Apim-Subscription-Key</c> and any <c>X-…</c> header whose name contains a secret word (below):
/// <c>Authorization: Bearer abc</c> → <c>Authorization: ***</c>. The value runs to the end of the line, so redact
/// before line endings are flattened.</item>
/// <item>JSON properties whose name contains a secret word (below) or <c>cookie</c>: <c>"access_token":"eyJ…"</c> →
/// <c>"access_token":"***"</c>; the value is a string or an array.</item>
/// <item>Query, form and cookie parameters whose name contains <c>token</c>, <c>key</c>, <c>password</c>,
/// <c>passwd</c>, <c>pwd</c>, <c>secret</c>, <c>sig</c> (and so <c>signature</c>), <c>auth</c>, <c>session</c> or
/// <c>credential</c>: <c>?api_key=abc&amp;x=1</c> → <c>?api_key=***&amp;x=1</c>. Only <c>name=value</c>: the word
/// "keyboard" in prose is left alone, while <c>monkey=1</c> is redacted too; erring towards redaction is the point.</item>
/// <item><c>Bearer</c> tokens anywhere (<c>Bearer eyJ…</c> → <c>Bearer ***</c>), except before a few words that
/// make it prose ("bearer token", "Bearer error=").</item>
/// <item>Passwords in URLs: <c>http://user:pw@host</c> → <c>http://user:***@host</c>.</item>
/// <item><c>name: value</c> pairs (YAML, logs, Python dicts) whose name ends in <c>password</c>, <c>passwd</c>,
/// <c>pwd</c>, <c>secret</c>, <c>token</c>, <c>api_key</c>/<c>apikey</c>, <c>private_key</c> or <c>credential(s)</c>,
/// quoted or not: <c>password: hunter2</c> → <c>password: ***</c>, <c>'api_key': 'k'</c> → <c>'api_key': ***</c>.
/// Narrower than the <c>=</c> rule on purpose: prose is full of colons ("Sessions: 3, tokens left: 0").</item>
/// <item>Bare JSON Web Tokens, whose header and payload both start with <c>eyJ</c> (base64 of <c>{"</c>):
/// <c>eyJhbGciOi….eyJzdWIi….sig</c> → <c>***</c>, wherever they stand.</item>
/// </list>
/// <para>One source-generated regex does all of it in one pass, so a value is never redacted twice. A message with
/// neither <c>:</c>, <c>=</c>, "bearer" nor "eyJ" skips the regex (~15 ns); otherwise it costs about 1–2 µs per 100
/// characters, so call it on the messages that are kept, not on every error. The regex has a 2 s timeout: text
/// crafted to backtrack that long is withheld entirely rather than kept unredacted. The timeout is generous because
/// it is wall time: on a generator whose cores are saturated by the load, a 100 ms limit withheld ordinary
/// messages (seen in tests with four test processes on two cores).</para>
/// </remarks>
internal static partial class Redactor
{
    /// <summary>What replaces a message that could not be redacted in time.</summary>
    public const string Withheld = "[message withheld: could not be redacted]";

    private const string Mask = "***";

    private const string JsonMask = "\"***\"";

    private const int TimeoutMilliseconds = 2000;

    private const string SecretWords = "token|key|password|passwd|pwd|secret|sig|auth|session|credential";

    /// <summary>Characters of a parameter name: word characters and what forms use (<c>user[password]</c>,
    /// <c>X-Amz-Signature</c>, percent-encoded brackets).</summary>
    private const string NameChar = @"[\w.\-\[\]%]";

    private const string HeaderName =
        @"(?:authorization|proxy-authorization|cookie|set-cookie|api-key|ocp-apim-subscription-key|x-[\w\-]*(?:" + SecretWords + @")[\w\-]*)";

    // "json" keeps its quotes ("***"); "value" becomes *** as it stands.
    private const string JsonProperty =
        @"""[^""\\\r\n]{0,100}?(?:" + SecretWords + @"|cookie)[^""\\\r\n]{0,100}""\s*:\s*(?<json>""(?:[^""\\]|\\.)*""|\[[^\]]*\])";

    // The header and parameter rules start their match at the ':' or '=' and look back for the name, so the regex
    // only stops at '"', ':', '=' and 'b' instead of trying a name at the start of every word (5x faster on prose).
    private const string HeaderLine = @"(?<=(?<![\w\-])" + HeaderName + @"[ \t]*):[ \t]*(?<value>\S[^\r\n]*)";

    // A parameter's value may be a whole "Bearer x" (Authorization=Bearer x): redacting only "Bearer" would leave x.
    private const string Parameter =
        @"(?<=(?<!" + NameChar + ")" + NameChar + "*?(?:" + SecretWords + ")" + NameChar + @"*)=(?<value>""[^""]*""|'[^']*'|(?:(?:bearer|basic)[ \t]+)?[^\s&#""'<>,;()]+)";

    private const string BearerToken =
        @"(?<![\w\-])bearer[ \t]+(?!(?:tokens?|authentication|authorization|scheme|realm|error)\b)(?<value>[\w\-.~+/]+=*)";

    private const string UrlPassword = @"://[^\s/?#@:]*:(?<value>[^\s/?#@]+)@";

    private const string StrongSecretWords = @"(?:password|passwd|pwd|secret|token|api[_\-]?key|private[_\-]?key|credentials?)";

    // The name ends in a strong secret word (an optional closing quote after it: 'api_key': 'k').
    private const string ColonPair =
        @"(?<=(?<!" + NameChar + ")" + NameChar + "*?" + StrongSecretWords + @"['""]?[ \t]*):[ \t]*(?<value>""[^""\r\n]*""|'[^'\r\n]*'|(?:(?:bearer|basic)[ \t]+)?[^\s,;&#""'<>()\[\]{}]+)";

    private const string Jwt = @"(?<![\w\-.])(?<value>eyJ[\w\-]+\.eyJ[\w\-]+\.[\w\-]*)";

    private const string Pattern = JsonProperty + "|" + HeaderLine + "|" + Parameter + "|" + BearerToken + "|" + UrlPassword + "|" + ColonPair + "|" + Jwt;

    /// <summary>Returns <paramref name="message"/> with secret values replaced by <c>***</c>, the message itself when
    /// there is nothing to redact, or <see cref="Withheld"/> when redaction timed out.</summary>
    public static string Redact(string message) => Redact(message, Secrets());

    /// <summary>The same with another pattern: a seam for testing the timeout path.</summary>
    internal static string Redact(string message, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(pattern);

        // Every rule needs a ':' or '=' except a bare bearer token or JWT; most messages have none and skip the regex.
        if (message.AsSpan().IndexOfAny(':', '=') < 0 && !message.Contains("bearer", StringComparison.OrdinalIgnoreCase) && !message.Contains("eyJ", StringComparison.Ordinal))
        {
            return message;
        }

        try
        {
            return pattern.Replace(message, static match => MaskSecret(match));
        }
        catch (RegexMatchTimeoutException)
        {
            return Withheld;
        }
    }

    /// <summary>The match with its secret group replaced; the name and separators around it stay.</summary>
    private static string MaskSecret(Match match)
    {
        var secret = match.Groups["value"];
        var mask = Mask;
        if (!secret.Success)
        {
            secret = match.Groups["json"];
            mask = JsonMask;
        }

        if (!secret.Success)
        {
            return match.Value;
        }

        var start = secret.Index - match.Index;
        var text = match.ValueSpan;
        return string.Concat(text[..start], mask, text[(start + secret.Length)..]);
    }

    [GeneratedRegex(Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMilliseconds)]
    private static partial Regex Secrets();
}
