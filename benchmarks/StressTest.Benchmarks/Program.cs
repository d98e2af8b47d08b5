// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using StressTest.Benchmarks.Engine;
using StressTest.Benchmarks.Http;
using StressTest.Benchmarks.LoadModels;
using StressTest.Benchmarks.Micro;
using StressTest.Benchmarks.Targets;

namespace StressTest.Benchmarks;

/// <summary>
/// <c>engine</c>: the real engine end-to-end on no-op methods (whole runs, Markdown table).
/// <c>micro</c>: BenchmarkDotNet on one invocation of the worker's hot path; further arguments go to
/// BenchmarkDotNet (<c>--filter</c>, <c>--inProcess</c>, ...). <c>feeders</c>: the same for one take from a feeder.
/// <c>open</c>: open-model accuracy (achieved rate, start lateness) at 1,000, 10,000 and 50,000 arrivals/s.
/// <c>memory</c>: peak working set of a long open-model run against a short one, each in a fresh child process
/// (<c>memory-run</c>, hidden, is that child). <c>open-probe</c>: diagnostic, places each stretch of late starts in time.
/// <c>http-stress</c> and <c>http-bare</c>: one generator of the HTTP benchmark (<c>run-http.sh</c>) against a running
/// server, our closed model or a bare <c>HttpClient</c> loop, one machine-readable line. <c>isolation</c>: what a child
/// process per test would cost (<c>isolation-run</c>, hidden, is that child).
/// </summary>
internal static class Program
{
    /// <summary>Exit code of a command line that does not parse (unknown command or option, bad value).</summary>
    private const int UsageError = 2;

    public static async Task<int> Main(string[] args)
    {
        // "@file" is passed through to BenchmarkDotNet as it is, not expanded as a response file.
        var parseResult = BuildRootCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var exitCode = await parseResult.InvokeAsync();
        return parseResult.Errors.Count > 0 ? UsageError : exitCode;
    }

    private static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("StressTest engine benchmarks. See benchmarks/README.md.");

        // Help is per command rather than recursive, so that "micro --help" reaches BenchmarkDotNet.
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Recursive = false;
        }

        root.Subcommands.Add(EngineCommand("engine", "The real engine end-to-end on no-op methods (whole runs, Markdown table).", defaultSeconds: 5, EngineBenchmark.RunAsync));
        root.Subcommands.Add(MicroCommand("micro", "BenchmarkDotNet on one invocation of the worker's hot path; further arguments go to BenchmarkDotNet (--filter, --inProcess, --help, ...).", typeof(InvocationHotPathBenchmarks)));
        root.Subcommands.Add(MicroCommand("feeders", "BenchmarkDotNet on one take from a feeder, per strategy, on 1 and 2 threads; further arguments go to BenchmarkDotNet.", typeof(FeederBenchmarks)));
        root.Subcommands.Add(EngineCommand("open", "Open-model accuracy (achieved rate, start lateness) at 1,000, 10,000 and 50,000 arrivals/s.", defaultSeconds: 10, OpenModelBenchmark.RunAsync));
        root.Subcommands.Add(MemoryCommand());
        root.Subcommands.Add(MemoryRunCommand());
        root.Subcommands.Add(OpenProbeCommand());
        root.Subcommands.Add(HttpCommand("http-stress", "Our closed model through the real engine: GET / of a running server for --seconds; prints rps, cpu_s, requests.", HttpBenchmark.RunStressAsync, variants: false));
        root.Subcommands.Add(HttpCommand("http-bare", "The floor: async tasks looping on one HttpClient, GET / of a running server for --seconds; prints rps, cpu_s, requests.", HttpBenchmark.RunBareAsync, variants: true));
        root.Subcommands.Add(IsolationCommand());
        root.Subcommands.Add(IsolationRunCommand());
        root.Subcommands.Add(EngineCommand("mock", "The mock server (StressTest.Mocks) at 1,000 requests/s: measured latency against the configured one.", defaultSeconds: 30, Mocks.MockServerBenchmark.RunAsync));
        return root;
    }

    /// <summary><c>engine</c> and <c>open</c>: <c>[--seconds N] [--warmup 1] [--repeat 3] [--wait-idle 0]</c>.</summary>
    private static Command EngineCommand(string name, string description, double defaultSeconds, Func<EngineOptions, Task<int>> run)
    {
        var seconds = Positive("--seconds", defaultSeconds, "Measured duration of each run, in seconds (> 0).");
        var warmUp = NonNegative("--warmup", 1, "Warm-up of each run, in seconds (>= 0): lets tiered JIT and on-stack replacement finish before measuring.");
        var repeat = Repeat(3, "Runs per case (>= 1); the table shows the median.");
        var waitIdle = WaitIdle("Before each run, wait up to this many seconds (>= 0) for the rest of the machine to be idle, and run again (up to 3 times) a run that other processes disturbed anyway; 0 does neither.");
        var command = Command(name, description, seconds, warmUp, repeat, waitIdle);
        command.SetAction(parseResult => run(new EngineOptions(
            parseResult.GetRequiredValue(seconds),
            parseResult.GetRequiredValue(warmUp),
            parseResult.GetRequiredValue(repeat),
            parseResult.GetRequiredValue(waitIdle))));
        return command;
    }

    /// <summary><c>micro</c> and <c>feeders</c>: every further argument goes to BenchmarkDotNet as it is.</summary>
    private static Command MicroCommand(string name, string description, Type benchmarks)
    {
        var command = new Command(name, description)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parseResult =>
        {
            // Artifacts next to the binaries rather than in whatever directory `dotnet run` was started from
            // (BenchmarkDotNet's default); --artifacts on the command line still wins.
            var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
            var summary = BenchmarkRunner.Run(benchmarks, config, [.. parseResult.UnmatchedTokens]);
            return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
        });
        return command;
    }

    /// <summary><c>memory</c>: <c>[--short 20] [--long 120] [--rate 10000] [--methods NoopAsync,Delay5Ms] [--repeat 1] [--wait-idle 0]</c>.</summary>
    private static Command MemoryCommand()
    {
        var shortSeconds = Positive("--short", 20, "Duration of the short run, in seconds (> 0).");
        var longSeconds = Positive("--long", 120, "Duration of the long run, in seconds (> 0).");
        var rate = Positive("--rate", 10_000, "Arrivals per second of both runs (> 0).");
        var methods = new Option<string[]>("--methods")
        {
            Description = $"Comma-separated methods to run, of {string.Join(", ", OpenModelRun.Declarations.Keys)}.",
            HelpName = "names",
            Arity = ArgumentArity.ExactlyOne,
            DefaultValueFactory = _ => [nameof(OpenTargets.NoopAsync), nameof(OpenTargets.Delay5Ms)],
            CustomParser = result => result.Tokens.Single().Value.Split(','),
        };
        methods.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.GetValueOrDefault<string[]>() is { } names && !names.All(OpenModelRun.Declarations.ContainsKey))
            {
                result.AddError($"--methods: each must be one of {string.Join(", ", OpenModelRun.Declarations.Keys)}, got {result.Tokens.Single().Value}");
            }
        });
        var repeat = Repeat(1, "Pairs of runs per method (>= 1); the ratio uses the medians.");
        var waitIdle = WaitIdle("Before each run, wait up to this many seconds (>= 0) for the rest of the machine to be idle.");
        var command = Command("memory", "Peak working set of a long open-model run against a short one, each in a fresh child process.", shortSeconds, longSeconds, rate, methods, repeat, waitIdle);
        command.SetAction(parseResult => MemoryBenchmark.RunAsync(new MemoryOptions(
            parseResult.GetRequiredValue(shortSeconds),
            parseResult.GetRequiredValue(longSeconds),
            parseResult.GetRequiredValue(rate),
            parseResult.GetRequiredValue(methods),
            parseResult.GetRequiredValue(repeat),
            parseResult.GetRequiredValue(waitIdle))));
        return command;
    }

    /// <summary><c>isolation</c>: <c>[--repeat 5]</c>.</summary>
    private static Command IsolationCommand()
    {
        var repeat = Repeat(5, "Runs in this process and in a child process each (>= 1), interleaved; the table shows medians.");
        var command = Command("isolation", "What a child process per test would cost: a 1-s no-op test here (warm) and in a fresh child, start to exit.", repeat);
        command.SetAction(parseResult => IsolationBenchmark.RunAsync(parseResult.GetRequiredValue(repeat)));
        return command;
    }

    /// <summary>The hidden <c>isolation-run</c>: the child process of <c>isolation</c>.</summary>
    private static Command IsolationRunCommand()
    {
        var command = Command("isolation-run", "One 1-s no-op test in this process (the child of isolation).");
        command.Hidden = true;
        command.SetAction(_ => IsolationBenchmark.RunChildOnceAsync());
        return command;
    }

    /// <summary>The hidden <c>memory-run</c>: the child process of <c>memory</c>.</summary>
    private static Command MemoryRunCommand()
    {
        var method = new Option<string>("--method") { Description = "The method to run.", HelpName = "name" };
        var rate = Number("--rate", 10_000, "Arrivals per second.");
        var seconds = Number("--seconds", 20, "Duration, in seconds.");
        var holdSeconds = Number("--hold-seconds", 0, "After the run, hold the process this many seconds (to take a dump).");
        var command = Command("memory-run", "One run of the memory benchmark in this process (its child).", method, rate, seconds, holdSeconds);
        command.Hidden = true;
        command.SetAction(parseResult => MemoryBenchmark.RunOneAsync(
            parseResult.GetValue(method),
            parseResult.GetRequiredValue(rate),
            parseResult.GetRequiredValue(seconds),
            parseResult.GetRequiredValue(holdSeconds)));
        return command;
    }

    /// <summary><c>open-probe</c>: <c>[--method ProbeNoopAsync|ProbeDelay5Ms] [--rate 50000] [--seconds 10] [--warmup 1] [--threshold-ms 1] [--prewarm-recording]</c>.</summary>
    private static Command OpenProbeCommand()
    {
        var method = new Option<string>("--method")
        {
            Description = $"{nameof(ProbeTargets.ProbeNoopAsync)} or {nameof(ProbeTargets.ProbeDelay5Ms)}.",
            HelpName = "name",
            DefaultValueFactory = _ => nameof(ProbeTargets.ProbeNoopAsync),
        };
        var rate = Number("--rate", 50_000, "Arrivals per second.");
        var seconds = Number("--seconds", 10, "Measured duration, in seconds.");
        var warmUp = Number("--warmup", 1, "Warm-up, in seconds.");
        var thresholdMs = Number("--threshold-ms", 1, "A start later than this many milliseconds is late.");
        var prewarm = new Option<bool>("--prewarm-recording") { Description = "Run the open model's recording path before the run." };
        var command = Command("open-probe", "Diagnostic: places each stretch of late starts of an open-model run in time.", method, rate, seconds, warmUp, thresholdMs, prewarm);
        command.SetAction(parseResult => OpenProbe.RunAsync(
            parseResult.GetRequiredValue(method),
            parseResult.GetRequiredValue(rate),
            parseResult.GetRequiredValue(seconds),
            parseResult.GetRequiredValue(warmUp),
            parseResult.GetRequiredValue(thresholdMs),
            parseResult.GetValue(prewarm)));
        return command;
    }

    /// <summary><c>http-stress</c> and <c>http-bare</c>: <c>--url URL [--seconds 10] [--warmup 1] [--concurrency 64]</c>;
    /// with <paramref name="variants"/> (<c>http-bare</c>) also <c>[--threads]</c>.</summary>
    private static Command HttpCommand(string name, string description, Func<HttpLoadOptions, Task<int>> run, bool variants)
    {
        var url = new Option<Uri>("--url")
        {
            Description = "Base address of the server, e.g. http://127.0.0.1:5091/ (loopback only).",
            HelpName = "url",
            Required = true,
            CustomParser = result =>
            {
                var token = result.Tokens.Single().Value;
                if (!Uri.TryCreate(token, UriKind.Absolute, out var uri) || !uri.IsLoopback)
                {
                    result.AddError($"--url must be an absolute http address on loopback, got {token}");
                }

                return uri!;
            },
        };
        var seconds = Positive("--seconds", 10, "Measured duration, in seconds (> 0).");
        var warmUp = NonNegative("--warmup", 1, "A separate load before the measured one, in seconds (>= 0): lets tiered JIT finish.");
        var concurrency = Number("--concurrency", 64, "Requests in flight: workers or tasks, and connections (1-10,000).", value => value is >= 1 and <= 10_000 && value == Math.Floor(value), "a whole number from 1 to 10,000");
        var threads = new Option<bool>("--threads") { Description = "Diagnostic: dedicated threads that block on each request (as the closed model's workers do) instead of async tasks." };
        var decompress = new Option<bool>("--decompress") { Description = "Diagnostic: automatic decompression on, as the engine's client has it." };
        var cancellable = new Option<bool>("--cancellable") { Description = "Diagnostic: each task passes a cancellable token (never cancelled), as a test passing ctx.CancellationToken does." };
        var command = variants
            ? Command(name, description, url, seconds, warmUp, concurrency, threads, decompress, cancellable)
            : Command(name, description, url, seconds, warmUp, concurrency);
        command.SetAction(parseResult => run(new HttpLoadOptions(
            parseResult.GetRequiredValue(url),
            parseResult.GetRequiredValue(seconds),
            parseResult.GetRequiredValue(warmUp),
            (int)parseResult.GetRequiredValue(concurrency),
            variants && parseResult.GetValue(threads),
            variants && parseResult.GetValue(decompress),
            variants && parseResult.GetValue(cancellable))));
        return command;
    }

    private static Command Command(string name, string description, params Option[] options)
    {
        var command = new Command(name, description) { new HelpOption() };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>A number in invariant culture that <paramref name="isValid"/> (if given) accepts.</summary>
    private static Option<double> Number(string name, double defaultValue, string description, Func<double, bool>? isValid = null, string? requirement = null) =>
        new(name)
        {
            Description = description,
            HelpName = "number",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var token = result.Tokens.Single().Value;
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    result.AddError($"{name}: not a number: {token}");
                }
                else if (isValid is not null && !isValid(value))
                {
                    result.AddError($"{name} must be {requirement}, got {token}");
                }

                return value;
            },
        };

    private static Option<double> Positive(string name, double defaultValue, string description) =>
        Number(name, defaultValue, description, value => value > 0, "> 0");

    private static Option<double> NonNegative(string name, double defaultValue, string description) =>
        Number(name, defaultValue, description, value => value >= 0, ">= 0");

    private static Option<double> WaitIdle(string description) => NonNegative("--wait-idle", 0, description);

    private static Option<int> Repeat(int defaultValue, string description) =>
        new("--repeat")
        {
            Description = description,
            HelpName = "count",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var token = result.Tokens.Single().Value;
                if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
                {
                    result.AddError($"--repeat must be an integer >= 1, got {token}");
                }

                return value;
            },
        };
}
