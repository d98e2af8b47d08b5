// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Workers.Recording;

/// <summary>
/// One endpoint (method + path template): its latencies and errors, how often each status code came back and the
/// bytes sent and received, in the stripes of <see cref="NamedRecorder"/>; code 0 counts requests that got no response
/// at all.
/// </summary>
internal sealed class EndpointRecorder(string name) : NamedRecorder(name)
{
    /// <summary>Codes 0 (no response) and 100–599; anything else a server sends is counted as 0.</summary>
    private const int CodeSlots = 600;

    public void Record(long microseconds, int statusCode, bool failed, long bytesOut)
    {
        var stripe = (EndpointStripe)CurrentStripe();
        Record(stripe, microseconds, failed);
        Interlocked.Increment(ref stripe.StatusCodes[statusCode is >= 100 and < CodeSlots ? statusCode : 0]);
        if (bytesOut > 0)
        {
            Interlocked.Add(ref stripe.BytesOut, bytesOut);
        }
    }

    /// <summary>Body bytes received or sent, added as the body passes (possibly after the request was recorded).</summary>
    public void AddBytes(long bytes, bool outgoing)
    {
        var stripe = (EndpointStripe)CurrentStripe();
        Interlocked.Add(ref outgoing ? ref stripe.BytesOut : ref stripe.BytesIn, bytes);
    }

    /// <summary>What was recorded since the last harvest, or null when nothing was.</summary>
    public EndpointInterval? Harvest(Func<HdrHistogram.HistogramBase, byte[]> encode)
    {
        var (latency, errors) = Harvest();
        var counts = new long[CodeSlots];
        long bytesIn = 0, bytesOut = 0;
        foreach (var stripe in Stripes().Cast<EndpointStripe>())
        {
            for (var code = 0; code < CodeSlots; code++)
            {
                if (Volatile.Read(ref stripe.StatusCodes[code]) != 0)
                {
                    counts[code] += Interlocked.Exchange(ref stripe.StatusCodes[code], 0);
                }
            }

            bytesIn += Interlocked.Exchange(ref stripe.BytesIn, 0);
            bytesOut += Interlocked.Exchange(ref stripe.BytesOut, 0);
        }

        List<StatusCount>? codes = null;
        for (var code = 0; code < CodeSlots; code++)
        {
            if (counts[code] != 0)
            {
                (codes ??= []).Add(new StatusCount(code, counts[code]));
            }
        }

        return latency.TotalCount == 0 && errors == 0 && codes is null && bytesIn == 0 && bytesOut == 0
            ? null
            : new EndpointInterval(Name, encode(latency), errors, codes ?? [], bytesIn, bytesOut);
    }

    protected override Stripe CreateStripe() => new EndpointStripe();

    /// <summary>A stripe with the endpoint's counters: one slot per status code, so a response costs one Interlocked
    /// increment and no lookup.</summary>
    private sealed class EndpointStripe : Stripe
    {
#pragma warning disable SA1401, CA1051 // Fields, so that writers can update them with Interlocked.
        public readonly long[] StatusCodes = new long[CodeSlots];
        public long BytesIn;
        public long BytesOut;
#pragma warning restore SA1401, CA1051
    }
}
