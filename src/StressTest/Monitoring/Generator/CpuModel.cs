// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Runtime.InteropServices;

namespace StressTest.Monitoring.Generator;

/// <summary>The processor's model name, part of a baseline's machine fingerprint: two machines with the same core
/// count and OS but another CPU measure different numbers.</summary>
internal static class CpuModel
{
    /// <summary><c>AMD EPYC 7763 64-Core Processor</c> and the like; the architecture when the model is unknown.</summary>
    public static string Read()
    {
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line?.Split(':', 2) is [_, var name] && name.Trim().Length > 0)
                {
                    return name.Trim();
                }
            }

            if (OperatingSystem.IsWindows() && Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") is { Length: > 0 } identifier)
            {
                return identifier.Trim();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A fingerprint without the model is still a fingerprint.
        }

        return RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
    }
}
