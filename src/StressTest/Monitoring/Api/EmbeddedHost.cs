// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Globalization;

namespace StressTest.Monitoring.Api;

/// <summary>
/// Whether the API answers from inside the test process (a host started by <c>[StressSetup]</c>): then its CPU,
/// memory, GC and thread pool are the test process's, which the generator's health already samples every second, and
/// the report says so. On Linux: a socket listening on the base address's port (<c>/proc/net/tcp</c>, <c>tcp6</c>)
/// whose inode is among this process's file descriptors. Elsewhere unknown (false).
/// </summary>
internal static class EmbeddedHost
{
    public static bool ListensOn(int port)
    {
        if (!OperatingSystem.IsLinux() || port <= 0)
        {
            return false;
        }

        try
        {
            var inodes = ListeningInodes("/proc/net/tcp", port).Concat(ListeningInodes("/proc/net/tcp6", port)).ToHashSet(StringComparer.Ordinal);
            return inodes.Count > 0 && new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
                .Select(fd => fd.LinkTarget)
                .Any(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Inodes of the sockets listening (state 0A) on <paramref name="port"/>.</summary>
    private static IEnumerable<string> ListeningInodes(string table, int port)
    {
        if (!File.Exists(table))
        {
            yield break;
        }

        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 9 && fields[1].EndsWith(hexPort, StringComparison.Ordinal) && fields[3] == "0A")
            {
                yield return fields[9];
            }
        }
    }
}
