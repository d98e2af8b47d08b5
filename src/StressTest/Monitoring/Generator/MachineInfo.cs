// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using System.Runtime.InteropServices;

namespace StressTest.Monitoring.Generator;

/// <summary>The machine the generator runs on: what a report records, and what a regression gate compares before it
/// trusts a baseline measured elsewhere.</summary>
internal sealed record MachineInfo(string Machine, string Os, int Cores, string Runtime, string ToolVersion, string? Cpu)
{
    /// <summary>This process's machine, read once.</summary>
    public static MachineInfo Current { get; } = new(
        Environment.MachineName,
        RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        typeof(MachineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        CpuModel.Read());
}
