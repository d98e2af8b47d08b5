// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Reports.Markdown;

/// <summary>
/// GitHub Actions shows the Markdown appended to the file named by <c>GITHUB_STEP_SUMMARY</c> on the run's summary
/// page. The variable is read through the function given here, so a test points it at a temporary file without
/// touching the process environment (which every test in the process shares).
/// </summary>
internal sealed class GitHubStepSummary(Func<string, string?> variable)
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    /// <summary>Reads the real process environment.</summary>
    public static GitHubStepSummary FromEnvironment { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>The summary file, or null outside GitHub Actions.</summary>
    public string? Path => variable(Variable) is { Length: > 0 } path ? path : null;

    /// <summary>Appends the Markdown when the variable is set. The summary is a convenience next to the attached
    /// .md file, so a summary file that cannot be written never fails the test's reports.</summary>
    public async ValueTask AppendAsync(string markdown, CancellationToken cancellationToken)
    {
        if (Path is not { } path)
        {
            return;
        }

        try
        {
            await File.AppendAllTextAsync(path, markdown + "\n", cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
