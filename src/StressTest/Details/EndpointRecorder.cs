// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Transport.Contracts;

namespace StressTest.Details;

/// <summary>
/// One endpoint (method + path template): its latencies and errors, how often each status code came back and the
/// bytes sent and received. Status codes are counted in a fixed array indexed by code, so a response costs one
/// Interlocked increment and no lookup; code 0 counts requests that got no response at all.
/// </summary>
internal sealed class EndpointRecorder(string name) : NamedRecorder(name)
{
    /// <summary>Codes 0 (no response) and 100–599; anything else a server sends is counted as 0.</summary>
    private const int CodeSlots = 600;

    private readonly long[] _statusCodes = new long[CodeSlots];
    private long _bytesIn;
    private long _bytesOut;

    public void Record(long microseconds, int statusCode, bool failed, long bytesOut)
    {
        Record(microseconds, failed);
        Interlocked.Increment(ref _statusCodes[statusCode is >= 100 and < CodeSlots ? statusCode : 0]);
        if (bytesOut > 0)
        {
            Interlocked.Add(ref _bytesOut, bytesOut);
        }
    }

    /// <summary>Body bytes received or sent, added as the body passes (possibly after the request was recorded).</summary>
    public void AddBytes(long bytes, bool outgoing) => Interlocked.Add(ref outgoing ? ref _bytesOut : ref _bytesIn, bytes);

    /// <summary>What was recorded since the last harvest, or null when nothing was.</summary>
    public EndpointInterval? Harvest(Func<HdrHistogram.HistogramBase, byte[]> encode)
    {
        var (latency, errors) = Harvest();
        List<StatusCount>? codes = null;
        for (var code = 0; code < CodeSlots; code++)
        {
            if (Volatile.Read(ref _statusCodes[code]) != 0)
            {
                (codes ??= []).Add(new StatusCount(code, Interlocked.Exchange(ref _statusCodes[code], 0)));
            }
        }

        var bytesIn = Interlocked.Exchange(ref _bytesIn, 0);
        var bytesOut = Interlocked.Exchange(ref _bytesOut, 0);
        return latency.TotalCount == 0 && errors == 0 && codes is null && bytesIn == 0 && bytesOut == 0
            ? null
            : new EndpointInterval(Name, encode(latency), errors, codes ?? [], bytesIn, bytesOut);
    }
}
