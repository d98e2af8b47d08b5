// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace StressTest.TestAdapter.Tests.Browser;

/// <summary>
/// A headless Chromium started for one test, with its own empty profile, background networking off and a DevTools
/// endpoint on a free port (printed on its standard error). Disposing it kills the process it started.
/// </summary>
internal sealed partial class Chromium : IDisposable
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _profile;

    private Chromium(Process process, string profile, Uri endpoint)
    {
        _process = process;
        _profile = profile;
        Endpoint = endpoint;
    }

    /// <summary>The browser's DevTools WebSocket address.</summary>
    public Uri Endpoint { get; }

    /// <summary>The first Chromium on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    public static async Task<Chromium> StartAsync(string executable, string profile)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-extensions",
            "--disable-sync", "--no-first-run", "--no-default-browser-check", "--mute-audio", "--hide-scrollbars",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start.");
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data is { } line && Listening().Match(line) is { Success: true } match)
            {
                endpoint.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return new Chromium(process, profile, await endpoint.Task.WaitAsync(StartTimeout));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            lock (log)
            {
                throw new InvalidOperationException($"{executable} printed no DevTools endpoint within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{log}");
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash reporter may still hold a file; the test folder is removed with the run anyway.
        }
    }

    [GeneratedRegex("DevTools listening on (?<url>ws://\\S+)")]
    private static partial Regex Listening();
}
