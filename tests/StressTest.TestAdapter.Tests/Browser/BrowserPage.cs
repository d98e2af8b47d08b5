// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text.Json;

namespace StressTest.TestAdapter.Tests.Browser;

/// <summary>
/// One page of a <see cref="Chromium"/>, with the network switched off, recording what a report must never cause:
/// console errors, uncaught exceptions, dialogs (an <c>alert</c> that ran) and requests for anything but the file.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _dialogs = [];
    private readonly List<string> _requests = [];
    private DevToolsConnection? _connection;
    private string _session = string.Empty;
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BrowserPage()
    {
    }

    /// <summary>Console errors and warnings, uncaught exceptions and error log entries (a blocked request, a CSP
    /// violation).</summary>
    public IReadOnlyList<string> Errors => Snapshot(_errors);

    public IReadOnlyList<string> Dialogs => Snapshot(_dialogs);

    public IReadOnlyList<string> Requests => Snapshot(_requests);

    public static async Task<BrowserPage> OpenAsync(Chromium browser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = new BrowserPage();
        page._connection = await DevToolsConnection.ConnectAsync(browser.Endpoint, page.OnEvent, cancellationToken);
        var target = await page._connection.SendAsync("Target.createTarget", new { url = "about:blank" });
        var attached = await page._connection.SendAsync("Target.attachToTarget", new { targetId = target.GetProperty("targetId").GetString(), flatten = true });
        page._session = attached.GetProperty("sessionId").GetString()!;
        foreach (var domain in new[] { "Runtime.enable", "Log.enable", "Page.enable", "Network.enable" })
        {
            await page.SendAsync(domain);
        }

        await page.SendAsync("Network.emulateNetworkConditions", new { offline = true, latency = 0, downloadThroughput = -1, uploadThroughput = -1 });
        return page;
    }

    public Task<JsonElement> SendAsync(string method, object? parameters = null) =>
        _connection!.SendAsync(method, parameters, _session);

    /// <summary>Sets the viewport: a laptop (1280 px) or a phone (390 px, mobile: the page's viewport meta applies).</summary>
    public Task ResizeAsync(int width, int height, bool mobile) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile });

    /// <summary>Navigates and waits for the load event.</summary>
    public async Task NavigateAsync(Uri url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var navigation = await SendAsync("Page.navigate", new { url = url.AbsoluteUri });
        if (navigation.TryGetProperty("errorText", out var error))
        {
            Assert.Fail($"Navigating to {url} failed: {error.GetString()}");
        }

        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates a script expression in the page and returns its value (serialised by the browser).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var evaluation = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true });
        if (evaluation.TryGetProperty("exceptionDetails", out var exception))
        {
            Assert.Fail($"Evaluating in the page threw: {exception}");
        }

        return evaluation.GetProperty("result").GetProperty("value").Clone();
    }

    /// <summary>A PNG of the whole page, not just the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics.GetProperty("cssContentSize");
        var clip = new { x = 0, y = 0, width = size.GetProperty("width").GetDouble(), height = size.GetProperty("height").GetDouble(), scale = 1 };
        var shot = await SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true, clip });
        return Convert.FromBase64String(shot.GetProperty("data").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private static IReadOnlyList<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    private static void Add(List<string> list, string entry)
    {
        lock (list)
        {
            list.Add(entry);
        }
    }

    private void OnEvent(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Page.javascriptDialogOpening":
                Add(_dialogs, parameters.GetProperty("message").GetString() ?? string.Empty);
                // An open dialog blocks the page's load event: dismiss it so the test fails on the dialog, not on a
                // timeout (the reply is not awaited: this runs on the connection's receiving thread).
                _ = SendAsync("Page.handleJavaScriptDialog", new { accept = false });
                break;
            case "Runtime.exceptionThrown":
                Add(_errors, "exception: " + parameters.GetProperty("exceptionDetails"));
                break;
            case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() is "error" or "assert" or "warning":
                Add(_errors, "console: " + parameters.GetProperty("args"));
                break;
            case "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() is "error" or "warning":
                Add(_errors, "log: " + parameters.GetProperty("entry").GetProperty("text").GetString());
                break;
            case "Network.requestWillBeSent":
                Add(_requests, parameters.GetProperty("request").GetProperty("url").GetString() ?? string.Empty);
                break;
        }
    }
}
