// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace StressTest.TestAdapter.Discovery;

/// <summary>Test properties the adapter sets and filters on.</summary>
internal static class TestProperties
{
    /// <summary>The TRX logger writes &lt;TestCategory&gt; only from a string[] property with exactly this id.</summary>
    public static readonly TestProperty Category = TestProperty.Register(
        "MSTestDiscoverer.TestCategory", "TestCategory", typeof(string[]), TestPropertyAttributes.Hidden, typeof(TestCase));
}
