// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics.CodeAnalysis;

namespace StressTest.Plan.Settings;

/// <summary>Checks a base address from any source (setting, environment, setup): absolute, http or https.</summary>
internal static class HttpAddress
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri))
        {
            problem = "expected an absolute http or https address such as \"http://127.0.0.1:5080/\".";
            return false;
        }

        return Check(uri, out address, out problem);
    }

    public static bool Check(Uri uri, [NotNullWhen(true)] out Uri? address, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(uri);
        address = null;
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = "expected an absolute http or https address such as \"http://127.0.0.1:5080/\".";
            return false;
        }

        // A base address without a trailing slash drops its last segment from relative requests ("api" + "orders").
        // The slash goes after the path, not after a query or fragment.
        address = uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/" + uri.Query + uri.Fragment);
        problem = null;
        return true;
    }
}
