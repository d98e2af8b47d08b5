// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Diagnostics;
using System.Globalization;
using StressTest.Plan.Settings;

namespace StressTest.Monitoring.Api;

/// <summary>
/// Finds the process of the API under test named by the <c>TargetProcessId</c> or <c>TargetProcessName</c> setting.
/// A process that does not exist, or a name that several processes share, is a problem before any load: the user asked
/// for its resources, and a run that silently lacks them would be read as "the API was idle".
/// </summary>
internal static class ApiProcess
{
    /// <summary>The process to watch; null with no problem when no target is configured.</summary>
    public static (Process? Process, string? Problem) Resolve(ObservabilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.TargetProcessId is { } id)
        {
            try
            {
                var process = Process.GetProcessById(id);
                return process.HasExited ? (null, $"Setting {StressSettingsParser.SectionName}.TargetProcessId = {id}: the process has exited.") : (process, null);
            }
            catch (ArgumentException)
            {
                return (null, $"Setting {StressSettingsParser.SectionName}.TargetProcessId = {id}: no process with that id is running.");
            }
        }

        if (settings.TargetProcessName is { } name)
        {
            var processes = Process.GetProcessesByName(name);
            switch (processes.Length)
            {
                case 1:
                    return (processes[0], null);
                case 0:
                    return (null, $"Setting {StressSettingsParser.SectionName}.TargetProcessName = \"{name}\": no process of that name is running.");
                default:
                    var ids = string.Join(", ", processes.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
                    foreach (var process in processes)
                    {
                        process.Dispose();
                    }

                    return (null, $"Setting {StressSettingsParser.SectionName}.TargetProcessName = \"{name}\": {processes.Length} processes have that name ({ids}); set TargetProcessId to one of them.");
            }
        }

        return (null, null);
    }
}
