// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.TestAdapter.Tests.EndToEnd;

/// <summary>
/// A project under tests/Fixtures: a small "user" test project with stress tests, built once per test run (on
/// first use) and run with real `dotnet test`.
/// </summary>
internal sealed class FixtureProject
{
    /// <summary>Name of the environment variable the fixtures' setup and teardown methods write markers to.</summary>
    public const string MarkersVariable = "STRESSTEST_E2E_MARKERS";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3);

    private readonly Lazy<Task<ProcessResult>> _build;
    private readonly string[] _buildArguments;

    private readonly string _configuration;

    /// <param name="name">The fixture's folder under tests/Fixtures.</param>
    /// <param name="buildArguments">Added to its `dotnet build` (such as an MSBuild property).</param>
    /// <param name="configuration">Debug, or Release as `dotnet test -c Release` builds it.</param>
    private FixtureProject(string name, string[]? buildArguments = null, string configuration = "Debug")
    {
        Name = name;
        _buildArguments = buildArguments ?? [];
        _configuration = configuration;
        ProjectDirectory = Path.Combine(RepositoryRoot.Path, "tests", "Fixtures", name);
        // Same target framework as this test assembly: both take it from Directory.Build.props.
        var targetFramework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        AssemblyPath = Path.Combine(ProjectDirectory, "bin", configuration, targetFramework, name + ".dll");
        _build = new(() => BuildAsync(_buildArguments), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static FixtureProject Basic { get; } = new("BasicFixture");

    public static FixtureProject BadInput { get; } = new("BadInputFixture");

    public static FixtureProject Cancel { get; } = new("CancelFixture");

    public static FixtureProject LoadModel { get; } = new("LoadModelFixture");

    public static FixtureProject Http { get; } = new("HttpFixture");

    public static FixtureProject Report { get; } = new("ReportFixture");

    public static FixtureProject Gates { get; } = new("GatesFixture");

    public static FixtureProject Data { get; } = new("DataFixture");

    /// <summary>Built with its analyzer error suppressed, so that it builds and its tests run.</summary>
    public static FixtureProject Analyzer { get; } = new("AnalyzerFixture", ["-p:SuppressStressTestErrors=true"]);

    public static FixtureProject Hostile { get; } = new("HostileFixture");

    public static FixtureProject WarmUp { get; } = new("WarmUpFixture");

    /// <summary>The same project built in Release (as `dotnet test -c Release` does), engine included.</summary>
    public static FixtureProject WarmUpRelease { get; } = new("WarmUpFixture", configuration: "Release");

    public string Name { get; }

    public string ProjectDirectory { get; }

    public string AssemblyPath { get; }

    /// <summary>Builds the fixture the first time it is asked for; fails the calling test if the build failed.</summary>
    public async Task EnsureBuiltAsync()
    {
        var build = await _build.Value;
        if (build.TimedOut || build.ExitCode != 0 || !File.Exists(AssemblyPath))
        {
            Assert.Fail($"Building the fixture {Name} failed (expected {AssemblyPath}).{Environment.NewLine}{build}");
        }
    }

    /// <summary>
    /// Runs `dotnet test --no-build` on the fixture with the trx logger into a new folder and reads the TRX.
    /// </summary>
    /// <param name="runName">Names the TRX file and the results folder.</param>
    /// <param name="filter">A --filter expression, or null.</param>
    /// <param name="runSettings">Inline run settings after `--`, such as StressTest.DurationScale=0.5.</param>
    public Task<FixtureRun> TestAsync(string runName, string? filter = null, params string[] runSettings) =>
        TestAsync(runName, filter, new Dictionary<string, string>(), [], runSettings);

    /// <summary>The same, with environment variables for the test host and arguments before <c>--</c> (<c>--settings</c>).</summary>
    public async Task<FixtureRun> TestAsync(string runName, string? filter, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments, params string[] runSettings)
    {
        await EnsureBuiltAsync();
        var results = TempFolders.Create($"{Name}-{runName}");
        var markers = Path.Combine(results, "markers");
        List<string> command =
        [
            "test", ProjectDirectory, "--no-build", "-c", _configuration,
            "--logger", $"trx;LogFileName={runName}.trx",
            "--results-directory", results,
            .. arguments,
        ];
        if (filter is not null)
        {
            command.AddRange(["--filter", filter]);
        }

        if (runSettings.Length > 0)
        {
            command.Add("--");
            command.AddRange(runSettings);
        }

        var variables = new Dictionary<string, string>(environment) { [MarkersVariable] = markers };
        var process = await DotnetCli.RunAsync(command, variables, TestTimeout);
        var trxPath = Path.Combine(results, runName + ".trx");
        if (process.TimedOut || !File.Exists(trxPath))
        {
            Assert.Fail($"dotnet test on {Name} wrote no TRX at {trxPath}.{Environment.NewLine}{process}");
        }

        return new FixtureRun(process, TrxFile.Load(trxPath), results, markers);
    }

    /// <summary>`dotnet build` of the fixture, with <paramref name="extraArguments"/> after its own.</summary>
    public Task<ProcessResult> BuildAsync(params string[] extraArguments) => DotnetCli.RunAsync(
        ["build", ProjectDirectory, "-c", _configuration, "--disable-build-servers", "-nodeReuse:false", "-v:minimal", .. extraArguments],
        environment: null,
        BuildTimeout);
}
