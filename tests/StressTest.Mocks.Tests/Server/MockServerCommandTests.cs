// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Text;
using StressTest.Mocks.Tests.TestSupport;

namespace StressTest.Mocks.Tests.Server;

/// <summary><c>stresstest mock profile.json</c>: serve until cancelled, then say what was served.</summary>
[TestClass]
public sealed class MockServerCommandTests
{
    private const string Profile = """{ "name": "payment-gateway", "routes": [ { "method": "POST", "path": "/v1/charges", "response": { "status": 201 } } ] }""";

    [TestMethod]
    public async Task RunAsync_ServesUntilCancelledThenPrintsWhatItServed()
    {
        using var folder = new TempFolder();
        var output = new LineWriter();
        using var stop = new CancellationTokenSource();

        var running = MockServerCommand.RunAsync(folder.File("gateway.json", Profile), port: null, output, stop.Token);
        var listening = await output.FirstLineAsync(l => l.Contains("listening on", StringComparison.Ordinal));
        var address = new Uri(listening.Split("listening on ")[1].Split(' ')[0]);
        using (var client = new HttpClient { BaseAddress = address })
        {
            (await client.PostAsync("v1/charges", null)).Dispose();
            (await client.PostAsync("v1/charges", null)).Dispose();
        }

        await stop.CancelAsync();

        Assert.AreEqual(MockServerCommand.Stopped, await running);
        Assert.StartsWith("Mock \"payment-gateway\" listening on http://127.0.0.1:", listening);
        Assert.Contains("  POST /v1/charges → 201; latency constant 0s", output.Text);
        Assert.Contains("Served:", output.Text);
        Assert.Contains("  POST /v1/charges 201           2", output.Text);
    }

    [TestMethod]
    public async Task RunAsync_BadProfile_FailsWithTheReason()
    {
        using var folder = new TempFolder();
        var output = new LineWriter();

        var exitCode = await MockServerCommand.RunAsync(folder.File("gateway.json", """{ "name": "x", "routes": [ { "method": "GET", "path": "/", "latncy": {} } ] }"""), null, output, CancellationToken.None);

        Assert.AreEqual(MockServerCommand.Failed, exitCode);
        Assert.AreEqual("stresstest mock: gateway.json line 1, routes[0].latncy: is not a field of a route; expected method, path, response, latency, failures or rateLimit" + Environment.NewLine, output.Text);
    }

    [TestMethod]
    public async Task RunAsync_MissingProfile_FailsNamingIt()
    {
        var output = new LineWriter();

        var exitCode = await MockServerCommand.RunAsync("no-such-profile.json", null, output, CancellationToken.None);

        Assert.AreEqual(MockServerCommand.Failed, exitCode);
        Assert.StartsWith("stresstest mock: The mock profile \"no-such-profile.json\" does not exist.", output.Text);
    }

    /// <summary>Collects lines from the command's task and lets the test wait for one.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();
        private readonly SemaphoreSlim _written = new(0);

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                _text.Append(value);
            }

            if (value == '\n')
            {
                _written.Release();
            }
        }

        public async Task<string> FirstLineAsync(Func<string, bool> match)
        {
            while (true)
            {
                if (Text.Split(Environment.NewLine).FirstOrDefault(match) is { } line)
                {
                    return line;
                }

                Assert.IsTrue(await _written.WaitAsync(TimeSpan.FromSeconds(30)), "the command printed no such line: " + Text);
            }
        }

        protected override void Dispose(bool disposing)
        {
            _written.Dispose();
            base.Dispose(disposing);
        }
    }
}
