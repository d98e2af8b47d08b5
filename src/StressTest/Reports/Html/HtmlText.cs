// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Net;

namespace StressTest.Reports.Html;

/// <summary>
/// The one way text enters the HTML report. Exception messages, endpoint, step and check names and test names come
/// from user code or a server: every string is encoded here (&lt; &gt; &amp; &quot; and &#39;), in element
/// content and in attribute values alike, so a <c>&lt;script&gt;</c> in an error message is shown, never run.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
