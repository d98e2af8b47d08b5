// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using HdrHistogram;
using StressTest.Plan.Methods;
using StressTest.Transport;
using StressTest.Transport.Contracts;
using StressTest.Workers.Recording;

namespace StressTest.Tests.Workers.Recording;

/// <summary>One endpoint's requests: latency and errors (from <see cref="NamedRecorder"/>), a count per status code
/// with 0 for no response, and bytes in each direction, handed over once per harvest.</summary>
[TestClass]
public sealed class EndpointRecorderTests
{
    [TestMethod]
    public void Record_StatusCodes_AreCountedPerCodeWithZeroForNoResponse()
    {
        var endpoint = new EndpointRecorder("GET /orders/{id}");

        endpoint.Record(1_000, 200, failed: false, bytesOut: 0);
        endpoint.Record(2_000, 200, failed: false, bytesOut: 0);
        endpoint.Record(3_000, 500, failed: true, bytesOut: 0);
        endpoint.Record(4_000, 0, failed: true, bytesOut: 0);

        var interval = Harvest(endpoint)!;
        Assert.AreEqual("GET /orders/{id}", interval.Name);
        Assert.AreSequenceEqual(new[] { new StatusCount(0, 1), new StatusCount(200, 2), new StatusCount(500, 1) }, interval.StatusCodes.ToArray());
        Assert.AreEqual(2, interval.Errors);
        Assert.AreEqual(4, HistogramCodec.Decode(interval.Latency).TotalCount);
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(99)]
    [DataRow(600)]
    [DataRow(1000)]
    public void Record_CodeOutsideTheHttpRange_CountsAsNoResponse(int code)
    {
        var endpoint = new EndpointRecorder("GET /");

        endpoint.Record(1_000, code, failed: true, bytesOut: 0);

        Assert.AreEqual(new StatusCount(0, 1), Assert.ContainsSingle(Harvest(endpoint)!.StatusCodes));
    }

    [TestMethod]
    [DataRow(100)]
    [DataRow(599)]
    public void Record_CodeAtTheEdgesOfTheHttpRange_IsCountedAsItself(int code)
    {
        var endpoint = new EndpointRecorder("GET /");

        endpoint.Record(1_000, code, failed: false, bytesOut: 0);

        Assert.AreEqual(new StatusCount(code, 1), Assert.ContainsSingle(Harvest(endpoint)!.StatusCodes));
    }

    [TestMethod]
    public void RecordAndAddBytes_AreSummedPerDirection()
    {
        var endpoint = new EndpointRecorder("POST /orders");

        endpoint.Record(1_000, 201, failed: false, bytesOut: 100);
        endpoint.Record(1_000, 201, failed: false, bytesOut: 0);
        endpoint.AddBytes(7, outgoing: true);
        endpoint.AddBytes(250, outgoing: false);
        endpoint.AddBytes(50, outgoing: false);

        var interval = Harvest(endpoint)!;
        Assert.AreEqual(107, interval.BytesOut);
        Assert.AreEqual(300, interval.BytesIn);
    }

    [TestMethod]
    public void Harvest_NothingRecorded_ReturnsNull()
    {
        Assert.IsNull(Harvest(new EndpointRecorder("GET /")));
    }

    [TestMethod]
    public void Harvest_Twice_CountsEachRequestOnce()
    {
        var endpoint = new EndpointRecorder("GET /");
        endpoint.Record(1_000, 200, failed: true, bytesOut: 3);

        var first = Harvest(endpoint);
        var second = Harvest(endpoint);

        Assert.IsNotNull(first);
        Assert.AreEqual(1, first.Errors);
        Assert.IsNull(second);
    }

    [TestMethod]
    public void Harvest_BodyReadAfterItsRequestWasHarvested_BytesArriveInTheNextInterval()
    {
        var endpoint = new EndpointRecorder("GET /big");
        endpoint.Record(1_000, 200, failed: false, bytesOut: 0);
        var first = Harvest(endpoint)!;

        endpoint.AddBytes(4_096, outgoing: false);
        var second = Harvest(endpoint);

        Assert.AreEqual(0, first.BytesIn);
        Assert.IsNotNull(second, "bytes alone are worth an interval");
        Assert.AreEqual(4_096, second.BytesIn);
        Assert.IsEmpty(second.StatusCodes);
        Assert.AreEqual(0, HistogramCodec.Decode(second.Latency).TotalCount);
    }

    [TestMethod]
    public void Record_LatencyInMicroseconds_IsKeptAtHistogramResolution()
    {
        var endpoint = new EndpointRecorder("GET /");

        endpoint.Record(7_000, 200, failed: false, bytesOut: 0);
        endpoint.Record(12_500, 200, failed: false, bytesOut: 0);

        var latency = HistogramCodec.Decode(Harvest(endpoint)!.Latency);
        Assert.AreEqual(2, latency.TotalCount);
        Assert.AreEqual(latency.LowestEquivalentValue(12_500), latency.LowestEquivalentValue(latency.GetMaxValue()));
        Assert.AreEqual(1, latency.GetCountAtValue(7_000));
    }

    [TestMethod]
    public void Record_NegativeOrHugeValue_IsClampedIntoTheHistogram()
    {
        var step = new NamedRecorder("s");

        step.Record(-5, failed: false);
        step.Record(long.MaxValue, failed: false);

        var (latency, errors) = step.Harvest();
        Assert.AreEqual(2, latency.TotalCount);
        Assert.AreEqual(1, latency.GetCountAtValue(0));
        Assert.AreEqual(0, errors);
    }

    [TestMethod]
    public void Record_FromManyThreadsWhileHarvesting_EveryRequestIsHarvestedExactlyOnce()
    {
        // Threads on different processors write different stripes; a thread moved mid-record may share one. Whatever
        // the mapping, the harvests together must hold every request, status code and byte once.
        const int Threads = 4;
        const int PerThread = 20_000;
        var endpoint = new EndpointRecorder("GET /");
        using var start = new Barrier(Threads + 1);
        var writers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                endpoint.Record(100 + i, i % 10 == 0 ? 500 : 200, failed: i % 10 == 0, bytesOut: 2);
                endpoint.AddBytes(3, outgoing: false);
            }
        })).ToList();
        writers.ForEach(w => w.Start());

        start.SignalAndWait();
        var harvests = new List<EndpointInterval>();
        while (writers.Any(w => w.IsAlive))
        {
            if (Harvest(endpoint) is { } interval)
            {
                harvests.Add(interval);
            }
        }

        writers.ForEach(w => w.Join());
        if (Harvest(endpoint) is { } last)
        {
            harvests.Add(last);
        }

        const long Total = (long)Threads * PerThread;
        Assert.AreEqual(Total, harvests.Sum(h => HistogramCodec.Decode(h.Latency).TotalCount));
        Assert.AreEqual(Total / 10, harvests.Sum(h => h.Errors));
        Assert.AreEqual(Total / 10, harvests.SelectMany(h => h.StatusCodes).Where(c => c.Code == 500).Sum(c => c.Count));
        Assert.AreEqual(Total - (Total / 10), harvests.SelectMany(h => h.StatusCodes).Where(c => c.Code == 200).Sum(c => c.Count));
        Assert.AreEqual(Total * 2, harvests.Sum(h => h.BytesOut));
        Assert.AreEqual(Total * 3, harvests.Sum(h => h.BytesIn));
    }

    private static EndpointInterval? Harvest(EndpointRecorder endpoint) => endpoint.Harvest(HistogramCodec.Encode);
}
