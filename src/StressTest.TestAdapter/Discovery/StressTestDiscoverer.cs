// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace StressTest.TestAdapter.Discovery;

/// <summary>VSTest discoverer: lists the <c>[StressTest]</c> methods of each source with file, line and category.</summary>
/// <remarks>Public only because VSTest finds adapters among an assembly's exported types; not an API to call.</remarks>
[FileExtension(".dll")]
[FileExtension(".exe")]
[DefaultExecutorUri(AdapterInfo.ExecutorUri)]
public sealed class StressTestDiscoverer : ITestDiscoverer
{
    /// <inheritdoc />
    public void DiscoverTests(IEnumerable<string> sources, IDiscoveryContext discoveryContext, IMessageLogger logger, ITestCaseDiscoverySink discoverySink)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(discoverySink);
        foreach (var testCase in Discover(sources, logger))
        {
            discoverySink.SendTestCase(testCase);
        }
    }

    internal static IEnumerable<TestCase> Discover(IEnumerable<string> sources, IMessageLogger? logger)
    {
        foreach (var source in sources)
        {
            var declarations = TestSource.Scan(source, logger);
            if (declarations.Count == 0)
            {
                continue;
            }

            using var locator = new SourceLocator(source);
            foreach (var declaration in declarations)
            {
                yield return TestCaseFactory.Create(declaration, source, locator);
            }
        }
    }
}
