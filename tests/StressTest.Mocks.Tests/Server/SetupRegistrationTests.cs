// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Mocks.Tests.TestSupport;

namespace StressTest.Mocks.Tests.Server;

/// <summary>The one call of a [StressSetup]: start, and report into the run.</summary>
[TestClass]
public sealed class SetupRegistrationTests
{
    [TestMethod]
    public async Task StartAsync_WithSetup_RegistersWhatItServesUnderTheProfilesName()
    {
        // The engine creates the context; its constructor is internal to the engine (optional parameters at defaults).
        var constructor = typeof(StressSetupContext).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic).Single();
        var setup = (StressSetupContext)constructor.Invoke([.. constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : null)]);

        await using var server = await MockServer.StartAsync(TestProfiles.OneOfEach(), setup, CancellationToken.None);
        using (var client = new HttpClient { BaseAddress = server.BaseAddress })
        {
            (await client.GetAsync("v1/charges/1")).Dispose();
        }

        var registered = (IReadOnlyList<(string Name, Func<IReadOnlyDictionary<string, long>> Read)>)typeof(StressSetupContext)
            .GetProperty("Dependencies", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(setup)!;
        var (name, read) = registered.Single();
        Assert.AreEqual("gateway", name);
        Assert.AreEqual(1L, read()["GET /v1/charges/{id} 200"]);
    }
}
