// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using System.Threading.Channels;
using StressTest.Monitoring.Telemetry;
using StressTest.Plan.Discovery;
using StressTest.Plan.Rules;
using StressTest.Transport;
using StressTest.Transport.Contracts;
using StressTest.Workers.Binding;
using StressTest.Workers.Http;

namespace StressTest.Workers;

/// <summary>
/// Runs an assignment's workers as threads of this process and harvests their recorders once per interval
/// into one interval histogram per agent, which it sends up encoded exactly as a remote agent will. The facet
/// <c>InProcessAgent.Timeline.cs</c> is the run from the workers' start to their end, on the agent's own thread.
/// </summary>
internal sealed partial class InProcessAgent : ILoadAgent
{
    private readonly TimeProvider _time;
    private readonly StressSetupContext? _local;

    /// <param name="time">The clock of the run.</param>
    /// <param name="local">The run's setup context in this process: what setup handed over (<c>Set</c>) and its HTTP
    /// configuration (<c>ConfigureHttp</c>) are objects, not messages, so they reach an in-process agent this way and
    /// never through the assignment.</param>
    public InProcessAgent(TimeProvider time, StressSetupContext? local = null)
    {
        _time = time;
        _local = local;
    }

    /// <summary>The agents a controller runs in this process: one per run, bound to that run's setup context.</summary>
    public static Func<StressSetupContext, ILoadAgent> For(TimeProvider time) => local => new InProcessAgent(time, local);

    /// <summary>Length of one telemetry interval.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    public async Task RunAsync(WorkAssignment assignment, ChannelWriter<TelemetryMessage> telemetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(telemetry);
        try
        {
            var binding = Resolve(assignment.Method);
            if (!binding.IsSuccess)
            {
                await telemetry.WriteAsync(new AgentFailed(binding.Error), CancellationToken.None).ConfigureAwait(false);
                return;
            }

            var http = HttpOptionsFor(assignment.Http);
            if (!http.IsSuccess)
            {
                await telemetry.WriteAsync(new AgentFailed(http.Error), CancellationToken.None).ConfigureAwait(false);
                return;
            }

            await RunWorkersAsync(assignment, binding.Value, http.Value, telemetry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            telemetry.TryComplete();
        }
    }

    /// <summary>Runs the workers on a thread of the agent's own, from their start to their end: the run's timing (the
    /// ticks of the intervals, the shutdown grace, the bounds on the workers' lifecycle code) never waits for a
    /// thread-pool thread, which a test that blocks pool threads would starve (<see cref="AgentClock"/>).</summary>
    private Task RunWorkersAsync(WorkAssignment assignment, MethodBinding binding, HttpOptions options, ChannelWriter<TelemetryMessage> telemetry, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var load = assignment.Load;
                using var http = new StressHttpClient(options, load.Model == LoadModel.Open ? load.MaxConcurrency : assignment.WorkerCount);
                var executor = CreateExecutor(assignment, binding, http, cancellationToken, out var run);
                RunTimeline(executor, run, http, telemetry, cancellationToken);
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "StressTest agent",
        };
        thread.Start();
        return done.Task;
    }

    private ILoadExecutor CreateExecutor(WorkAssignment assignment, MethodBinding binding, StressHttpClient http, CancellationToken cancellationToken, out LoadRun run)
    {
        var threads = assignment.Load.Model == LoadModel.Open ? 1 : assignment.WorkerCount;
        run = new LoadRun(_time, assignment.RunId, assignment.Load, threads, http)
        {
            SlotCount = assignment.WorkerCount,
            Data = _local?.Data ?? new RunData(),
            Cancellation = cancellationToken,
            Telemetry = new RunTelemetry(assignment.RunId, assignment.Test, assignment.TraceSampleRate),
        };
        return assignment.Load.Model == LoadModel.Open
            ? new OpenModelExecutor(run, binding, assignment.FirstWorkerId)
            : new ClosedModelExecutor(run, binding, assignment.FirstWorkerId, assignment.WorkerCount);
    }

    /// <summary>The assignment's HTTP settings with this process's configuration from setup.</summary>
    private ParseResult<HttpOptions> HttpOptionsFor(HttpSettings settings)
    {
        var accepted = StatusCodeSet.Parse(settings.AcceptStatus);
        if (!accepted.IsSuccess)
        {
            return ParseResult<HttpOptions>.Failure($"The assignment's accepted status codes are invalid: {accepted.Error}");
        }

        if (settings.BaseAddress is { } text && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            return ParseResult<HttpOptions>.Failure($"The assignment's base address \"{text}\" is not an absolute URI.");
        }

        return ParseResult<HttpOptions>.Success(new(settings.BaseAddress is { } address ? new Uri(address) : null, settings.AllowedHosts)
        {
            AcceptStatus = accepted.Value,
            Configure = _local?.HttpConfiguration ?? [],
            Routes = settings.Routes,
        });
    }

    private static ParseResult<MethodBinding> Resolve(TestMethodRef reference)
    {
        try
        {
            var assembly = Assembly.LoadFrom(reference.AssemblyPath);
            var type = assembly.GetType(reference.TypeName, throwOnError: true)!;
            // FlattenHierarchy: a static test inherited from a base class is resolved on the class it was discovered on.
            var method = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy)
                .FirstOrDefault(m => m.Name == reference.MethodName
                    && m.GetCustomAttributesData().Any(a => a.AttributeType.FullName == StressTestScanner.StressTestAttributeName));
            return method is null
                ? ParseResult<MethodBinding>.Failure($"Method {reference.TypeName}.{reference.MethodName} with [StressTest] was not found in {reference.AssemblyPath}.")
                : MethodBinding.Create(type, method);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or TypeLoadException)
        {
            return ParseResult<MethodBinding>.Failure($"Could not load {reference.TypeName} from {reference.AssemblyPath}: {ex.Message}");
        }
    }

    /// <summary>How an automatic warm-up went.</summary>
    private sealed record WarmUpOutcome(TimeSpan Length, string Note, bool Settled);
}
