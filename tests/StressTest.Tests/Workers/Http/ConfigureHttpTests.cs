// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StressTest.Plan.Methods;
using StressTest.Tests.TestSupport;
using StressTest.Transport.Contracts;
using StressTest.Workers.Http;

namespace StressTest.Tests.Workers.Http;

/// <summary>
/// The <c>ConfigureHttp</c> hook (<see cref="HttpOptions.Configure"/>): the test's handlers and client settings are
/// applied, its named clients are reachable from the context, and every client, named or not, stays measured and
/// guarded, with the host guard innermost so no handler of the test's can send past it.
/// </summary>
[TestClass]
public sealed class ConfigureHttpTests
{
    private const string Refused = "refused to send a request to host \"example.com\"";

    [TestMethod]
    public async Task Http_HandlerAndHeaderAddedByConfigureHttp_SeeAndShapeEveryRequest()
    {
        var seen = new ConcurrentQueue<string>();
        var stub = new StubHandler();
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(
            stub,
            b => b.AddHttpMessageHandler(() => new RecordingHandler(seen)),
            b => b.ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-Tenant", "load-test"))));

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.Http.GetAsync(new Uri("ping", UriKind.Relative));
        });

        Assert.AreEqual("GET http://127.0.0.1:5080/ping", Assert.ContainsSingle(seen));
        Assert.Contains("X-Tenant: load-test", Assert.ContainsSingle(stub.Received).Headers);
        Assert.AreEqual("GET /ping", Assert.ContainsSingle(slot.Harvest().Endpoints).Name, "the test's handler sits inside the measurement");
    }

    [TestMethod]
    public async Task GetHttpClient_NamedClientRegisteredInConfigureHttp_IsConfiguredMeasuredAndOneInstancePerSlot()
    {
        var main = new StubHandler();
        var auth = new StubHandler();
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(
            main,
            b => b.Services.AddHttpClient("x", c => c.BaseAddress = new Uri("http://localhost:6000/auth/")).ConfigurePrimaryHttpMessageHandler(() => auth)));
        HttpClient? first = null;
        HttpClient? second = null;

        await slot.InvokeAsync(async ctx =>
        {
            first = ctx.GetHttpClient("x");
            second = ctx.GetHttpClient("x");
            using var response = await first.PostAsync(new Uri("tokens/12", UriKind.Relative), null);
        });

        Assert.AreSame(first, second);
        Assert.AreNotSame(slot.Slot.Context.Http, first);
        Assert.AreSame(first, slot.Slot.HttpClient("x"));
        Assert.AreEqual(Timeout.InfiniteTimeSpan, first!.Timeout, "the run's client defaults apply to the test's clients too");
        Assert.AreEqual("POST http://localhost:6000/auth/tokens/12", Assert.ContainsSingle(auth.Requests));
        Assert.IsEmpty(main.Requests);
        Assert.AreEqual("POST localhost:6000/auth/tokens/{id}", Assert.ContainsSingle(slot.Harvest().Endpoints).Name);
    }

    [TestMethod]
    public async Task GetHttpClient_NamedClientToANotAllowedHost_IsRefusedInsideTheTestsOwnHandlers()
    {
        var seen = new ConcurrentQueue<string>();
        var auth = new StubHandler();
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(
            new StubHandler(),
            b => b.Services.AddHttpClient("x")
                .AddHttpMessageHandler(() => new RecordingHandler(seen))
                .ConfigurePrimaryHttpMessageHandler(() => auth)));
        Exception? caught = null;

        await slot.InvokeAsync(async ctx =>
        {
            try
            {
                using var response = await ctx.GetHttpClient("x").GetAsync(new Uri("http://example.com/orders/1"));
            }
            catch (Exception ex)
            {
                caught = ex;
            }
        });

        Assert.IsInstanceOfType<HostNotAllowedException>(caught);
        Assert.Contains(Refused, caught.Message);
        Assert.AreEqual("GET http://example.com/orders/1", Assert.ContainsSingle(seen), "the test's handler runs outside the guard");
        Assert.IsEmpty(auth.Requests, "nothing may reach the primary handler");
        var endpoint = Assert.ContainsSingle(slot.Harvest().Endpoints);
        Assert.AreEqual("GET example.com/orders/{id}", endpoint.Name);
        Assert.AreEqual(new StatusCount(0, 1), Assert.ContainsSingle(endpoint.StatusCodes));
        Assert.AreEqual(1, endpoint.Errors);
    }

    [TestMethod]
    public async Task HttpClient_NameNeverRegistered_IsGuardedToo()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));
        Exception? caught = null;

        await slot.InvokeAsync(async ctx =>
        {
            try
            {
                using var response = await ctx.GetHttpClient("never-registered").GetAsync(new Uri("http://example.com/"));
            }
            catch (Exception ex)
            {
                caught = ex;
            }
        });

        Assert.IsInstanceOfType<HostNotAllowedException>(caught);
    }

    [TestMethod]
    public async Task Http_RefusedHostCaughtByTheMethodInEveryInvocation_IsOneProblemOfTheRun()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));
        var refusals = 0;

        for (var i = 0; i < 3; i++)
        {
            await slot.InvokeAsync(async ctx =>
            {
                try
                {
                    using var response = await ctx.Http.GetAsync(new Uri("http://example.com/"));
                }
                catch (HostNotAllowedException)
                {
                    refusals++;
                }
            });
        }

        Assert.AreEqual(3, refusals);
        var problem = Assert.ContainsSingle(slot.Run.Problems);
        Assert.Contains(Refused, problem);
        Assert.Contains("AllowedHosts", problem);
        var interval = slot.Harvest();
        Assert.IsEmpty(interval.Errors, "the method caught it: no invocation failed, yet the run has its problem");
        Assert.AreEqual(3, Assert.ContainsSingle(interval.Endpoints).Errors);
    }

    [TestMethod]
    public async Task Send_RefusedHostSynchronously_IsReportedOnceAsWell()
    {
        using var slot = new MeasuredSlot(MeasuredSlot.Stubbed(new StubHandler()));
        Exception? caught = null;

        await Task.Run(() => slot.Invoke(ctx =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://example.com/"));
            try
            {
                using var response = ctx.Http.Send(request);
            }
            catch (Exception ex)
            {
                caught = ex;
            }
        })).WaitAsync(TestClock.Guard);

        Assert.IsInstanceOfType<HostNotAllowedException>(caught);
        Assert.Contains(Refused, Assert.ContainsSingle(slot.Run.Problems));
    }

    [TestMethod]
    public async Task Http_HostInAllowedHosts_PassesTheGuardOfEveryClient()
    {
        var auth = new StubHandler();
        var stubbed = MeasuredSlot.Stubbed(new StubHandler(), b => b.Services.AddHttpClient("x").ConfigurePrimaryHttpMessageHandler(() => auth));
        var options = stubbed with { AllowedHosts = ["staging.example.com"] };
        using var slot = new MeasuredSlot(options);

        await slot.InvokeAsync(async ctx =>
        {
            using var response = await ctx.GetHttpClient("x").GetAsync(new Uri("https://staging.example.com/health"));
        });

        Assert.AreEqual("GET https://staging.example.com/health", Assert.ContainsSingle(auth.Requests));
        Assert.IsEmpty(slot.Run.Problems);
    }

    [TestMethod]
    public void ConfigureHttp_Actions_AreKeptInOrderForTheRun()
    {
        var setup = new StressSetupContext();
        Action<IHttpClientBuilder> first = _ => { };
        Action<IHttpClientBuilder> second = _ => { };

        setup.ConfigureHttp(first);
        setup.ConfigureHttp(second);

        Assert.AreSequenceEqual(new[] { first, second }, setup.HttpConfiguration.ToArray());
        Assert.ThrowsExactly<ArgumentNullException>(() => setup.ConfigureHttp(null!));
    }

    /// <summary>A handler of the test's own: records what passes through it.</summary>
    private sealed class RecordingHandler(ConcurrentQueue<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue($"{request.Method} {request.RequestUri}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
