// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest;

namespace HostileFixture;

/// <summary>
/// Secrets planted where a user's code or a server would put them (item 12 of issue 16). Every one carries the marker
/// HOSTILE-SECRET; the end-to-end test scans every file the run wrote (TRX, JSON, HTML, Markdown, CSV, hlog, hgrm) and
/// the console for it.
/// </summary>
public static class SecretStressTests
{
    public const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJIT1NUSUxFIn0.SE9TVElMRS1TRUNSRVQ";

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void SecretPasswordInMessage() => throw new InvalidOperationException("login failed, password: HOSTILE-SECRET-1 for user bob");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void SecretBareJwt() => throw new InvalidOperationException($"rejected {Jwt} for user bob");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void SecretDictionaryKey() => throw new InvalidOperationException("config was {'api_key': 'HOSTILE-SECRET-3', 'region': 'eu'}");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    [Threshold("checks > 99%")]
    public static void SecretCheckName(StressContext ctx) => ctx.Check(false, "token=HOSTILE-SECRET-4");
}

/// <summary>A setup whose exception carries a secret: the problem line is redacted too.</summary>
public static class SecretSetupStressTests
{
    [StressSetup]
    public static void Setup() => throw new InvalidOperationException("could not log in: Authorization: Bearer HOSTILE-SECRET-5");

    [StressTest(WarmUp = "0s", Duration = "1s")]
    public static void SecretInSetup()
    {
    }
}
