// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.Extensions.Time.Testing;
using StressTest.Monitoring.Probes;
using StressTest.Plan.Methods;

namespace StressTest.Tests.Monitoring.Probes;

[TestClass]
public sealed class ProbeSamplerTests
{
    [TestMethod]
    public async Task SampleSecond_QuickProbe_EachValueInItsSecond()
    {
        var sampler = new ProbeSampler(new FakeTimeProvider(), [new ScriptedProbe(second => new() { ["waits"] = second * 2, ["depth"] = 1 })]);

        for (var second = 0; second < 3; second++)
        {
            sampler.SampleSecond(second);
            await Task.Delay(10);
        }

        var (series, failures) = await sampler.CompleteAsync();

        Assert.IsEmpty(failures);
        Assert.AreSequenceEqual(new[] { "depth", "waits" }, series.Select(s => s.Name).ToArray());
        Assert.AreSequenceEqual(new[] { new ProbePoint(0, 0), new ProbePoint(1, 2), new ProbePoint(2, 4) }, series[1].Points.ToArray());
        Assert.AreEqual((0.0, 4.0, 2.0, 4.0), (series[1].Min, series[1].Max, series[1].Mean, series[1].Last));
    }

    [TestMethod]
    public async Task SampleSecond_ProbeThrows_SkipsAndCountsWithTheFirstMessage()
    {
        var sampler = new ProbeSampler(new FakeTimeProvider(), [new ScriptedProbe(second => second == 1 ? throw new InvalidOperationException("database is down") : new() { ["waits"] = 1 })]);

        for (var second = 0; second < 3; second++)
        {
            sampler.SampleSecond(second);
            await Task.Delay(10);
        }

        var (series, failures) = await sampler.CompleteAsync();

        Assert.AreSequenceEqual(new[] { 0, 2 }, series.Single().Points.Select(p => p.Second).ToArray());
        var failure = Assert.ContainsSingle(failures);
        Assert.AreEqual("Probe ScriptedProbe: 1 of 3 sample(s) failed and were skipped; the first: System.InvalidOperationException: database is down", failure.Describe());
    }

    [TestMethod]
    public async Task SampleSecond_ProbeHangs_TimesOutAfterTheIntervalAndSkipsTheNextWhileRunning()
    {
        var time = new FakeTimeProvider();
        var hanging = new HangingProbe();
        var sampler = new ProbeSampler(time, [hanging]);

        sampler.SampleSecond(0);
        await hanging.Started.Task;
        sampler.SampleSecond(1); // the first is still running: skipped
        time.Advance(TimeSpan.FromSeconds(1));
        var (series, failures) = await sampler.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsEmpty(series);
        var failure = Assert.ContainsSingle(failures);
        Assert.AreEqual((2, 2), (failure.Failed, failure.Attempts));
        Assert.StartsWith("a sample was still running after 1 s", failure.FirstFailure);
        Assert.IsTrue(await hanging.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)), "the probe's token is cancelled at the timeout");
    }

    private sealed class ScriptedProbe(Func<int, Dictionary<string, double>> values) : IStressProbe
    {
        private int _calls;

        public IReadOnlyCollection<string> Metrics { get; } = ["waits", "depth"];

        public ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyDictionary<string, double>>(values(_calls++));
    }

    private sealed class HangingProbe : IStressProbe
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<string> Metrics { get; } = ["x"];

        public async ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Finished.TrySetResult(cancellationToken.IsCancellationRequested);
            }

            return new Dictionary<string, double>();
        }
    }
}
