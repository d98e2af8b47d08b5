// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Mocks.Profiles;
using StressTest.Mocks.Simulation;

namespace StressTest.Mocks;

/// <summary>
/// A simulated dependency: its name, seed and routes. Built in code or read from a JSON profile
/// (<see cref="Load"/>; the format is in docs/simulated-dependencies.md); run by a <see cref="MockDependency"/>
/// in process or a <see cref="MockServer"/>.
/// </summary>
public sealed class MockProfile
{
    /// <summary>A profile with no routes yet.</summary>
    /// <param name="name">The dependency's name in reports, e.g. <c>payment-gateway</c>: at most 100 printable
    /// characters.</param>
    public MockProfile(string name)
    {
        Name = Check.Name(name, "name");
    }

    /// <summary>The dependency's name in reports.</summary>
    public string Name { get; }

    /// <summary>Seeds every route's random sequence (each route its own, derived from this seed and its position),
    /// so the same seed and the same order of requests give the same outcomes and latencies.</summary>
    /// <value>Default 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>The routes, matched in order: the first whose method and path match answers. A request no route
    /// matches gets 404 and is counted as <c>unmatched</c>.</summary>
    public IList<MockRoute> Routes { get; } = new List<MockRoute>();

    /// <summary>Reads a JSON profile file. Relative <c>file</c> paths of empirical latencies are relative to the
    /// profile's folder.</summary>
    /// <param name="path">The profile file.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The profile is not valid; the message names the file, the line and
    /// the field, what is wrong and what was expected.</exception>
    public static MockProfile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The mock profile \"{path}\" does not exist.", full);
        }

        return ProfileReader.Read(File.ReadAllText(full), System.IO.Path.GetFileName(full), System.IO.Path.GetDirectoryName(full)!);
    }

    /// <summary>Reads a JSON profile from text. Relative <c>file</c> paths are relative to the current folder.</summary>
    /// <param name="json">The profile.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="InvalidDataException">The profile is not valid; the message names the line and the field.</exception>
    public static MockProfile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ProfileReader.Read(json, "profile", Directory.GetCurrentDirectory());
    }
}
